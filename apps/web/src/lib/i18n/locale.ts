import { getLocale, type Locale } from '$lib/paraglide/runtime.js';

export const DIRECTION: Record<Locale, 'ltr' | 'rtl'> = { en: 'ltr', ur: 'rtl' };

export const textDirection = (locale: Locale = getLocale()) => DIRECTION[locale];
