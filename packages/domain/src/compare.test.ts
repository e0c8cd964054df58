import { describe, expect, it } from 'vitest';
import { INDICATORS } from './catalogue/index.js';
import {
  ASSESSMENT_METHOD,
  assessDifference,
  compareToBenchmarks,
  GRADE_METHOD,
  judgementOf,
  nearestWithData,
  SIMILAR_TOLERANCE,
} from './compare.js';
import { deriveSeries } from './derive.js';
import type { CompareInput } from './compare.js';
import { COMPARABILITY_GRADES } from './contracts.js';
import type { Indicator, Observation, Population } from './contracts.js';
import { DEFAULT_POPULATION_TOLERANCE_YEARS } from './normalise.js';
import { indicator, obs } from './test-support/fixtures.js';

const victims = indicator({
  id: 'victims_identified',
  measureType: 'count',
  perCapita: true,
  variants: [
    {
      id: 'registered_victims',
      label: 'identified and presumed victims',
      note: 'Eurostat registered victims',
      comparable: true,
    },
    {
      id: 'thb_and_smuggling',
      label: 'trafficking and migrant smuggling',
      note: 'FIA counts include migrant smuggling',
      comparable: false,
    },
  ],
});
const convictionRate = indicator({ id: 'conviction_rate', measureType: 'percent', unit: 'percent' });
const tipTier = indicator({
  id: 'tip_tier',
  measureType: 'ordinal',
  unit: 'tier',
  direction: 'lower_is_better',
  range: { min: 1, max: 3 },
});
const funding = indicator({ id: 'victim_assistance_funding', measureType: 'currency', unit: 'EUR million' });
const offices = indicator({ id: 'victim_assistance_offices', measureType: 'count', unit: 'offices' });

const populations: Population[] = [
  { jurisdiction: 'PK-PB-GUJRAT', year: 2020, value: 1_000_000 },
  { jurisdiction: 'IT', year: 2020, value: 10_000_000 },
  { jurisdiction: 'ES', year: 2020, value: 1_000_000 },
];

const compare = (
  ind: Indicator,
  base: Observation[],
  it: Observation[],
  es: Observation[] = [],
  extra: Partial<CompareInput> = {},
) =>
  compareToBenchmarks({
    indicator: ind,
    base: { jurisdiction: 'PK-PB-GUJRAT', observations: base },
    benchmarks: [
      { jurisdiction: 'IT', observations: it },
      { jurisdiction: 'ES', observations: es },
    ],
    populations,
    ...extra,
  });

