import { SCORED_PILLAR_IDS } from './contracts.js';
import type {
  Direction,
  Indicator,
  JurisdictionId,
  Observation,
  PolicyMeasure,
  Population,
  RubricLevel,
} from './contracts.js';
import { compareToBenchmarks } from './compare.js';
import type { CompareOptions } from './compare.js';
import type {
  Confidence,
  IndicatorScore,
  MeasureScore,
  PillarScore,
  Scorecard,
  ScorecardWeights,
} from './results.js';

export const DEFAULT_SCORECARD_WEIGHTS: ScorecardWeights = { indicators: 0.5, measures: 0.5 };

/** Scored items (indicators with a score plus measures assessed) needed for each confidence label. */
export const CONFIDENCE_THRESHOLDS = { low: 1, medium: 3, high: 6 } as const;

export const MAX_RUBRIC_LEVEL = 4;

export const SCORECARD_METHOD =
  'Each pillar score (0–100) combines two parts. Indicators: each indicator is compared with each benchmark ' +
  'in the latest year both have a comparable figure (grade A or B; grade C is never scored); the score is ' +
  '100 × value ÷ benchmark when higher is better, 100 × benchmark ÷ value when lower is better, capped at 100, ' +
  'and the indicator score is the mean over benchmarks. Counts are per 100,000 residents. Indicators where ' +
  'neither direction is better are not scored. Policy measures: rubric level ÷ 4 × 100, using the latest ' +
  'assessment up to the year. A measure the jurisdiction has no assessment of its own for takes the nearest ' +
  'higher jurisdiction’s (national laws and programmes apply in a district) and is marked as inherited; ' +
  'indicators are never inherited. The pillar score is the weighted mean of the two parts ' +
  `(indicators ${DEFAULT_SCORECARD_WEIGHTS.indicators * 100} %, measures ${DEFAULT_SCORECARD_WEIGHTS.measures * 100} %), ` +
  're-weighted to the parts that are available. Confidence is low with fewer than ' +
  `${CONFIDENCE_THRESHOLDS.medium} scored items, medium with fewer than ${CONFIDENCE_THRESHOLDS.high}, high otherwise.`;

export type MeasureAssessmentInput = {
  measure: string;
  jurisdiction: JurisdictionId;
  year: number;
  level: RubricLevel;
};

export type ScorecardInput = {
  jurisdiction: JurisdictionId;
  year: number;
  indicators: readonly Indicator[];
  measures: readonly PolicyMeasure[];
  /** Observations of the jurisdiction and the benchmarks; later years than `year` are ignored. */
  observations: readonly Observation[];
  populations: readonly Population[];
  benchmarks: readonly JurisdictionId[];
  /** Assessments of the jurisdiction and of its ancestors (others are ignored). */
  measureAssessments: readonly MeasureAssessmentInput[];
  /** The jurisdiction's ancestors, nearest first (as `ancestorsOf`), whose measure assessments it inherits. */
  ancestors?: readonly JurisdictionId[];
  weights?: ScorecardWeights;
  options?: CompareOptions;
};

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp100 = (x: number) => Math.min(100, Math.max(0, x));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** 0–100 score of a value against one benchmark value in the same unit: 100 when at least as good, proportionally less when worse. */
export function scoreAgainstBenchmark(
  value: number,
  benchmark: number,
  direction: Exclude<Direction, 'neutral'>,
): number {
  if (direction === 'higher_is_better') {
    if (benchmark <= 0) return value >= benchmark ? 100 : 0;
    return clamp100((100 * value) / benchmark);
  }
  if (value <= 0) return value <= benchmark ? 100 : 0;
  return clamp100((100 * benchmark) / value);
}

/** 0–100 score of a measure's rubric level (0–4). */
export const scoreMeasureLevel = (level: RubricLevel): number => (level / MAX_RUBRIC_LEVEL) * 100;

/** Confidence label for a count of scored items (0 → none, 1–2 low, 3–5 medium, 6+ high). */
export function confidenceFor(scoredItems: number): Confidence {
  if (scoredItems < CONFIDENCE_THRESHOLDS.low) return 'none';
  if (scoredItems < CONFIDENCE_THRESHOLDS.medium) return 'low';
  if (scoredItems < CONFIDENCE_THRESHOLDS.high) return 'medium';
  return 'high';
}

type Scored = { item: IndicatorScore; raw: number | null };

