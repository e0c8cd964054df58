import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIndicator } from './catalogue/index.js';
import { migrationProfileOf, seriesContextOf } from './catalogue/jurisdiction-context.js';
import { createJurisdictionTree } from './catalogue/jurisdiction-tree.js';
import { compareToBenchmarks, type SeriesContext } from './compare.js';
import type { Indicator, Observation, Population } from './contracts.js';
import { intervalsOverlap, observationInterval, poissonInterval, rateInterval } from './interval.js';
import { indicator, obs } from './test-support/fixtures.js';
import { TEST_JURISDICTIONS } from './test-support/jurisdictions.js';

const victims = findIndicator('victims_identified')!;
const primary = {
  id: 2,
  title: 'TIP Report',
  publisher: 'US Department of State',
  year: 2024,
  locator: null,
};
const pakistan: SeriesContext = { kind: 'country', migrationProfile: 'source', standsInFor: null };
const italy: SeriesContext = { kind: 'country', migrationProfile: 'destination', standsInFor: null };
const spain: SeriesContext = italy;
const populations: Population[] = [
  { jurisdiction: 'PK', year: 2023, value: 241_499_431 },
  { jurisdiction: 'IT', year: 2023, value: 58_997_201 },
  { jurisdiction: 'ES', year: 2015, value: 46_449_565 },
  { jurisdiction: 'IT', year: 2015, value: 60_665_551 },
];

const compareOne = (
  ind: Indicator,
  base: { id: string; rows: Observation[]; context?: SeriesContext },
  other: { id: string; rows: Observation[]; context?: SeriesContext },
) =>
  compareToBenchmarks({
    indicator: ind,
    base: { jurisdiction: base.id, observations: base.rows, context: base.context ?? null },
    benchmarks: [{ jurisdiction: other.id, observations: other.rows, context: other.context ?? null }],
    populations,
  });

