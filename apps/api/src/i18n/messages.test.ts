import { LOCALES } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { API_MESSAGES, type MessageCode } from './messages.js';

const URDU = /[\u0600-\u06FF]/;
/** Parameters that each stand for themselves, so a text that drops one is seen. */
const tokens = new Proxy({} as Record<string, string>, { get: (_, key) => `«${String(key)}»` });
const tokensIn = (text: string) => new Set(text.match(/«\w+»/g) ?? []);
/** Parameters the Urdu text renders rather than repeats: a state name, English advice from zxcvbn. */
const RENDERED: Partial<Record<MessageCode, string[]>> = {
  import_figure_refused: ['«state»'],
  password_too_easy: ['«why»'],
};

describe('the API’s own texts', () => {
  const codes = Object.keys(API_MESSAGES.en) as MessageCode[];

  it('exist in every language for every code', () => {
    for (const locale of LOCALES) expect(Object.keys(API_MESSAGES[locale]).sort()).toEqual([...codes].sort());
  });

  it('are Urdu in Urdu and keep every parameter the English text shows', () => {
    for (const code of codes) {
      const render = (locale: 'en' | 'ur') => (API_MESSAGES[locale][code] as (p: unknown) => string)(tokens);
      const en = render('en');
      const ur = render('ur');
      expect(ur, code).toMatch(URDU);
      expect(ur, code).not.toBe(en);
      const expected = [...tokensIn(en)].filter((t) => !RENDERED[code]?.includes(t));
      for (const token of expected) expect(ur, `${code} keeps ${token}`).toContain(token);
    }
  });
});
