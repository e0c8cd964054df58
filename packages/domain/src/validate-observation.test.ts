import { describe, expect, it } from 'vitest';
import { INDICATORS } from './catalogue/index.js';
import { TEST_TREE } from './test-support/jurisdictions.js';
import {
  checkNumeratorNotAboveDenominator,
  detectOutlier,
  validateObservation,
} from './validate-observation.js';
import { indicator } from './test-support/fixtures.js';

const indicators = [
  indicator({
    id: 'victims_identified',
    measureType: 'count',
    disaggregations: ['sex', 'age_group'],
    variants: [{ id: 'registered_victims', label: 'registered', note: 'Eurostat', comparable: true }],
  }),
  indicator({ id: 'conviction_rate', measureType: 'percent', unit: 'percent' }),
  indicator({ id: 'referral_mechanism_in_force', measureType: 'yes_no', unit: 'yes/no' }),
  indicator({ id: 'tip_tier', measureType: 'ordinal', unit: 'tier', range: { min: 1, max: 3 } }),
  indicator({ id: 'assets_seized', measureType: 'currency', unit: 'PKR million' }),
];
const ctx = { indicators, jurisdictions: TEST_TREE, currentYear: 2026 };
const valid = {
  indicator: 'victims_identified',
  jurisdiction: 'PK-PB-GUJRAT',
  year: 2022,
  value: 41,
  sourceId: 3,
};

