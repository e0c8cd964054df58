import { describe, expect, it } from 'vitest';
import { CODE_LISTS, CODED_DIMENSIONS, categoryProblem } from './code-lists.js';
import { DisaggregationSchema } from './contracts.js';
import { ObservationInputSchema } from './validate-observation.js';

const list = (dimension: string) => CODE_LISTS.find((l) => l.dimension === dimension)?.codes ?? [];
const sdmxOf = (dimension: string, code: string) => list(dimension).find((c) => c.code === code)?.sdmx;

describe('code lists', () => {
  it('cover exactly the coded dimensions, each code once and in snake_case', () => {
    expect(CODE_LISTS.map((l) => l.dimension)).toEqual([...CODED_DIMENSIONS]);
    for (const l of CODE_LISTS) {
      const codes = l.codes.map((c) => c.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(code).toMatch(/^[a-z0-9_]+$/);
    }
  });

  it.each([
    { dimension: 'sex', code: 'female', sdmx: 'F' },
    { dimension: 'sex', code: 'male', sdmx: 'M' },
    { dimension: 'sex', code: 'unknown', sdmx: '_U' },
    { dimension: 'age_group', code: 'child', sdmx: 'Y_LT18' },
    { dimension: 'age_group', code: 'adult', sdmx: 'Y_GE18' },
    { dimension: 'nationality', code: 'pk', sdmx: 'PK' },
    { dimension: 'nationality', code: 'unknown', sdmx: '_U' },
  ])('crosswalks $dimension=$code to $sdmx', ({ dimension, code, sdmx }) => {
    expect(sdmxOf(dimension, code)).toBe(sdmx);
  });

  it('has no "total" category: the total is the figure without a breakdown', () => {
    for (const l of CODE_LISTS) expect(l.codes.map((c) => c.code)).not.toContain('total');
  });

  it('lists the 249 ISO 3166-1 countries, labelled in English, plus unknown', () => {
    const nationalities = list('nationality');
    expect(nationalities).toHaveLength(250);
    expect(nationalities.find((c) => c.code === 'pk')?.label).toBe('Pakistan');
    expect(nationalities.find((c) => c.code === 'it')?.label).toBe('Italy');
    for (const c of nationalities.filter((n) => n.code !== 'unknown')) expect(c.label).not.toBe(c.sdmx);
  });
});

describe('categoryProblem', () => {
  it.each([
    { dimension: 'sex', category: 'female' },
    { dimension: 'exploitation_form', category: 'labour' },
    { dimension: 'nationality', category: 'es' },
    { dimension: 'tehsil', category: 'kharian' },
    { dimension: 'partner_country', category: 'anything_snake' },
  ])('accepts $dimension=$category', ({ dimension, category }) => {
    expect(categoryProblem(dimension, category)).toBeNull();
  });

  it.each([
    {
      dimension: 'sex',
      category: 'women',
      message: 'sex "women" is not in the sex code list; allowed: female, male, unknown',
    },
    { dimension: 'sex', category: 'total', message: /allowed: female, male, unknown/ },
    {
      dimension: 'exploitation_form',
      category: 'sex_work',
      message: /allowed: sexual, labour, organ_removal/,
    },
    { dimension: 'nationality', category: 'pakistan', message: /ISO 3166-1 alpha-2 code in lower case/ },
    { dimension: 'nationality', category: 'xk', message: /nationality "xk"/ },
  ])(
    'rejects $dimension=$category naming the dimension, value and allowed codes',
    ({ dimension, category, message }) => {
      expect(categoryProblem(dimension, category)).toMatch(message);
    },
  );
});

describe('DisaggregationSchema', () => {
  it('reports a category outside its code list at the dimension', () => {
    const parsed = DisaggregationSchema.safeParse({ sex: 'female', age_group: 'minors' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['age_group'], 'age_group "minors" is not in the age group code list; allowed: child, adult, unknown'],
    ]);
  });

  it('rejects an API write whose breakdown is free text', () => {
    const parsed = ObservationInputSchema.safeParse({
      indicator: 'victims_identified',
      jurisdiction: 'PK',
      year: 2022,
      value: 3,
      sourceId: 1,
      disaggregation: { sex: 'girls' },
    });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['disaggregation.sex', 'sex "girls" is not in the sex code list; allowed: female, male, unknown'],
    ]);
  });
});