describe('compareToBenchmarks', () => {
  it('normalises per-capita counts per 100,000 and grades same-definition comparisons A', () => {
    const c = compare(
      victims,
      [obs('victims_identified', 'PK-PB-GUJRAT', 2020, 10)],
      [obs('victims_identified', 'IT', 2020, 100)],
      [obs('victims_identified', 'ES', 2020, 50)],
    );
    expect(c.unit).toBe('per 100,000 residents');
    const year = c.latest;
    expect(c.latestCommonYear).toBe(2020);
    expect(year?.base).toMatchObject({
      value: 1,
      rawValue: 10,
      normalised: true,
      populationYear: 2020,
      suppressed: false,
    });
    const [it, es] = year?.benchmarks ?? [];
    expect(it).toMatchObject({
      jurisdiction: 'IT',
      grade: 'A',
      difference: 0,
      ratio: 1,
      assessment: 'indistinguishable',
      judgement: null,
    });
    expect(it?.reasons).toEqual([
      'The 95 % intervals overlap (PK-PB-GUJRAT 0.48–1.84; IT 0.814–1.22): the gap may be chance',
    ]);
    expect(it?.point?.value).toBe(1);
    expect(es).toMatchObject({
      grade: 'A',
      difference: -4,
      ratio: 0.2,
      assessment: 'lower',
      judgement: 'worse',
    });
  });

  it('grades B when definitions differ but both are comparable, and says how', () => {
    const c = compare(
      victims,
      [obs('victims_identified', 'PK-PB-GUJRAT', 2020, 10)],
      [obs('victims_identified', 'IT', 2020, 100, { definition: 'registered_victims' })],
    );
    const it = c.years[0]?.benchmarks[0];
    expect(it?.grade).toBe('B');
    expect(it?.assessment).toBe('indistinguishable');
    expect(it?.reasons[0]).toBe(
      'Definitions differ: PK-PB-GUJRAT uses the standard definition; IT uses identified and presumed victims',
    );
  });

  it('grades C for a non-comparable variant: shown, never assessed, with the reason', () => {
    const c = compare(
      victims,
      [obs('victims_identified', 'PK-PB-GUJRAT', 2020, 80, { definition: 'thb_and_smuggling' })],
      [obs('victims_identified', 'IT', 2020, 100)],
    );
    const it = c.years[0]?.benchmarks[0];
    expect(it?.grade).toBe('C');
    expect(it?.assessment).toBe('not_assessed');
    expect(it?.difference).toBe(7);
    expect(it?.reasons).toContain(
      'PK-PB-GUJRAT figure: trafficking and migrant smuggling. FIA counts include migrant smuggling',
    );
  });

  it('grades C and keeps the raw count when the population is missing', () => {
    const c = compare(
      victims,
      [obs('victims_identified', 'PK-PB-GUJRAT', 2015, 10)],
      [obs('victims_identified', 'IT', 2015, 100)],
    );
    const y = c.years[0];
    expect(y?.base).toMatchObject({ value: 10, rawValue: 10, normalised: false, populationYear: null });
    expect(y?.benchmarks[0]?.grade).toBe('C');
    expect(y?.benchmarks[0]?.assessment).toBe('not_assessed');
    expect(y?.benchmarks[0]?.reasons[0]).toMatch(
      /No population figure for PK-PB-GUJRAT within 2 year\(s\) of 2015/,
    );
  });

  it('keeps a suppressed value suppressed (null), never zero, and does not assess it', () => {
    const c = compare(
      victims,
      [obs('victims_identified', 'PK-PB-GUJRAT', 2020, null, { suppressed: true })],
      [obs('victims_identified', 'IT', 2020, 100)],
    );
    const y = c.years[0];
    expect(y?.base).toMatchObject({ value: null, rawValue: null, suppressed: true });
    expect(y?.benchmarks[0]).toMatchObject({
      difference: null,
      ratio: null,
      assessment: 'not_assessed',
      grade: 'A',
    });
    expect(y?.benchmarks[0]?.reasons).toContain(
      'PK-PB-GUJRAT figure is suppressed (a small count), not zero',
    );
    expect(c.latestCommonYear).toBeNull();
  });

  it('compares percents as they are', () => {
    const c = compare(
      convictionRate,
      [obs('conviction_rate', 'PK-PB-GUJRAT', 2020, 30)],
      [obs('conviction_rate', 'IT', 2020, 60)],
      [obs('conviction_rate', 'ES', 2020, 29)],
    );
    expect(c.unit).toBe('percent');
    expect(c.latest?.benchmarks.map((b) => [b.grade, b.assessment, b.difference])).toEqual([
      ['A', 'lower', -30],
      ['A', 'similar', 1],
    ]);
    expect(c.latest?.benchmarks.map((b) => b.judgement)).toEqual(['worse', null]);
  });

  it('respects a lower-is-better ordinal (TIP tier)', () => {
    const c = compare(
      tipTier,
      [obs('tip_tier', 'PK-PB-GUJRAT', 2020, 2.5)],
      [obs('tip_tier', 'IT', 2020, 1)],
      [obs('tip_tier', 'ES', 2020, 3)],
    );
    expect(c.latest?.benchmarks.map((b) => b.assessment)).toEqual(['higher', 'lower']);
    expect(c.latest?.benchmarks.map((b) => b.judgement)).toEqual(['worse', 'better']);
  });

  it('does not assess a neutral indicator', () => {
    const neutral = { ...convictionRate, direction: 'neutral' as const };
    const c = compare(
      neutral,
      [obs('conviction_rate', 'PK-PB-GUJRAT', 2020, 30)],
      [obs('conviction_rate', 'IT', 2020, 60)],
    );
    expect(c.years[0]?.benchmarks[0]).toMatchObject({
      grade: 'A',
      assessment: 'not_assessed',
      difference: -30,
    });
  });

  it.each([
    {
      name: 'same currency unit → B',
      units: [null, null],
      grade: 'B',
      assessment: 'lower',
      judgement: 'worse',
    },
    {
      name: 'different currency units → C',
      units: ['PKR million', 'EUR million'],
      grade: 'C',
      assessment: 'not_assessed',
      judgement: null,
    },
  ])('$name', ({ units, grade, assessment, judgement }) => {
    const c = compare(
      funding,
      [obs('victim_assistance_funding', 'PK-PB-GUJRAT', 2020, 1, { unitAsRead: units[0] ?? null })],
      [obs('victim_assistance_funding', 'IT', 2020, 4, { unitAsRead: units[1] ?? null })],
    );
    expect(c.years[0]?.benchmarks[0]).toMatchObject({ grade, assessment, judgement });
  });

  it('grades a count that is not per-capita C', () => {
    const c = compare(
      offices,
      [obs('victim_assistance_offices', 'PK-PB-GUJRAT', 2020, 1)],
      [obs('victim_assistance_offices', 'IT', 2020, 20)],
    );
    expect(c.unit).toBe('offices');
    expect(c.years[0]?.benchmarks[0]?.grade).toBe('C');
  });

  it('grades a cumulative span against an annual figure C', () => {
    const c = compare(
      convictionRate,
      [obs('conviction_rate', 'PK-PB-GUJRAT', 2018, 30, { yearEnd: 2020 })],
      [obs('conviction_rate', 'IT', 2018, 60)],
    );
    const b = c.years[0]?.benchmarks[0];
    expect(b?.grade).toBe('C');
    expect(b?.reasons).toContain(
      'PK-PB-GUJRAT figure covers 2018–2020 (cumulative) but IT figure covers 2018',
    );
  });

  it('finds the latest common year and the latest year per benchmark', () => {
    const c = compare(
      convictionRate,
      [2019, 2020, 2021].map((y) => obs('conviction_rate', 'PK-PB-GUJRAT', y, 40)),
      [2019, 2020].map((y) => obs('conviction_rate', 'IT', y, 40)),
      [2020, 2021].map((y) => obs('conviction_rate', 'ES', y, 40)),
    );
    expect(c.years.map((y) => y.year)).toEqual([2019, 2020, 2021]);
    expect(c.latestCommonYear).toBe(2020);
    expect(c.latestByBenchmark.map((b) => [b.jurisdiction, b.year])).toEqual([
      ['IT', 2020],
      ['ES', 2021],
    ]);
    const missing = c.years[2]?.benchmarks[0];
    expect(missing).toMatchObject({
      point: null,
      grade: null,
      assessment: 'not_assessed',
      reasons: ['No figure for IT in 2021'],
    });
  });

  it('ignores breakdowns and superseded rows, prefers the annual standard figure', () => {
    const c = compare(
      convictionRate,
      [
        obs('conviction_rate', 'PK-PB-GUJRAT', 2020, 90, { disaggregation: { sex: 'female' } }),
        obs('conviction_rate', 'PK-PB-GUJRAT', 2020, 80, { superseded: true }),
        obs('conviction_rate', 'PK-PB-GUJRAT', 2020, 70, { definition: 'other_definition' }),
        obs('conviction_rate', 'PK-PB-GUJRAT', 2020, 20),
      ],
      [obs('conviction_rate', 'IT', 2020, 20)],
    );
    expect(c.years[0]?.base?.value).toBe(20);
  });

  it('compares per-capita counts as counted with per absolute, graded C because sizes differ', () => {
    const c = compare(
      victims,
      [obs('victims_identified', 'PK-PB-GUJRAT', 2020, 10)],
      [obs('victims_identified', 'IT', 2020, 100)],
      [],
      { options: { per: 'absolute' } },
    );
    expect(c.unit).toBe('persons');
    const it = c.years[0]?.benchmarks[0];
    expect(c.years[0]?.base).toMatchObject({
      value: 10,
      rawValue: 10,
      normalised: false,
      populationYear: null,
    });
    expect(it).toMatchObject({
      grade: 'C',
      assessment: 'not_assessed',
      difference: -90,
      point: { value: 100 },
    });
    expect(it?.reasons).toEqual([
      'Absolute counts of jurisdictions of different population are not comparable (PK-PB-GUJRAT and IT); compare them per 100,000 residents',
      'Not comparable (grade C): shown, but not assessed or scored',
    ]);
  });

  it('leaves percents alone with per absolute', () => {
    const c = compare(
      convictionRate,
      [obs('conviction_rate', 'PK-PB-GUJRAT', 2020, 30)],
      [obs('conviction_rate', 'IT', 2020, 60)],
      [],
      { options: { per: 'absolute' } },
    );
    expect(c.years[0]?.benchmarks[0]).toMatchObject({ grade: 'A', assessment: 'lower', judgement: 'worse' });
  });

  it('throws when a series holds another jurisdiction’s rows', () => {
    expect(() => compare(convictionRate, [obs('conviction_rate', 'IT', 2020, 1)], [])).toThrow(
      /not PK-PB-GUJRAT/,
    );
  });
});