describe('validateObservation', () => {
  it('accepts a valid observation and fills defaults', () => {
    const result = validateObservation(valid, ctx);
    expect(result).toEqual({
      ok: true,
      value: {
        observation: { ...valid, disaggregation: {}, status: 'A', definition: 'standard' },
        warnings: [],
      },
    });
  });

  it.each([
    { name: 'percent 0–100', input: { ...valid, indicator: 'conviction_rate', value: 37.5 } },
    { name: 'yes', input: { ...valid, indicator: 'referral_mechanism_in_force', value: 1 } },
    { name: 'ordinal Tier 2 Watch List', input: { ...valid, indicator: 'tip_tier', value: 2.5 } },
    { name: 'cumulative span', input: { ...valid, year: 2018, yearEnd: 2020 } },
    { name: 'supported breakdown', input: { ...valid, disaggregation: { sex: 'female' } } },
    { name: 'known variant', input: { ...valid, definition: 'registered_victims' } },
    { name: 'zero count', input: { ...valid, value: 0 } },
    {
      name: 'new source',
      input: { ...valid, sourceId: undefined, source: { title: 'FIA Year Book', publisher: 'FIA' } },
    },
  ])('accepts $name', ({ input }) => {
    expect(validateObservation(input, ctx).ok).toBe(true);
  });

  it.each([
    {
      name: 'unknown indicator',
      input: { ...valid, indicator: 'victims' },
      path: 'indicator',
      message: /Unknown indicator "victims"/,
    },
    {
      name: 'unknown jurisdiction',
      input: { ...valid, jurisdiction: 'PK-XX' },
      path: 'jurisdiction',
      message: /Unknown jurisdiction "PK-XX"/,
    },
    { name: 'text value', input: { ...valid, value: '1,234' }, path: 'value', message: /finite number/ },
    { name: 'NaN', input: { ...valid, value: Number.NaN }, path: 'value', message: /finite number/ },
    {
      name: 'Infinity',
      input: { ...valid, value: Number.POSITIVE_INFINITY },
      path: 'value',
      message: /finite number/,
    },
    {
      name: 'negative count',
      input: { ...valid, value: -1 },
      path: 'value',
      message: /whole number, 0 or more \(got -1\)/,
    },
    { name: 'fractional count', input: { ...valid, value: 2.5 }, path: 'value', message: /whole number/ },
    {
      name: 'percent above 100',
      input: { ...valid, indicator: 'conviction_rate', value: 101 },
      path: 'value',
      message: /between 0 and 100/,
    },
    {
      name: 'yes/no 2',
      input: { ...valid, indicator: 'referral_mechanism_in_force', value: 2 },
      path: 'value',
      message: /1 \(yes\) or 0 \(no\)/,
    },
    {
      name: 'ordinal out of range',
      input: { ...valid, indicator: 'tip_tier', value: 4 },
      path: 'value',
      message: /between 1 and 3/,
    },
    {
      name: 'negative currency',
      input: { ...valid, indicator: 'assets_seized', value: -3 },
      path: 'value',
      message: /cannot be negative/,
    },
    {
      name: 'year before 1990',
      input: { ...valid, year: 1989 },
      path: 'year',
      message: /between 1990 and 2026/,
    },
    { name: 'future year', input: { ...valid, year: 2027 }, path: 'year', message: /between 1990 and 2026/ },
    { name: 'fractional year', input: { ...valid, year: 2020.5 }, path: 'year', message: /whole year/ },
    {
      name: 'yearEnd before year',
      input: { ...valid, yearEnd: 2021 },
      path: 'yearEnd',
      message: /cannot be before year/,
    },
    {
      name: 'unsupported breakdown',
      input: { ...valid, disaggregation: { nationality: 'pk' } },
      path: 'disaggregation.nationality',
      message: /cannot be broken down by nationality \(allowed: sex, age_group\)/,
    },
    {
      name: 'unknown definition',
      input: { ...valid, definition: 'fia_total' },
      path: 'definition',
      message: /not a definition of victims_identified/,
    },
    { name: 'no source', input: { ...valid, sourceId: undefined }, path: 'sourceId', message: /exactly one/ },
    {
      name: 'both sources',
      input: { ...valid, source: { title: 'A report', publisher: 'UNODC' } },
      path: 'sourceId',
      message: /exactly one/,
    },
    {
      name: 'empty source title',
      input: { ...valid, sourceId: undefined, source: { title: ' ', publisher: 'X' } },
      path: 'source.title',
      message: /must not be empty/,
    },
  ])('rejects $name naming $path', ({ input, path, message }) => {
    const result = validateObservation(input, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_observation');
    const issue = result.error.issues?.find((i) => i.path === path);
    expect(issue?.message).toMatch(message);
  });

  it('rejects a figure for a unit in a year before it existed, and accepts it from its first year', () => {
    const early = validateObservation(
      { ...valid, jurisdiction: 'PK-PB-GUJRAT-JALALPUR-JATTAN', year: 2016 },
      ctx,
    );
    expect(early.ok || early.error.issues).toEqual([
      {
        path: 'jurisdiction',
        message:
          'PK-PB-GUJRAT-JALALPUR-JATTAN existed only from 2018-01-01 to today: file a figure for 2016 under the unit that covered the area then',
      },
    ]);
    const span = validateObservation(
      { ...valid, jurisdiction: 'PK-PB-GUJRAT-JALALPUR-JATTAN', year: 2016, yearEnd: 2018 },
      ctx,
    );
    expect(span.ok).toBe(true);
  });

  it('lists every problem at once', () => {
    const result = validateObservation({ ...valid, jurisdiction: 'XX', year: 1980, value: -2 }, ctx);
    expect(result.ok || result.error.issues?.map((i) => i.path)).toEqual(['jurisdiction', 'year', 'value']);
  });

  it('adds an outlier warning without rejecting', () => {
    const result = validateObservation(valid, { ...ctx, previousValue: 10 });
    expect(result.ok && result.value.warnings).toEqual([
      {
        path: 'value',
        message:
          "value 41 is 4.1 times the previous year's 10; check the unit and the source before publishing",
      },
    ]);
  });
});

describe('checkNumeratorNotAboveDenominator', () => {
  it.each([
    {
      formula: { numerator: 'victims_identified', denominator: 'population', factor: 100000 },
      num: 10,
      den: 5,
      severity: 'error',
    },
    {
      formula: { numerator: 'persons_convicted', denominator: 'persons_prosecuted', factor: 100 },
      num: 12,
      den: 10,
      severity: 'warning',
    },
    {
      formula: { numerator: 'persons_convicted', denominator: 'persons_prosecuted', factor: 100 },
      num: 10,
      den: 10,
      severity: null,
    },
    {
      formula: { numerator: 'victims_identified', denominator: 'population', factor: 100000 },
      num: 0,
      den: 0,
      severity: null,
    },
  ])('$formula.numerator $num / $formula.denominator $den → $severity', ({ formula, num, den, severity }) => {
    const issue = checkNumeratorNotAboveDenominator(formula, num, den);
    expect(issue?.severity ?? null).toBe(severity);
    if (issue !== null) expect(issue.message).toContain(`${formula.numerator} (${num})`);
  });
});

describe('detectOutlier', () => {
  it.each([
    { value: 30, previous: 10, warns: true },
    { value: 29, previous: 10, warns: false },
    { value: 4, previous: 12, warns: true },
    { value: 5, previous: 12, warns: false },
    { value: 0, previous: 12, warns: true },
    { value: 50, previous: 0, warns: false },
    { value: 10, previous: 10, warns: false },
  ])('$value after $previous → warning: $warns', ({ value, previous, warns }) => {
    const w = detectOutlier(value, previous);
    expect(w !== null).toBe(warns);
    if (w !== null) expect(w.path).toBe('value');
  });
});

describe('validateObservation with the catalogue', () => {
  const catalogue = { indicators: INDICATORS, jurisdictions: TEST_TREE, currentYear: 2026 };

  it('accepts an FIA figure recorded under its own definition', () => {
    const input = {
      ...valid,
      indicator: 'persons_convicted',
      jurisdiction: 'PK',
      definition: 'thb_and_smuggling',
    };
    expect(validateObservation(input, catalogue).ok).toBe(true);
  });

  it('rejects a TIP tier outside 1–3', () => {
    const result = validateObservation(
      { ...valid, indicator: 'tip_tier', jurisdiction: 'PK', value: 4 },
      catalogue,
    );
    expect(result.ok || result.error.issues).toEqual([
      { path: 'value', message: 'tip_tier must be between 1 and 3 (got 4)' },
    ]);
  });
});
