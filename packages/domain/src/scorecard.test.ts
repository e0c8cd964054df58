import { describe, expect, it } from 'vitest';
import { findIndicator } from './catalogue/index.js';
import type { Indicator, Observation, PolicyMeasure, Population } from './contracts.js';
import { deriveSeries } from './derive.js';
import {
  DEFAULT_SCORECARD_WEIGHTS,
  SCORECARD_METHOD,
  confidenceFor,
  scoreAgainstBenchmark,
  scoreJurisdiction,
} from './scorecard.js';
import type { ScorecardInput } from './scorecard.js';
import { indicator, obs } from './test-support/fixtures.js';

const measure = (id: string, pillar: PolicyMeasure['pillar']): PolicyMeasure => ({
  id,
  pillar,
  name: id,
  description: 'test measure',
  model: 'test',
  modelCountries: [],
  thesisRef: '5.1',
  relatedIndicators: [],
});

const indicators: Indicator[] = [
  indicator({ id: 'victims_identified', pillar: 'protection', measureType: 'count', perCapita: true }),
  indicator({
    id: 'victims_in_assistance',
    pillar: 'protection',
    measureType: 'count',
    perCapita: true,
    variants: [
      {
        id: 'broad',
        label: 'all exploitation',
        note: 'includes exploitation without trafficking',
        comparable: false,
      },
    ],
  }),
  indicator({ id: 'conviction_rate', pillar: 'prosecution', measureType: 'percent', unit: 'percent' }),
  indicator({
    id: 'most_wanted_traffickers',
    pillar: 'prosecution',
    measureType: 'count',
    direction: 'neutral',
  }),
  indicator({
    id: 'tip_tier',
    pillar: 'partnership',
    measureType: 'ordinal',
    unit: 'tier',
    direction: 'lower_is_better',
  }),
  indicator({ id: 'awareness_sessions_held', pillar: 'prevention', measureType: 'count', perCapita: true }),
  indicator({ id: 'population', pillar: 'context', measureType: 'count' }),
];
const measures = [
  measure('victim_assistance_units', 'protection'),
  measure('victim_data_system', 'protection'),
  measure('bilateral_labour_pathways', 'partnership'),
];
const populations: Population[] = [
  { jurisdiction: 'PK-PB-GUJRAT', year: 2022, value: 1_000_000 },
  { jurisdiction: 'IT', year: 2022, value: 10_000_000 },
  { jurisdiction: 'ES', year: 2021, value: 1_000_000 },
];
const observations: Observation[] = [
  obs('victims_identified', 'PK-PB-GUJRAT', 2022, 10),
  obs('victims_identified', 'IT', 2022, 200),
  obs('victims_identified', 'ES', 2021, 20),
  obs('victims_identified', 'ES', 2022, 12),
  obs('victims_in_assistance', 'PK-PB-GUJRAT', 2022, 30, { definition: 'broad' }),
  obs('victims_in_assistance', 'IT', 2022, 300),
  obs('conviction_rate', 'PK-PB-GUJRAT', 2022, 30),
  obs('conviction_rate', 'PK-PB-GUJRAT', 2023, 90),
  obs('conviction_rate', 'IT', 2022, 60),
  obs('most_wanted_traffickers', 'PK-PB-GUJRAT', 2022, 12),
  obs('tip_tier', 'PK-PB-GUJRAT', 2022, 2),
  obs('tip_tier', 'IT', 2022, 1),
  obs('tip_tier', 'ES', 2022, 1),
];
const base: ScorecardInput = {
  jurisdiction: 'PK-PB-GUJRAT',
  year: 2022,
  indicators,
  measures,
  observations,
  populations,
  benchmarks: ['IT', 'ES'],
  measureAssessments: [
    { measure: 'victim_assistance_units', jurisdiction: 'PK-PB-GUJRAT', year: 2021, level: 3 },
    { measure: 'victim_data_system', jurisdiction: 'PK-PB-GUJRAT', year: 2020, level: 1 },
    { measure: 'victim_data_system', jurisdiction: 'PK-PB-GUJRAT', year: 2023, level: 4 },
    { measure: 'bilateral_labour_pathways', jurisdiction: 'IT', year: 2022, level: 4 },
  ],
};

