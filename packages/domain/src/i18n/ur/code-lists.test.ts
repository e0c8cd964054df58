import { describe, expect, it } from 'vitest';
import { CODE_LISTS, CODED_DIMENSIONS } from '../../code-lists.js';
import { hasArabicScript, urduProblems } from '../../test-support/urdu.js';
import { CODE_LIST_TEXTS_UR } from './code-lists.js';

const englishTexts = (dimension: string) => {
  const list = CODE_LISTS.find((candidate) => candidate.dimension === dimension);
  return {
    name: list?.name,
    note: list?.note,
    labels: Object.fromEntries((list?.codes ?? []).map(({ code, label }) => [code, label])),
  };
};

describe('Urdu code-list labels', () => {
  it('cover every coded dimension', () => {
    expect(Object.keys(CODE_LIST_TEXTS_UR)).toEqual([...CODED_DIMENSIONS]);
  });

  it.each(['sex', 'age_group', 'exploitation_form'] as const)(
    '%s: name, note and every code label in Urdu',
    (dimension) => {
      expect(urduProblems(englishTexts(dimension), CODE_LIST_TEXTS_UR[dimension])).toEqual([]);
    },
  );

  it('nationality: name and note in Urdu, a label for every code', () => {
    const { name, note, labels } = englishTexts('nationality');
    const urdu = CODE_LIST_TEXTS_UR.nationality;
    expect(urduProblems({ name, note }, { name: urdu.name, note: urdu.note })).toEqual([]);
    expect(Object.keys(urdu.labels)).toEqual(Object.keys(labels));
    expect(Object.values(urdu.labels).filter((label) => !hasArabicScript(label))).toEqual([]);
  });

  it('nationality labels are the runtime Urdu region names (Intl.DisplayNames), Spain as the glossary spells it', () => {
    const regions = new Intl.DisplayNames(['ur'], { type: 'region' });
    const labels = CODE_LIST_TEXTS_UR.nationality.labels;
    expect(labels.pk).toBe('پاکستان');
    expect(labels.it).toBe('اٹلی');
    expect(labels.es).toBe('اسپین');
    expect(labels.gr).toBe(regions.of('GR'));
    expect(labels.unknown).toBe('نامعلوم');
    const differing = Object.entries(labels).filter(
      ([code, label]) => code !== 'unknown' && label !== regions.of(code.toUpperCase()),
    );
    expect(differing).toEqual([['es', 'اسپین']]);
  });
});
