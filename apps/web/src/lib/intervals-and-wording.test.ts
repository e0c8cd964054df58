import { findIndicator, type BenchmarkComparison, type Compare, type ComparedPoint } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { comparisonLine, showValueWithInterval } from './display';
import { breaksSeries, buildViewRows, valuesOnAxis, yearAxis } from './indicator-view';

const point = (year: number, extra: Partial<ComparedPoint> = {}): ComparedPoint => ({
  jurisdiction: 'IT',
  year,
  yearEnd: year,
  value: 0.16,
  rawValue: 5,
  suppressed: false,
  normalised: true,
  populationYear: year,
  definition: 'standard',
  observationId: year,
  interval: { low: 0.0519, high: 0.3734, level: 0.95 },
  seriesKey: 'standard · DPO',
  ...extra,
});

const compareOf = (points: ComparedPoint[]): Compare => ({
  indicator: 'persons_convicted',
  per: '100k',
  requestedBase: 'IT',
  baseHasData: true,
  standIn: null,
  comparison: {
    indicator: 'persons_convicted',
    measureType: 'count',
    direction: 'higher_is_better',
    unit: 'per 100,000 residents',
    base: 'IT',
    benchmarks: [],
    similarTolerance: 0.05,
    years: points.map((p) => ({ year: p.year, base: p, benchmarks: [] })),
    latestCommonYear: null,
    latest: null,
    latestByBenchmark: [],
  },
  sources: {},
});

const italy = [
  {
    id: 'IT',
    kind: 'country' as const,
    parentId: null,
    name: { en: 'Italy' },
    role: 'benchmark' as const,
    validFrom: null,
    validTo: null,
    parents: [],
    source: null,
    note: null,
  },
];

describe('the text equivalent of an error bar', () => {
  it('reads "0.16 (95 % interval 0.052–0.37)" for 5 convictions in 3.1 million residents', () => {
    const [row] = buildViewRows(compareOf([point(2020)]), italy, ['IT']);
    expect(showValueWithInterval('0.16', row!.interval)).toBe('0.16 (95 % interval 0.052–0.37)');
  });

  it('gives a suppressed figure no interval to show', () => {
    const [row] = buildViewRows(
      compareOf([point(2020, { value: null, rawValue: null, suppressed: true, interval: null })]),
      italy,
      ['IT'],
    );
    expect(row?.interval).toBeNull();
    expect(showValueWithInterval('Suppressed', row!.interval)).toBe('Suppressed');
  });
});

describe('breaksSeries', () => {
  it('breaks the line where the publisher or definition changes, not elsewhere', () => {
    const rows = buildViewRows(
      compareOf([point(2019), point(2020), point(2021, { seriesKey: 'registered_victims · Eurostat' })]),
      italy,
      ['IT'],
    );
    const cells = valuesOnAxis(rows, 'IT', yearAxis(rows));
    expect(cells.map((_, index) => breaksSeries(cells, index))).toEqual([false, true, false]);
  });
});

describe('comparisonLine', () => {
  const item = (over: Partial<BenchmarkComparison>): BenchmarkComparison => ({
    jurisdiction: 'IT',
    year: 2023,
    point: null,
    difference: 1,
    ratio: 2,
    assessment: 'higher',
    judgement: null,
    grade: 'B',
    reasons: [],
    ...over,
  });

  it('never says better or worse for a detection indicator, whose judgement the API leaves null', () => {
    expect(findIndicator('victims_identified')?.directionMeaning).toBe('detection');
    const text = comparisonLine(item({ judgement: null }), 'Italy');
    expect(text).toBe('Italy (2023): higher, grade B');
    expect(text).not.toMatch(/better|worse/);
  });

  it('says better or worse only as the API judged it', () => {
    expect(comparisonLine(item({ assessment: 'lower', judgement: 'worse' }), 'Spain')).toBe(
      'Spain (2023): lower, so worse, grade B',
    );
    expect(comparisonLine(item({ assessment: 'indistinguishable' }), 'Spain')).toBe(
      'Spain (2023): indistinguishable (the 95 % intervals overlap), grade B',
    );
  });
});
