import { describe, expect, it } from 'vitest';
import { compareToBenchmarks } from './compare.js';
import type { Observation } from './contracts.js';
import { deriveRatio } from './derive.js';
import { assessProgress } from './progress.js';
import {
  ComparisonSchema,
  DerivedRatioSchema,
  ProgressResultSchema,
  ScorecardSchema,
  SuppressedCellSchema,
  TrendSchema,
} from './results.js';
import { scoreJurisdiction } from './scorecard.js';
import { trendOf } from './trend.js';
import { indicator, obs } from './test-support/fixtures.js';

const victims = indicator({
  id: 'victims_identified',
  measureType: 'count',
  name: 'Victims identified',
  perCapita: true,
  disaggregations: ['sex'],
  identifying: true,
  headline: true,
});
const observations = [
  obs('victims_identified', 'PK-PB-GUJRAT', 2021, null, { suppressed: true }),
  obs('victims_identified', 'PK-PB-GUJRAT', 2022, 10),
  obs('victims_identified', 'IT', 2022, 0),
];
const populations = [
  { jurisdiction: 'PK-PB-GUJRAT', year: 2022, value: 1_000_000 },
  { jurisdiction: 'IT', year: 2022, value: 10_000_000 },
];

/** What the web receives: the value after a JSON round trip, parsed by the shared schema. */
const overTheWire = <T>(schema: { parse: (x: unknown) => T }, value: unknown) =>
  schema.parse(JSON.parse(JSON.stringify(value)));

describe('result schemas', () => {
  it('round-trip a comparison with a suppressed point and a zero benchmark (ratio null)', () => {
    const comparison = compareToBenchmarks({
      indicator: victims,
      base: {
        jurisdiction: 'PK-PB-GUJRAT',
        observations: observations.filter((o) => o.jurisdiction !== 'IT'),
      },
      benchmarks: [{ jurisdiction: 'IT', observations: observations.filter((o) => o.jurisdiction === 'IT') }],
      populations,
    });
    expect(comparison.latest?.benchmarks[0]?.ratio).toBeNull();
    expect(overTheWire(ComparisonSchema, comparison)).toEqual(comparison);
  });

  it('round-trip a scorecard', () => {
    const card = scoreJurisdiction({
      jurisdiction: 'PK-PB-GUJRAT',
      year: 2022,
      indicators: [victims],
      measures: [],
      observations,
      populations,
      benchmarks: ['IT'],
      measureAssessments: [],
    });
    expect(overTheWire(ScorecardSchema, card)).toEqual(card);
  });

  it('round-trip progress, trend, derived ratio and suppressed cells', () => {
    const progress = assessProgress({
      baseline: { year: 2015, value: 10 },
      target: { year: 2030, value: 40 },
      figures: [
        { year: 2018, value: 11 },
        { year: 2022, value: 12 },
      ],
      direction: 'higher_is_better',
      measureType: 'percent',
    });
    expect(progress.ok).toBe(true);
    if (progress.ok) expect(overTheWire(ProgressResultSchema, progress.value)).toEqual(progress.value);

    const trend = trendOf(observations.filter((o) => o.jurisdiction === 'PK-PB-GUJRAT'));
    expect(overTheWire(TrendSchema, trend)).toEqual(trend);

    const ratio = deriveRatio(
      { numerator: 'victims_identified', denominator: 'population', factor: 100_000 },
      [observations[1] as Observation],
      [obs('population', 'PK-PB-GUJRAT', 2022, 1_000_000)],
    );
    expect(ratio.ok).toBe(true);
    if (ratio.ok) expect(overTheWire(DerivedRatioSchema, ratio.value)).toEqual(ratio.value);

    const cells = [
      {
        indicator: 'victims_identified',
        jurisdiction: 'PK-PB-GUJRAT',
        year: 2022,
        disaggregation: {},
        value: 10,
        suppressed: false,
        suppressionReason: null,
      },
      {
        indicator: 'victims_identified',
        jurisdiction: 'PK-PB-GUJRAT',
        year: 2022,
        disaggregation: { sex: 'female' },
        value: null,
        suppressed: true,
        suppressionReason: 'small_count',
      },
      {
        indicator: 'victims_identified',
        jurisdiction: 'PK-PB-GUJRAT',
        year: 2022,
        disaggregation: { sex: 'male' },
        value: null,
        suppressed: true,
        suppressionReason: 'complementary',
      },
    ];
    const wire = cells.map((c) => overTheWire(SuppressedCellSchema, c));
    expect(wire.map((c) => [c.value, c.suppressed, c.suppressionReason])).toEqual([
      [10, false, null],
      [null, true, 'small_count'],
      [null, true, 'complementary'],
    ]);
  });

  it('reject values JSON cannot carry', () => {
    const base = {
      status: 'limited_progress',
      method: 'theil_sen',
      points: 3,
      actualAnnualGrowth: 0,
      requiredAnnualGrowth: 1,
      explanation: '',
    };
    expect(ProgressResultSchema.safeParse({ ...base, ratio: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(ProgressResultSchema.safeParse({ ...base, ratio: Number.NaN }).success).toBe(false);
    expect(ProgressResultSchema.safeParse({ ...base, ratio: 0.3 }).success).toBe(true);
  });
});