describe('assessDifference', () => {
  it.each([
    { base: 1.05, bench: 1, expected: 'similar' },
    { base: 0.95, bench: 1, expected: 'similar' },
    { base: 1.06, bench: 1, expected: 'higher' },
    { base: 0.5, bench: 1, expected: 'lower' },
    { base: 0, bench: 0, expected: 'similar' },
    { base: 2, bench: 0, expected: 'higher' },
  ] as const)('$base vs $bench → $expected', ({ base, bench, expected }) => {
    expect(assessDifference(base, bench)).toBe(expected);
  });
});

describe('judgementOf', () => {
  it.each([
    { assessment: 'higher', direction: 'higher_is_better', grade: 'A', expected: 'better' },
    { assessment: 'higher', direction: 'lower_is_better', grade: 'B', expected: 'worse' },
    { assessment: 'lower', direction: 'lower_is_better', grade: 'A', expected: 'better' },
    { assessment: 'lower', direction: 'higher_is_better', grade: 'C', expected: null },
    { assessment: 'similar', direction: 'higher_is_better', grade: 'A', expected: null },
    { assessment: 'indistinguishable', direction: 'higher_is_better', grade: 'A', expected: null },
    { assessment: 'higher', direction: 'neutral', grade: 'A', expected: null },
  ] as const)(
    '$assessment, $direction, grade $grade → $expected',
    ({ assessment, direction, grade, expected }) => {
      expect(judgementOf(assessment, { direction }, grade)).toBe(expected);
    },
  );

  it('never judges a detection indicator better or worse', () => {
    expect(
      judgementOf('higher', { direction: 'higher_is_better', directionMeaning: 'detection' }, 'A'),
    ).toBeNull();
  });
});

