import { describe, expect, it } from 'vitest';
import { findIndicator } from './catalogue/index.js';
import type { Formula, Indicator, Observation } from './contracts.js';
import {
  DERIVATION_METHOD,
  deriveRatio,
  deriveSeries,
  explainDerivedFlag,
  populationsFrom,
  sumObservations,
} from './derive.js';
import { DEFAULT_POPULATION_TOLERANCE_YEARS } from './normalise.js';
import { obs } from './test-support/fixtures.js';

const rate: Formula = { numerator: 'persons_convicted', denominator: 'persons_prosecuted', factor: 100 };
const conv = (j: string, y: number, v: number | null, over: Partial<Observation> = {}) =>
  obs('persons_convicted', j, y, v, over);
const pros = (j: string, y: number, v: number | null, over: Partial<Observation> = {}) =>
  obs('persons_prosecuted', j, y, v, over);

describe('sumObservations', () => {
  it.each([
    { name: 'adds values', values: [1, 2, 3.5], expected: 6.5 },
    { name: 'keeps a true zero', values: [0, 0], expected: 0 },
    { name: 'single value', values: [7], expected: 7 },
  ])('$name', ({ values, expected }) => {
    const rows = values.map((v, i) => conv('IT', 2020 + i, v));
    const result = sumObservations(rows);
    expect(result).toEqual({ ok: true, value: { value: expected, observationIds: rows.map((r) => r.id) } });
  });

  it('fails on an empty list', () => {
    const result = sumObservations([]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('not_derivable');
  });

  it('fails when a value is suppressed instead of treating it as zero', () => {
    const result = sumObservations([conv('IT', 2020, 10), conv('IT', 2021, null, { suppressed: true })]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/suppressed/);
  });
});

describe('deriveRatio', () => {
  it('sums numerators and denominators across jurisdictions instead of averaging ratios', () => {
    // 1/2 = 50 % and 10/100 = 10 %: the mean of ratios would be 30 %, the pooled ratio is 11/102.
    const result = deriveRatio(
      rate,
      [conv('A', 2020, 1), conv('B', 2020, 10)],
      [pros('A', 2020, 2), pros('B', 2020, 100)],
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.value).toBeCloseTo((11 / 102) * 100, 10);
    expect(result.value.numerator).toBe(11);
    expect(result.value.denominator).toBe(102);
    expect(result.value.factor).toBe(100);
    expect(result.value.numeratorObservationIds).toHaveLength(2);
    expect(result.value.excluded).toEqual([]);
  });

  it('sums across years', () => {
    const result = deriveRatio(
      { numerator: 'victims_identified', denominator: 'population', factor: 100_000 },
      [obs('victims_identified', 'IT', 2020, 30), obs('victims_identified', 'IT', 2021, 50)],
      [obs('population', 'IT', 2020, 1_000_000), obs('population', 'IT', 2021, 1_000_000)],
    );
    expect(result.ok && result.value.value).toBe(4);
  });

  it('uses only totals by default and lists the breakdowns it skipped', () => {
    const breakdown = conv('IT', 2020, 4, { disaggregation: { sex: 'female' } });
    const result = deriveRatio(rate, [conv('IT', 2020, 10), breakdown], [pros('IT', 2020, 40)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.value).toBe(25);
    expect(result.value.excluded).toEqual([
      { observationId: breakdown.id, reason: 'a breakdown, not the total' },
    ]);
  });

  it('sums breakdowns when told to', () => {
    const result = deriveRatio(
      rate,
      [
        conv('IT', 2020, 4, { disaggregation: { sex: 'female' } }),
        conv('IT', 2020, 6, { disaggregation: { sex: 'male' } }),
      ],
      [pros('IT', 2020, 20)],
      { includeDisaggregated: true },
    );
    expect(result.ok && result.value.value).toBe(50);
  });

  it('excludes cumulative multi-year rows by default and says so', () => {
    const span = conv('IT', 2018, 90, { yearEnd: 2020 });
    const result = deriveRatio(rate, [conv('IT', 2020, 10), span], [pros('IT', 2020, 20)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.value).toBe(50);
    expect(result.value.excluded).toEqual([
      { observationId: span.id, reason: 'cumulative figure for 2018–2020, not annual' },
    ]);
  });

  it("rejects cumulative rows with cumulative: 'reject'", () => {
    const result = deriveRatio(rate, [conv('IT', 2018, 90, { yearEnd: 2020 })], [pros('IT', 2020, 20)], {
      cumulative: 'reject',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/2018–2020 cumulatively/);
  });

  it('ignores superseded rows', () => {
    const old = conv('IT', 2020, 99, { superseded: true });
    const result = deriveRatio(rate, [old, conv('IT', 2020, 5)], [pros('IT', 2020, 10)]);
    expect(result.ok && result.value.value).toBe(50);
    expect(result.ok && result.value.excluded[0]?.observationId).toBe(old.id);
  });

  it.each([
    { name: 'no numerator', num: [], den: [pros('IT', 2020, 10)], message: /No usable persons_convicted/ },
    { name: 'no denominator', num: [conv('IT', 2020, 1)], den: [], message: /No usable persons_prosecuted/ },
    { name: 'denominator 0', num: [conv('IT', 2020, 0)], den: [pros('IT', 2020, 0)], message: /sums to 0/ },
    {
      name: 'suppressed numerator',
      num: [conv('IT', 2020, null, { suppressed: true })],
      den: [pros('IT', 2020, 10)],
      message: /suppressed/,
    },
    {
      name: 'denominator missing for one year',
      num: [conv('IT', 2020, 1), conv('IT', 2021, 2)],
      den: [pros('IT', 2020, 10)],
      message: /persons_prosecuted is missing for IT 2021/,
    },
    {
      name: 'numerator missing for one jurisdiction',
      num: [conv('IT', 2020, 1)],
      den: [pros('IT', 2020, 10), pros('ES', 2020, 10)],
      message: /persons_convicted is missing for ES 2020/,
    },
    {
      name: 'only breakdowns',
      num: [conv('IT', 2020, 1, { disaggregation: { sex: 'male' } })],
      den: [pros('IT', 2020, 10)],
      message: /No usable persons_convicted/,
    },
  ])('fails not_derivable: $name', ({ num, den, message }) => {
    const result = deriveRatio(rate, num, den);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('not_derivable');
    expect(result.error.message).toMatch(message);
  });

  it('throws when given rows of another indicator (a programmer error)', () => {
    expect(() => deriveRatio(rate, [pros('IT', 2020, 1)], [pros('IT', 2020, 1)])).toThrow(
      /expected persons_convicted/,
    );
  });
});

const catalogued = (id: string): Indicator => {
  const found = findIndicator(id);
  if (found === undefined) throw new Error(`${id} missing from the catalogue`);
  return found;
};
const convictionRate = catalogued('conviction_rate');
const victimsPer100k = catalogued('victims_identified_per_100k');
const source = (id: number, title: string) => ({
  id,
  title,
  publisher: 'Test',
  year: null,
  locator: null,
  kind: 'secondary' as const,
});
const victims = (j: string, y: number, v: number | null, over: Partial<Observation> = {}) =>
  obs('victims_identified', j, y, v, over);
const population = (j: string, y: number, v: number, over: Partial<Observation> = {}) =>
  obs('population', j, y, v, { source: source(9, 'Census'), ...over });

describe('deriveSeries per 100,000 residents', () => {
  it('divides by the nearest population within the tolerance and names both inputs and their sources', () => {
    const count = victims('PK-PB-GUJRAT', 2022, 80, { source: source(3, 'Police report') });
    const census = population('PK-PB-GUJRAT', 2021, 4_000_000);
    const [point, ...rest] = deriveSeries(victimsPer100k, {
      numerator: [count],
      denominator: [census, population('PK-PB-GUJRAT', 2017, 3_000_000)],
    });
    expect(rest).toEqual([]);
    expect(point).toMatchObject({
      id: count.id,
      indicator: 'victims_identified_per_100k',
      jurisdiction: 'PK-PB-GUJRAT',
      year: 2022,
      value: 2,
      suppressed: false,
      status: 'E',
      unitAsRead: 'per 100,000 residents',
      source: { id: 3 },
      flags: [],
      note: 'victims_identified 80 ÷ population 4000000 (2021) × 100000',
    });
    expect(point?.derivedFrom).toEqual({
      numerator: {
        indicator: 'victims_identified',
        observationId: count.id,
        year: 2022,
        value: 80,
        definition: 'standard',
        source: source(3, 'Police report'),
      },
      denominator: {
        indicator: 'population',
        observationId: census.id,
        year: 2021,
        value: 4_000_000,
        definition: 'standard',
        source: source(9, 'Census'),
      },
      factor: 100_000,
      population: {
        value: 4_000_000,
        year: 2021,
        years: [2021],
        sources: ['Test, Census'],
        method: 'extrapolated',
        status: 'E',
      },
    });
  });

  it('interpolates the population between two figures and says so in the note', () => {
    const [point] = deriveSeries(victimsPer100k, {
      numerator: [victims('PK-PB-GUJRAT', 2019, 84)],
      denominator: [population('PK-PB-GUJRAT', 2017, 4_000_000), population('PK-PB-GUJRAT', 2023, 4_600_000)],
    });
    expect(point?.value).toBeCloseTo(2, 12);
    expect(point?.status).toBe('E');
    expect(point?.derivedFrom.population).toMatchObject({ method: 'interpolated', years: [2017, 2023] });
    expect(point?.note).toBe(
      'victims_identified 84 ÷ population 4200000 (interpolated from 2017 and 2023) × 100000',
    );
  });

  it.each([
    { name: 'same-year population → status A', popYear: 2022, tolerance: undefined, points: 1, status: 'A' },
    {
      name: 'population 2 years away → status E',
      popYear: 2020,
      tolerance: undefined,
      points: 1,
      status: 'E',
    },
    {
      name: 'population 3 years away → no point',
      popYear: 2019,
      tolerance: undefined,
      points: 0,
      status: null,
    },
    { name: 'tolerance 0 and a year away → no point', popYear: 2021, tolerance: 0, points: 0, status: null },
  ])('$name', ({ popYear, tolerance, points, status }) => {
    const derived = deriveSeries(
      victimsPer100k,
      { numerator: [victims('IT', 2022, 500)], denominator: [population('IT', popYear, 50_000_000)] },
      tolerance === undefined ? {} : { populationToleranceYears: tolerance },
    );
    expect(derived).toHaveLength(points);
    if (status !== null) expect(derived[0]?.status).toBe(status);
  });

  it('keeps a suppressed count suppressed: null, never zero', () => {
    const [point] = deriveSeries(victimsPer100k, {
      numerator: [victims('PK-PB-GUJRAT', 2023, null, { suppressed: true })],
      denominator: [population('PK-PB-GUJRAT', 2023, 4_000_000)],
    });
    expect(point).toMatchObject({ value: null, suppressed: true, flags: [] });
    expect(point?.derivedFrom.numerator.value).toBeNull();
  });

  it('prefers the standard-definition count and ignores breakdowns, superseded and cumulative rows', () => {
    const standard = victims('ES', 2022, 200);
    const derived = deriveSeries(victimsPer100k, {
      numerator: [
        victims('ES', 2022, 900, { definition: 'registered_victims' }),
        victims('ES', 2022, 100, { disaggregation: { sex: 'female' } }),
        victims('ES', 2022, 300, { superseded: true }),
        victims('ES', 2020, 700, { yearEnd: 2022 }),
        standard,
      ],
      denominator: [population('ES', 2022, 40_000_000)],
    });
    expect(derived.map((d) => [d.id, d.value])).toEqual([[standard.id, 0.5]]);
  });
});

describe('deriveSeries for a ratio of two counts', () => {
  const convicted = (j: string, y: number, v: number | null, over: Partial<Observation> = {}) =>
    conv(j, y, v, { source: source(4, 'Court statistics'), ...over });
  const prosecuted = (j: string, y: number, v: number | null, over: Partial<Observation> = {}) =>
    pros(j, y, v, { source: source(5, 'Prosecution statistics'), ...over });

  it('pairs numerator and denominator of the same definition in the same year', () => {
    const derived = deriveSeries(convictionRate, {
      numerator: [
        convicted('IT', 2021, 30),
        convicted('IT', 2021, 20, { definition: 'art600_slavery' }),
        convicted('IT', 2022, 10),
      ],
      denominator: [prosecuted('IT', 2021, 80, { definition: 'art600_slavery' }), prosecuted('IT', 2023, 10)],
    });
    expect(derived.map((d) => [d.year, d.definition, d.value])).toEqual([[2021, 'art600_slavery', 25]]);
    expect(derived[0]?.derivedFrom.numerator.source.title).toBe('Court statistics');
    expect(derived[0]?.derivedFrom.denominator.source.title).toBe('Prosecution statistics');
    expect(derived[0]?.status).toBe('A');
  });

  it.each([
    { name: 'numerator suppressed', num: null, den: 40 },
    { name: 'denominator suppressed', num: 4, den: null },
  ])('suppresses the result when the $name', ({ num, den }) => {
    const [point] = deriveSeries(convictionRate, {
      numerator: [convicted('PK', 2022, num, { suppressed: num === null })],
      denominator: [prosecuted('PK', 2022, den, { suppressed: den === null })],
    });
    expect(point).toMatchObject({ value: null, suppressed: true, flags: [] });
    expect([point?.derivedFrom.numerator.value, point?.derivedFrom.denominator.value]).toEqual([num, den]);
  });

  it.each([
    { num: 169, den: 100, value: 169, flags: ['numerator_exceeds_denominator'] },
    { num: 100, den: 100, value: 100, flags: [] },
    { num: 40, den: 100, value: 40, flags: [] },
  ])('$num of $den → $value % with flags $flags', ({ num, den, value, flags }) => {
    const [point] = deriveSeries(convictionRate, {
      numerator: [convicted('IT', 2022, num)],
      denominator: [prosecuted('IT', 2022, den)],
    });
    expect(point?.value).toBeCloseTo(value, 10);
    expect(point?.flags).toEqual(flags);
  });

  it('leaves out a year whose denominator is 0', () => {
    const derived = deriveSeries(convictionRate, {
      numerator: [convicted('IT', 2022, 0)],
      denominator: [prosecuted('IT', 2022, 0)],
    });
    expect(derived).toEqual([]);
  });

  it('throws on a missing formula or rows of another indicator (programmer errors)', () => {
    expect(() => deriveSeries(catalogued('persons_convicted'), { numerator: [], denominator: [] })).toThrow(
      /has no formula/,
    );
    expect(() =>
      deriveSeries(convictionRate, { numerator: [prosecuted('IT', 2022, 1)], denominator: [] }),
    ).toThrow(/expected persons_convicted/);
  });
});

describe('explainDerivedFlag', () => {
  it('says why convictions above prosecutions are not a conviction rate', () => {
    const [point] = deriveSeries(convictionRate, {
      numerator: [conv('IT', 2021, 204)],
      denominator: [pros('IT', 2021, 121)],
    });
    if (point === undefined) throw new Error('no point derived');
    expect(explainDerivedFlag(convictionRate, point, 'numerator_exceeds_denominator')).toBe(
      'IT 2021: Persons convicted of trafficking (204) exceed persons prosecuted for trafficking (121) in the same ' +
        'year: the two counts refer to different cases, so the ratio (168.6) is not a valid "Conviction rate"',
    );
  });

  it('calls a count above the population an error in one of the figures', () => {
    const [point] = deriveSeries(victimsPer100k, {
      numerator: [victims('PK-PB-GUJRAT', 2022, 5_000)],
      denominator: [population('PK-PB-GUJRAT', 2022, 4_000)],
    });
    expect(point?.flags).toEqual(['numerator_exceeds_denominator']);
    if (point === undefined) throw new Error('no point derived');
    expect(explainDerivedFlag(victimsPer100k, point, 'numerator_exceeds_denominator')).toMatch(
      /exceed population \(4000\); one of the two figures is wrong$/,
    );
  });
});

describe('populationsFrom', () => {
  it('keeps one positive annual total per jurisdiction-year, standard definition first', () => {
    expect(
      populationsFrom([
        population('IT', 2022, 59_000_000, { definition: 'resident_estimate' }),
        population('IT', 2022, 60_000_000),
        population('IT', 2021, 0),
        population('IT', 2020, 61_000_000, { disaggregation: { sex: 'female' } }),
        population('ES', 2022, 48_000_000),
      ]),
    ).toEqual([
      { jurisdiction: 'IT', year: 2022, value: 60_000_000, source: expect.any(String) },
      { jurisdiction: 'ES', year: 2022, value: 48_000_000, source: expect.any(String) },
    ]);
  });
});

describe('DERIVATION_METHOD', () => {
  it('describes a ratio of sums, never an average of ratios, as deriveRatio computes it', () => {
    const result = deriveRatio(
      rate,
      [conv('IT', 2020, 1), conv('ES', 2020, 9)],
      [pros('IT', 2020, 2), pros('ES', 2020, 90)],
    );
    expect(result.ok && result.value.value).toBeCloseTo((10 / 92) * 100);
    expect(DERIVATION_METHOD).toMatch(/sum of the numerators divided by the sum of the denominators/);
    expect(DERIVATION_METHOD).toMatch(/average of ratios is never taken/);
    expect(DERIVATION_METHOD).toContain(`at most ${DEFAULT_POPULATION_TOLERANCE_YEARS} years away`);
    expect(DERIVATION_METHOD).toMatch(/graded C/);
  });
});