describe('comparability grading', () => {
  // The 2023 Pakistani figure is a secondary reproduction whose note says to verify it; it stands in for Gujrat.
  const pk21253 = obs('victims_identified', 'PK', 2023, 21_253, {
    status: 'U',
    note: 'Reproduced in a reader’s letter; verify it against the TIP report',
    source: { ...primary, id: 3, publisher: 'Dawn (letter)', kind: 'secondary' },
  });
  const it2023 = obs('victims_identified', 'IT', 2023, 496, { source: { ...primary, kind: 'primary' } });

  it('Pakistan’s 21,253 standing in for Gujrat against Italy: never A, every reason stated, not better', () => {
    const c = compareOne(
      victims,
      {
        id: 'PK',
        rows: [pk21253],
        context: { ...pakistan, standsInFor: { jurisdiction: 'PK-PB-GUJRAT', kind: 'district' } },
      },
      { id: 'IT', rows: [it2023], context: italy },
    );
    const vsItaly = c.years[0]?.benchmarks[0];
    expect(vsItaly?.grade).toBe('C');
    expect(vsItaly?.judgement).toBeNull();
    expect(vsItaly?.assessment).toBe('not_assessed');
    expect(vsItaly?.reasons).toEqual(
      expect.arrayContaining([
        expect.stringContaining('PK stands in for PK-PB-GUJRAT, a district and IT is a country'),
        expect.stringContaining('PK is a source country of trafficking and IT a destination one'),
        expect.stringContaining('PK figure comes from a secondary reproduction (Dawn (letter))'),
      ]),
    );
  });

  it('country against country, primary sources: detection across source and destination is B, never judged', () => {
    const c = compareOne(
      victims,
      { id: 'PK', rows: [{ ...pk21253, status: 'A', note: null, source: { ...primary, kind: 'primary' } }] },
      { id: 'IT', rows: [it2023] },
    );
    expect(c.years[0]?.benchmarks[0]?.grade).toBe('A');
    const withContext = compareOne(
      victims,
      {
        id: 'PK',
        rows: [{ ...pk21253, status: 'A', note: null, source: { ...primary, kind: 'primary' } }],
        context: pakistan,
      },
      { id: 'IT', rows: [it2023], context: italy },
    ).years[0]?.benchmarks[0];
    expect(withContext).toMatchObject({ grade: 'B', assessment: 'higher', judgement: null });
    expect(withContext?.reasons).toContain(
      'Victims identified measures detection as much as performance: a higher figure is not called better or worse',
    );
  });

  it('a district against a whole country is at most B, with the reason', () => {
    const funding = indicator({
      id: 'victim_assistance_offices_share',
      measureType: 'percent',
      unit: 'percent',
    });
    const c = compareOne(
      funding,
      {
        id: 'PK-PB-GUJRAT',
        rows: [obs('victim_assistance_offices_share', 'PK-PB-GUJRAT', 2023, 10)],
        context: { kind: 'district', migrationProfile: 'source', standsInFor: null },
      },
      { id: 'IT', rows: [obs('victim_assistance_offices_share', 'IT', 2023, 40)], context: italy },
    );
    expect(c.years[0]?.benchmarks[0]).toMatchObject({ grade: 'B', assessment: 'lower', judgement: 'worse' });
    expect(c.years[0]?.benchmarks[0]?.reasons[0]).toBe(
      'PK-PB-GUJRAT is a district and IT is a country: places of different levels differ in size, reporting and mix, so at most grade B',
    );
  });

  it('a secondary source lowers an A to B; a note saying unverified does the same', () => {
    const share = indicator({ id: 'share', measureType: 'percent', unit: 'percent' });
    const run = (over: Partial<Observation>) =>
      compareOne(
        share,
        { id: 'IT', rows: [obs('share', 'IT', 2020, 10, over)] },
        { id: 'ES', rows: [obs('share', 'ES', 2020, 40)] },
      ).years[0]?.benchmarks[0];
    expect(run({})?.grade).toBe('A');
    expect(run({ source: { ...primary, kind: 'secondary' } })?.grade).toBe('B');
    expect(run({ note: 'unverified figure from a press release' })?.reasons).toEqual([
      'IT figure is unverified according to its note: one grade lower (B)',
    ]);
  });

  it('the first six months of 2015 in Spain are never compared with Italy’s whole 2015: grade C', () => {
    const c = compareOne(
      victims,
      { id: 'IT', rows: [obs('victims_identified', 'IT', 2015, 1_100)], context: italy },
      {
        id: 'ES',
        rows: [
          obs('victims_identified', 'ES', 2015, 169, { period: '2015-01/2015-06', partialPeriod: true }),
        ],
        context: spain,
      },
    );
    const es = c.years[0]?.benchmarks[0];
    expect(es).toMatchObject({ grade: 'C', assessment: 'not_assessed', judgement: null });
    expect(es?.reasons).toContain(
      'ES figure covers only part of the year (Jan 2015–Jun 2015 (6 months)) and is never compared with IT’s figure for 2015',
    );
  });

  it('a figure marked partial with no months given is still never read as annual', () => {
    const c = compareOne(
      victims,
      { id: 'IT', rows: [obs('victims_identified', 'IT', 2015, 1_100)] },
      { id: 'ES', rows: [obs('victims_identified', 'ES', 2015, 169, { partialPeriod: true })] },
    );
    expect(c.years[0]?.benchmarks[0]?.grade).toBe('C');
  });

  it('a spliced series (two publishers, two definitions) gets one key per publisher and definition', () => {
    const c = compareOne(
      victims,
      {
        id: 'IT',
        rows: [
          obs('victims_identified', 'IT', 2015, 1_100, {
            source: { ...primary, publisher: 'DPO', kind: 'primary' },
          }),
          obs('victims_identified', 'IT', 2016, 1_200, {
            source: { ...primary, publisher: 'DPO', kind: 'primary' },
          }),
          obs('victims_identified', 'IT', 2017, 3_000, {
            definition: 'registered_victims',
            source: { ...primary, publisher: 'Eurostat', kind: 'primary' },
          }),
        ],
      },
      { id: 'ES', rows: [] },
    );
    const keys = c.years.map((y) => y.base?.seriesKey);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('a count that could not be put per 100,000 is never differenced against a rate', () => {
    const c = compareOne(
      victims,
      { id: 'PK-PB-GUJRAT', rows: [obs('victims_identified', 'PK-PB-GUJRAT', 2015, 12)] },
      { id: 'IT', rows: [obs('victims_identified', 'IT', 2015, 1_100)] },
    );
    const it = c.years[0]?.benchmarks[0];
    expect(it).toMatchObject({ grade: 'C', difference: null, ratio: null, assessment: 'not_assessed' });
    expect(it?.reasons).toContain(
      'PK-PB-GUJRAT figure is not in the same unit as the other, so they are not subtracted or divided',
    );
  });

  it('inherits the migration profile down the tree and takes the stand-in’s level', () => {
    const tree = createJurisdictionTree(
      TEST_JURISDICTIONS.map((u) => (u.id === 'PK' ? { ...u, migrationProfile: 'source' as const } : u)),
    );
    expect(migrationProfileOf(tree, 'PK-PB-GUJRAT')).toBe('source');
    expect(seriesContextOf(tree, 'PK', 'PK-PB-GUJRAT')).toEqual({
      kind: 'country',
      migrationProfile: 'source',
      standsInFor: { jurisdiction: 'PK-PB-GUJRAT', kind: 'district' },
    });
  });
});

describe('Poisson intervals', () => {
  it('5 convictions per 3.125 million residents: 0.16 per 100,000, 95 % interval about 0.05–0.37', () => {
    const interval = rateInterval(5, 3_125_000);
    expect(interval?.low).toBeCloseTo(0.0519, 3);
    expect(interval?.high).toBeCloseTo(0.3734, 3);
    expect(poissonInterval(0)).toMatchObject({ low: 0, high: expect.closeTo(3.689, 3) });
  });

  it('has no interval for a value that is not a count', () => {
    expect(poissonInterval(null)).toBeNull();
    expect(poissonInterval(2.5)).toBeNull();
    expect(poissonInterval(-1)).toBeNull();
  });

  it('a suppressed figure carries no interval in a comparison', () => {
    const c = compareOne(
      victims,
      { id: 'IT', rows: [obs('victims_identified', 'IT', 2015, null, { suppressed: true })] },
      { id: 'ES', rows: [obs('victims_identified', 'ES', 2015, 169)] },
    );
    expect(c.years[0]?.base?.interval).toBeNull();
    expect(c.years[0]?.benchmarks[0]?.point?.interval).not.toBeNull();
  });

  it('property: an interval contains its count, and a rate’s interval contains the rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1_000, max: 300_000_000 }),
        (n, pop) => {
          const count = poissonInterval(n)!;
          const rate = rateInterval(n, pop)!;
          const perHundredK = (n / pop) * 100_000;
          return (
            count.low <= n &&
            n <= count.high &&
            rate.low <= perHundredK * (1 + 1e-12) &&
            perHundredK <= rate.high * (1 + 1e-12)
          );
        },
      ),
    );
  });

  it('property: figures whose intervals overlap are never called higher or lower', () => {
    const share = indicator({ id: 'persons_convicted', measureType: 'count', perCapita: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 2_000 }), (a, b) => {
        const c = compareOne(
          share,
          { id: 'IT', rows: [obs('persons_convicted', 'IT', 2015, a)] },
          { id: 'ES', rows: [obs('persons_convicted', 'ES', 2015, b)] },
        );
        const point = c.years[0]!;
        const overlap = intervalsOverlap(point.base!.interval!, point.benchmarks[0]!.point!.interval!);
        const assessment = point.benchmarks[0]!.assessment;
        return overlap ? assessment === 'indistinguishable' : assessment !== 'indistinguishable';
      }),
      { numRuns: 200 },
    );
  });
});

describe('observationInterval', () => {
  it('gives a count its interval and a suppressed count none', () => {
    const count = { id: 'victims_identified', measureType: 'count' as const };
    expect(observationInterval({ value: 5, suppressed: false }, count)?.high).toBeCloseTo(11.668, 2);
    expect(observationInterval({ value: null, suppressed: true }, count)).toBeNull();
    expect(
      observationInterval({ value: 5, suppressed: false }, { id: 'x', measureType: 'percent' }),
    ).toBeNull();
    expect(
      observationInterval(
        { value: 3_219_375, suppressed: false },
        { id: 'population', measureType: 'count' },
      ),
    ).toBeNull();
  });
});
