import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES, localeOfTag, negotiateLocale } from './locale.js';

describe('negotiateLocale', () => {
  it.each([
    [null, null, 'en'],
    [undefined, '', 'en'],
    ['ur', null, 'ur'],
    ['ur', 'en', 'ur'],
    ['en', 'ur-PK', 'en'],
    ['UR', null, 'ur'],
    ['fr', 'ur', 'ur'],
    ['xx', null, 'en'],
    [null, 'ur-PK,ur;q=0.9', 'ur'],
    [null, 'ur-PK,ur;q=0.9,en;q=0.8', 'ur'],
    [null, 'en;q=0.5, ur;q=0.8', 'ur'],
    [null, 'ur;q=0.5, en;q=0.8', 'en'],
    [null, 'fr-FR, de;q=0.9', 'en'],
    [null, 'fr-FR, ur;q=0.1', 'ur'],
    [null, 'ur;q=0', 'en'],
    [null, '*', 'en'],
    [null, 'ur;q=abc, en;q=0.2', 'en'],
    [null, 'en, ur', 'en'],
    [null, 'ur, en', 'ur'],
  ] as const)('lang=%s, Accept-Language %s → %s', (lang, accept, expected) => {
    expect(negotiateLocale(lang, accept)).toBe(expected);
  });

  it('offers English and Urdu with English the default', () => {
    expect(LOCALES).toEqual(['en', 'ur']);
    expect(DEFAULT_LOCALE).toBe('en');
  });

  it('maps a regional tag to its language', () => {
    expect(localeOfTag('ur-PK')).toBe('ur');
    expect(localeOfTag('en_GB')).toBe('en');
    expect(localeOfTag('pa-PK')).toBeNull();
  });
});
