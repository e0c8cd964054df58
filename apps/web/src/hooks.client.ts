import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';

// Every message asks for the locale, and the runtime reads it from `location` each time; a page's language
// is fixed (the language switch reloads the page), so it is read once.
const locale = getLocale();
overwriteGetLocale(() => locale);