/** Rounds only for display: the pillar score is computed from unrounded item scores. */
function scoreIndicator(input: ScorecardInput, indicator: Indicator): Scored {
  const none = (reason: string): Scored => ({
    item: { indicator: indicator.id, score: null, against: [], reason },
    raw: null,
  });
  if (indicator.direction === 'neutral')
    return none('Neither higher nor lower is better, so it is not scored');
  const rows = input.observations.filter((o) => o.indicator === indicator.id && o.year <= input.year);
  const seriesOf = (jurisdiction: JurisdictionId) => ({
    jurisdiction,
    observations: rows.filter((o) => o.jurisdiction === jurisdiction),
  });
  const base = seriesOf(input.jurisdiction);
  if (base.observations.length === 0) return none(`No figure for ${input.jurisdiction} up to ${input.year}`);
  const comparison = compareToBenchmarks({
    indicator,
    base,
    benchmarks: input.benchmarks.map(seriesOf),
    populations: input.populations,
    ...(input.options === undefined ? {} : { options: input.options }),
  });
  const against: IndicatorScore['against'] = [];
  const raws: number[] = [];
  for (const c of comparison.latestByBenchmark) {
    const baseValue = comparison.years.find((y) => y.year === c.year)?.base?.value;
    const benchmarkValue = c.point?.value;
    if (c.grade === null || c.grade === 'C' || baseValue == null || benchmarkValue == null) continue;
    const raw = scoreAgainstBenchmark(baseValue, benchmarkValue, indicator.direction);
    raws.push(raw);
    against.push({
      jurisdiction: c.jurisdiction,
      year: c.year,
      grade: c.grade,
      value: baseValue,
      benchmarkValue,
      score: round1(raw),
    });
  }
  if (against.length === 0) {
    const gradeC = comparison.latestByBenchmark.find((c) => c.grade === 'C');
    return none(
      gradeC !== undefined
        ? `Not comparable with the benchmarks (grade C): ${gradeC.reasons[0] ?? 'see the comparison'}`
        : `No benchmark figure for a year in which ${input.jurisdiction} has one`,
    );
  }
  const raw = mean(raws);
  return { item: { indicator: indicator.id, score: round1(raw), against, reason: null }, raw };
}

/** The jurisdiction's own latest assessment up to the year, else the nearest ancestor's. */
function scoreMeasure(input: ScorecardInput, measure: PolicyMeasure): MeasureScore {
  const latestOf = (jurisdiction: JurisdictionId) =>
    input.measureAssessments
      .filter((a) => a.measure === measure.id && a.jurisdiction === jurisdiction && a.year <= input.year)
      .sort((a, b) => b.year - a.year)[0];
  for (const jurisdiction of [input.jurisdiction, ...(input.ancestors ?? [])]) {
    const latest = latestOf(jurisdiction);
    if (latest === undefined) continue;
    return {
      measure: measure.id,
      level: latest.level,
      assessedYear: latest.year,
      score: scoreMeasureLevel(latest.level),
      inheritedFrom: jurisdiction === input.jurisdiction ? null : jurisdiction,
    };
  }
  return { measure: measure.id, level: null, assessedYear: null, score: null, inheritedFrom: null };
}

/**
 * 0–100 score per scored pillar for a jurisdiction as of a year, with method, weights, coverage and a confidence
 * label; score null with a reason when nothing in the pillar is scorable.
 */
export function scoreJurisdiction(input: ScorecardInput): Scorecard {
  const weights = input.weights ?? DEFAULT_SCORECARD_WEIGHTS;
  const pillars: PillarScore[] = SCORED_PILLAR_IDS.map((pillar) => {
    const scored = input.indicators.filter((i) => i.pillar === pillar).map((i) => scoreIndicator(input, i));
    const measures = input.measures.filter((m) => m.pillar === pillar).map((m) => scoreMeasure(input, m));
    const indicatorScores = scored.flatMap((s) => (s.raw === null ? [] : [s.raw]));
    const measureScores = measures.flatMap((m) => (m.score === null ? [] : [m.score]));
    const indicatorScore = indicatorScores.length > 0 ? mean(indicatorScores) : null;
    const measureScore = measureScores.length > 0 ? mean(measureScores) : null;
    const wi = indicatorScore === null ? 0 : weights.indicators;
    const wm = measureScore === null ? 0 : weights.measures;
    const total = wi + wm;
    const appliedWeights =
      total > 0 ? { indicators: wi / total, measures: wm / total } : { indicators: 0, measures: 0 };
    const score =
      total > 0
        ? round1(
            appliedWeights.indicators * (indicatorScore ?? 0) + appliedWeights.measures * (measureScore ?? 0),
          )
        : null;
    return {
      pillar,
      score,
      reason:
        score === null
          ? 'No indicator could be compared with a benchmark and no measure has been assessed'
          : null,
      indicatorScore: indicatorScore === null ? null : round1(indicatorScore),
      measureScore: measureScore === null ? null : round1(measureScore),
      appliedWeights,
      coverage: {
        indicatorsScored: indicatorScores.length,
        indicatorsInPillar: scored.length,
        measuresAssessed: measureScores.length,
        measuresInPillar: measures.length,
      },
      confidence: confidenceFor(indicatorScores.length + measureScores.length),
      indicators: scored.map((s) => s.item),
      measures,
    };
  });
  return {
    jurisdiction: input.jurisdiction,
    year: input.year,
    benchmarks: [...input.benchmarks],
    method: SCORECARD_METHOD,
    weights,
    pillars,
  };
}
