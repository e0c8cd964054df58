import { describe, expect, it } from 'vitest';
import * as domain from '../../index.js';
import { DENOMINATOR_METHODS } from '../../results.js';
import { hasArabicScript, urduProblems } from '../../test-support/urdu.js';
import { METHOD_TEXTS_UR } from './methods.js';

const englishMethods = Object.fromEntries(
  Object.entries(domain).filter(([name]) => name.endsWith('_METHOD')),
);
const numbersOf = (text: string): string[] => [...new Set(text.match(/\d+(?:[.,]\d+)*/g) ?? [])].sort();
const { DENOMINATOR_METHODS: denominatorMethods, ...methods } = METHOD_TEXTS_UR;

describe('Urdu method texts', () => {
  it('translate every exported *_METHOD text of the domain, in the same shape, Latin names kept', () => {
    expect(Object.keys(englishMethods).length).toBeGreaterThanOrEqual(8);
    expect(urduProblems(englishMethods, methods)).toEqual([]);
  });

  it.each(Object.keys(englishMethods))(
    '%s: the same numbers as the English, from the same constants',
    (name) => {
      const en = englishMethods[name] as string | Record<string, string>;
      const ur = methods[name as keyof typeof methods];
      const texts = (value: string | Record<string, string>) =>
        typeof value === 'string' ? [value] : Object.values(value);
      expect(texts(ur).map(numbersOf)).toEqual(texts(en).map(numbersOf));
    },
  );

  it('describe every denominator method in Urdu', () => {
    expect(Object.keys(denominatorMethods)).toEqual([...DENOMINATOR_METHODS]);
    for (const text of Object.values(denominatorMethods)) expect(hasArabicScript(text)).toBe(true);
  });
});
