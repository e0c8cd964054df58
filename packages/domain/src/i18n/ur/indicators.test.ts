import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../catalogue/indicators.js';
import type { Indicator } from '../../contracts.js';
import { urduProblems, urduTextProblems } from '../../test-support/urdu.js';
import { INDICATOR_TEXTS_UR, type IndicatorTexts } from './indicators.js';

const englishTexts = (indicator: Indicator): IndicatorTexts => {
  const noted = indicator.crosswalks.filter((crosswalk) => crosswalk.note !== undefined);
  return {
    name: indicator.name,
    definition: indicator.definition,
    unit: indicator.unit,
    ...(indicator.directionReason === undefined ? {} : { directionReason: indicator.directionReason }),
    ...(indicator.variants.length === 0
      ? {}
      : {
          variants: Object.fromEntries(
            indicator.variants.map(({ id, label, note }) => [id, { label, note }]),
          ),
        }),
    scopeNotes: indicator.scopeNotes,
    ...(noted.length === 0
      ? {}
      : {
          crosswalks: Object.fromEntries(
            noted.map(({ reference, note }) => [reference, { note: note ?? '' }]),
          ),
        }),
  };
};

describe('Urdu indicator texts', () => {
  it('cover exactly the catalogue indicators', () => {
    expect(Object.keys(INDICATOR_TEXTS_UR).sort()).toEqual(
      INDICATORS.map((indicator) => indicator.id).sort(),
    );
  });

  it.each(INDICATORS.map((indicator) => [indicator.id, indicator] as const))(
    '%s: every human-read field in Urdu, nothing more, placeholders and Latin words kept',
    (id, indicator) => {
      expect(urduProblems(englishTexts(indicator), INDICATOR_TEXTS_UR[id])).toEqual([]);
    },
  );

  it('flags untranslated English, a lost placeholder, an empty text and a missing field', () => {
    const problems = (ur: string) => urduTextProblems({ path: '.name', en: 'Victims in {place}', ur });
    expect(problems('{place} میں متاثرین')).toEqual([]);
    expect(problems('Victims in {place}')).toEqual(['.name: no Urdu script']);
    expect(problems('میں متاثرین')).toEqual(['.name: placeholders differ']);
    expect(problems('{place} of متاثرین')).toEqual(['.name: Latin words not in the English: of']);
    expect(problems(' ')).toEqual(['.name: empty', '.name: no Urdu script', '.name: placeholders differ']);
    expect(urduProblems({ name: 'Victims', unit: 'persons' }, { name: 'متاثرین' })).toEqual([
      '.unit: string in English, undefined in Urdu',
    ]);
  });
});