describe('scoreJurisdiction', () => {
  const card = scoreJurisdiction(base);
  const pillar = (id: string) => card.pillars.find((p) => p.pillar === id);

  it('returns the four scored pillars with method and weights', () => {
    expect(card.pillars.map((p) => p.pillar)).toEqual([
      'prevention',
      'protection',
      'prosecution',
      'partnership',
    ]);
    expect(card.method).toBe(SCORECARD_METHOD);
    expect(card.weights).toEqual({ indicators: 0.5, measures: 0.5 });
  });

  it('combines indicator and measure scores 50/50 with coverage and confidence', () => {
    // victims per 100k: 1.0 vs IT 2.0 (50) and ES 1.2 in 2022 (83.3) → 66.7; measures 75 and 25 → 50.
    expect(pillar('protection')).toMatchObject({
      score: 58.3,
      indicatorScore: 66.7,
      measureScore: 50,
      appliedWeights: { indicators: 0.5, measures: 0.5 },
      coverage: { indicatorsScored: 1, indicatorsInPillar: 2, measuresAssessed: 2, measuresInPillar: 2 },
      confidence: 'medium',
      reason: null,
    });
    const victims = pillar('protection')?.indicators[0];
    expect(victims?.against).toEqual([
      { jurisdiction: 'IT', year: 2022, grade: 'A', value: 1, benchmarkValue: 2, score: 50 },
      { jurisdiction: 'ES', year: 2022, grade: 'A', value: 1, benchmarkValue: 1.2, score: 83.3 },
    ]);
  });

  it('uses the latest measure assessment up to the year, not later ones', () => {
    expect(pillar('protection')?.measures).toEqual([
      { measure: 'victim_assistance_units', level: 3, assessedYear: 2021, score: 75, inheritedFrom: null },
      { measure: 'victim_data_system', level: 1, assessedYear: 2020, score: 25, inheritedFrom: null },
    ]);
  });

  it('inherits a measure from the nearest ancestor assessed up to the year, never an indicator', () => {
    const district = scoreJurisdiction({
      ...base,
      ancestors: ['PK-PB', 'PK'],
      measureAssessments: [
        { measure: 'victim_assistance_units', jurisdiction: 'PK-PB-GUJRAT', year: 2021, level: 1 },
        { measure: 'victim_assistance_units', jurisdiction: 'PK', year: 2022, level: 4 },
        { measure: 'victim_data_system', jurisdiction: 'PK', year: 2019, level: 2 },
        { measure: 'victim_data_system', jurisdiction: 'PK-PB', year: 2020, level: 3 },
        { measure: 'victim_data_system', jurisdiction: 'PK-PB', year: 2023, level: 0 },
        { measure: 'bilateral_labour_pathways', jurisdiction: 'PK', year: 2023, level: 4 },
      ],
      observations: [...observations, obs('tip_tier', 'PK', 2022, 1)],
    });
    const find = (id: string) => district.pillars.find((p) => p.pillar === id);
    expect(find('protection')?.measures).toEqual([
      { measure: 'victim_assistance_units', level: 1, assessedYear: 2021, score: 25, inheritedFrom: null },
      { measure: 'victim_data_system', level: 3, assessedYear: 2020, score: 75, inheritedFrom: 'PK-PB' },
    ]);
    expect(find('protection')?.coverage.measuresAssessed).toBe(2);
    expect(find('partnership')?.measures).toEqual([
      {
        measure: 'bilateral_labour_pathways',
        level: null,
        assessedYear: null,
        score: null,
        inheritedFrom: null,
      },
    ]);
    expect(find('partnership')?.indicators[0]?.against.map((a) => a.value)).toEqual([2, 2]);
    expect(district.method).toMatch(
      /nearest higher jurisdiction.*marked as inherited; indicators are never inherited/,
    );
  });

  it('inherits nothing without ancestors', () => {
    const alone = scoreJurisdiction({
      ...base,
      measureAssessments: [{ measure: 'victim_data_system', jurisdiction: 'PK', year: 2020, level: 3 }],
    });
    const protection = alone.pillars.find((p) => p.pillar === 'protection');
    expect(protection?.measureScore).toBeNull();
    expect(protection?.measures.every((m) => m.inheritedFrom === null && m.score === null)).toBe(true);
  });

  it('never scores a grade C comparison and says why', () => {
    const c = pillar('protection')?.indicators[1];
    expect(c?.score).toBeNull();
    expect(c?.reason).toBe(
      'Not comparable with the benchmarks (grade C): PK-PB-GUJRAT figure: all exploitation. includes exploitation without trafficking',
    );
  });

  it('never scores a derived percent above 100 from different cohorts', () => {
    const rate = findIndicator('conviction_rate');
    if (rate === undefined) throw new Error('conviction_rate missing from the catalogue');
    const derived = (['PK-PB-GUJRAT', 'IT'] as const).flatMap((j) =>
      deriveSeries(rate, {
        numerator: [obs('persons_convicted', j, 2022, j === 'IT' ? 169 : 30)],
        denominator: [obs('persons_prosecuted', j, 2022, 100)],
      }),
    );
    const card2 = scoreJurisdiction({
      ...base,
      observations: [...observations.filter((o) => o.indicator !== 'conviction_rate'), ...derived],
    });
    const prosecution = card2.pillars.find((p) => p.pillar === 'prosecution');
    expect(prosecution?.score).toBeNull();
    expect(prosecution?.indicators[0]?.score).toBeNull();
    expect(prosecution?.indicators[0]?.reason).toMatch(
      /^Not comparable with the benchmarks \(grade C\): IT 2022: Persons convicted of trafficking \(169\) exceed/,
    );
  });

  it('re-weights to indicators alone, ignores later years and neutral indicators', () => {
    expect(pillar('prosecution')).toMatchObject({
      score: 50,
      measureScore: null,
      appliedWeights: { indicators: 1, measures: 0 },
      coverage: { indicatorsScored: 1, indicatorsInPillar: 2, measuresAssessed: 0, measuresInPillar: 0 },
      confidence: 'low',
    });
    expect(pillar('prosecution')?.indicators[1]?.reason).toBe(
      'Neither higher nor lower is better, so it is not scored',
    );
  });

  it('scores lower-is-better ordinals against the benchmarks and ignores other jurisdictions’ assessments', () => {
    expect(pillar('partnership')).toMatchObject({
      score: 50,
      coverage: { indicatorsScored: 1, indicatorsInPillar: 1, measuresAssessed: 0, measuresInPillar: 1 },
    });
  });

  it('gives a null score with a reason when nothing is scorable', () => {
    expect(pillar('prevention')).toMatchObject({
      score: null,
      reason: 'No indicator could be compared with a benchmark and no measure has been assessed',
      appliedWeights: { indicators: 0, measures: 0 },
      confidence: 'none',
    });
    expect(pillar('prevention')?.indicators[0]?.reason).toBe('No figure for PK-PB-GUJRAT up to 2022');
  });

  it('publishes custom weights and applies them', () => {
    const weighted = scoreJurisdiction({ ...base, weights: { indicators: 3, measures: 1 } });
    const p = weighted.pillars.find((x) => x.pillar === 'protection');
    expect(p?.appliedWeights).toEqual({ indicators: 0.75, measures: 0.25 });
    expect(p?.score).toBe(62.5);
    expect(weighted.weights).toEqual({ indicators: 3, measures: 1 });
  });

  it('says when benchmarks have no figure for the same years', () => {
    const card2 = scoreJurisdiction({
      ...base,
      year: 2021,
      observations: [obs('victims_identified', 'PK-PB-GUJRAT', 2020, 5), ...observations],
    });
    expect(card2.pillars.find((p) => p.pillar === 'protection')?.indicators[0]?.reason).toBe(
      'No benchmark figure for a year in which PK-PB-GUJRAT has one',
    );
  });
});

