import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';

const webDir = new URL('../../../', import.meta.url).pathname;
const srcDir = join(webDir, 'src');

type Variant = { declarations: string[]; selectors: string[]; match: Record<string, string> };
type Catalogue = Record<string, string | Variant[]>;
const catalogue = (locale: string): Catalogue => {
  const { $schema: _schema, ...messages } = JSON.parse(
    readFileSync(join(webDir, 'messages', `${locale}.json`), 'utf8'),
  ) as Catalogue;
  return messages;
};
const en = catalogue('en');
const ur = catalogue('ur');

/** Every text of a message: the message itself, or each variant of a plural. */
const texts = (message: string | Variant[]): string[] =>
  typeof message === 'string' ? [message] : message.flatMap((variant) => Object.values(variant.match));
const placeholders = (message: string | Variant[]) =>
  [
    ...new Set(texts(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))),
  ].sort();
/** What a variant message selects on and which cases it has; both languages must agree. */
const shape = (message: string | Variant[]) =>
  typeof message === 'string'
    ? 'text'
    : message.map((variant) => ({ selectors: variant.selectors, cases: Object.keys(variant.match).sort() }));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The officials' pages' messages (sign-in, entry, review, imports, administration, account). */
const OFFICIALS = /^(login|entry|review|imports|admin|units|account|history|workflow)_(?!state_)/;
const PUBLIC_PAGE =
  /^routes\/(\+|[A-Z]|indicators|compare|coverage|pillars|measures|methodology|progress|data|jurisdictions)/;

describe('message catalogues', () => {
  const used = new Map<string, string>();
  for (const file of sourceFiles(srcDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bm\.(\w+)\b/g))
      used.set(match[1] as string, relative(srcDir, file));
  }

  it('has every message the source uses', () => {
    expect(used.size).toBeGreaterThan(400);
    expect([...used].filter(([key]) => !(key in en)).map(([key, file]) => `${key} (${file})`)).toEqual([]);
  });

  it('has the same keys in English and Urdu, none empty, with the same placeholders and plural cases', () => {
    expect(Object.keys(ur).sort()).toEqual(Object.keys(en).sort());
    for (const [locale, messages] of [
      ['en', en],
      ['ur', ur],
    ] as const) {
      const empty = Object.entries(messages).filter(([, message]) =>
        texts(message).some((t) => t.trim() === ''),
      );
      expect(empty, locale).toEqual([]);
    }
    const differ = Object.keys(en).filter(
      (key) =>
        ur[key] !== undefined &&
        JSON.stringify([placeholders(en[key]!), shape(en[key]!)]) !==
          JSON.stringify([placeholders(ur[key]!), shape(ur[key]!)]),
    );
    expect(differ).toEqual([]);
  });

  it("keeps the officials' messages out of the public pages", () => {
    expect([...used.keys()].filter((key) => OFFICIALS.test(key)).length).toBeGreaterThan(150);
    const onPublicPages = [...used].filter(([key, file]) => OFFICIALS.test(key) && PUBLIC_PAGE.test(file));
    expect(onPublicPages).toEqual([]);
  });

  it('speaks each language and counts in its plural forms', () => {
    expect(m.nav_overview({}, { locale: 'en' })).toBe('Overview');
    expect(m.nav_overview({}, { locale: 'ur' })).not.toBe('Overview');
    expect(m.indicators_count({ count: 1 }, { locale: 'en' })).toBe('1 indicator');
    expect(m.indicators_count({ count: 3 }, { locale: 'en' })).toBe('3 indicators');
    expect(m.indicators_count({ count: 1 }, { locale: 'ur' })).toBe('1 اشاریہ');
    expect(m.indicators_count({ count: '1,204' }, { locale: 'ur' })).toBe('1,204 اشاریے');
  });
});