describe('nearestWithData', () => {
  const ancestors = ['PK-PB-GUJRANWALA', 'PK-PB', 'PK'];
  it.each([
    {
      name: 'base has data',
      has: ['PK-PB-GUJRAT', 'PK'],
      expected: { jurisdiction: 'PK-PB-GUJRAT', standIn: false, label: null },
    },
    {
      name: 'nearest parent with data',
      has: ['PK-PB', 'PK'],
      expected: {
        jurisdiction: 'PK-PB',
        standIn: true,
        label: 'PK-PB figure shown as a stand-in: PK-PB-GUJRAT has no figure of its own',
      },
    },
    { name: 'nothing has data', has: [] as string[], expected: null },
  ])('$name', ({ has, expected }) => {
    expect(nearestWithData('PK-PB-GUJRAT', ancestors, (id) => has.includes(id))).toEqual(expected);
  });
});

describe('compareToBenchmarks with the catalogue', () => {
  it('grades the FIA trafficking-and-smuggling variant C with the catalogue’s own words', () => {
    const convicted = INDICATORS.find((i) => i.id === 'persons_convicted');
    if (convicted === undefined) throw new Error('persons_convicted missing from the catalogue');
    const c = compareToBenchmarks({
      indicator: convicted,
      base: {
        jurisdiction: 'PK',
        observations: [obs('persons_convicted', 'PK', 2020, 100, { definition: 'thb_and_smuggling' })],
      },
      benchmarks: [{ jurisdiction: 'IT', observations: [obs('persons_convicted', 'IT', 2020, 100)] }],
      populations: [
        { jurisdiction: 'PK', year: 2020, value: 200_000_000 },
        { jurisdiction: 'IT', year: 2020, value: 60_000_000 },
      ],
    });
    const it = c.latest?.benchmarks[0];
    expect(it?.grade).toBe('C');
    expect(it?.assessment).toBe('not_assessed');
    expect(it?.reasons[0]).toMatch(/^PK figure: Trafficking and smuggling combined \(FIA\)\. /);
  });
});