describe('scoreAgainstBenchmark', () => {
  it.each([
    { value: 1, bench: 2, direction: 'higher_is_better', score: 50 },
    { value: 3, bench: 2, direction: 'higher_is_better', score: 100 },
    { value: 0, bench: 2, direction: 'higher_is_better', score: 0 },
    { value: 0, bench: 0, direction: 'higher_is_better', score: 100 },
    { value: 2, bench: 1, direction: 'lower_is_better', score: 50 },
    { value: 0.5, bench: 1, direction: 'lower_is_better', score: 100 },
    { value: 0, bench: 1, direction: 'lower_is_better', score: 100 },
    { value: 3, bench: 0, direction: 'lower_is_better', score: 0 },
  ] as const)('$value vs $bench ($direction) → $score', ({ value, bench, direction, score }) => {
    expect(scoreAgainstBenchmark(value, bench, direction)).toBe(score);
  });
});

describe('confidenceFor', () => {
  it.each([
    [0, 'none'],
    [1, 'low'],
    [2, 'low'],
    [3, 'medium'],
    [5, 'medium'],
    [6, 'high'],
    [12, 'high'],
  ] as const)('%i scored items → %s', (n, label) => {
    expect(confidenceFor(n)).toBe(label);
  });

  it('keeps the default weights at 50/50', () => {
    expect(DEFAULT_SCORECARD_WEIGHTS).toEqual({ indicators: 0.5, measures: 0.5 });
  });
});
