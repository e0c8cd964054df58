import type { LocalisedName } from '@fourp/domain';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';

export const DIRECTION: Record<Locale, 'ltr' | 'rtl'> = { en: 'ltr', ur: 'rtl' };

export const textDirection = (locale: Locale = getLocale()) => DIRECTION[locale];

/** A jurisdiction's name in the page's language (English where the catalogue has no Urdu name). */
export function localName(name: LocalisedName): string;
export function localName(name: LocalisedName | undefined): string | undefined;
export function localName(name: LocalisedName | undefined) {
  // The domain's nameIn, without importing its module of Urdu catalogue texts into the page's JavaScript.
  if (name === undefined) return undefined;
  return getLocale() === 'en' ? name.en : (name.ur ?? name.en);
}
