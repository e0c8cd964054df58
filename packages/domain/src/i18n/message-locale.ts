import { DEFAULT_LOCALE, type Locale } from './locale.js';
import { renderReason, type Reason } from './reasons.js';

let currentLocale: () => Locale = () => DEFAULT_LOCALE;

/**
 * Where the contracts' own zod messages read their language from while a schema parses: zod gives a check no
 * context, so the API points this at its request's language, as it does for zod's default messages.
 */
export function readMessageLocaleFrom(read: () => Locale): void {
  currentLocale = read;
}

/** The reason in the language messages are written in now (English unless the API says otherwise). */
export const say = (why: Reason): string => renderReason(why, currentLocale());

/** A zod `error` option writing the reason in the language of the moment. */
export const sayError = (why: Reason) => ({ error: () => say(why) });