describe('compareToBenchmarks with derived figures', () => {
  const rate = INDICATORS.find((i) => i.id === 'conviction_rate');
  if (rate === undefined) throw new Error('conviction_rate missing from the catalogue');
  const derive = (j: string, convicted: number, prosecuted: number) =>
    deriveSeries(rate, {
      numerator: [obs('persons_convicted', j, 2021, convicted)],
      denominator: [obs('persons_prosecuted', j, 2021, prosecuted)],
    });
  const derivedCompare = (base: string, baseCounts: [number, number], benchmark: [number, number]) =>
    compareToBenchmarks({
      indicator: rate,
      base: { jurisdiction: base, observations: derive(base, ...baseCounts) },
      benchmarks: [{ jurisdiction: 'IT', observations: derive('IT', ...benchmark) }],
      populations: [],
    });

  it('grades a percent above 100 from different cohorts C, keeps the value and says why', () => {
    const c = derivedCompare('ES', [30, 100], [204, 121]);
    const it = c.years[0]?.benchmarks[0];
    expect(it?.point).toMatchObject({ flags: ['numerator_exceeds_denominator'] });
    expect(it?.point?.value).toBeCloseTo(168.6, 1);
    expect(it).toMatchObject({ grade: 'C', assessment: 'not_assessed' });
    expect(it?.reasons[0]).toBe(
      'IT 2021: Persons convicted of trafficking (204) exceed persons prosecuted for trafficking (121) in the same ' +
        'year: the two counts refer to different cases, so the ratio (168.6) is not a valid "Conviction rate"',
    );
  });

  it('grades derived percents of the same cohort A and carries both inputs', () => {
    const c = derivedCompare('ES', [30, 100], [60, 120]);
    const it = c.years[0]?.benchmarks[0];
    expect(it).toMatchObject({
      grade: 'A',
      assessment: 'lower',
      judgement: 'worse',
      point: { value: 50, flags: [] },
    });
    expect(c.years[0]?.base?.derivedFrom).toMatchObject({
      numerator: { indicator: 'persons_convicted', value: 30 },
      denominator: { indicator: 'persons_prosecuted', value: 100 },
      factor: 100,
    });
  });
});

describe('GRADE_METHOD and ASSESSMENT_METHOD', () => {
  it('explain every grade, and the similarity tolerance the assessment applies', () => {
    expect(Object.keys(GRADE_METHOD)).toEqual([...COMPARABILITY_GRADES]);
    expect(GRADE_METHOD.C).toContain(`within ${DEFAULT_POPULATION_TOLERANCE_YEARS} years`);
    const percent = SIMILAR_TOLERANCE * 100;
    expect(assessDifference(100 + percent, 100)).toBe('similar');
    expect(assessDifference(100 + percent + 1, 100)).toBe('higher');
    expect(ASSESSMENT_METHOD).toContain(`±${percent} %`);
  });
});
