import { isCurrentTotal } from './cell.js';
import { SCORED_PILLAR_IDS } from './contracts.js';
import { DEFAULT_LOCALE, type Locale } from './i18n/locale.js';
import { reason, renderReason, type Reason } from './i18n/reasons.js';
import type {
  Indicator,
  JurisdictionId,
  Observation,
  PolicyMeasure,
  Population,
  RubricLevel,
} from './contracts.js';
import type {
  Confidence,
  IndicatorScore,
  MeasureScore,
  PillarScore,
  Scorecard,
  ScorecardWeights,
} from './results.js';

export const DEFAULT_SCORECARD_WEIGHTS: ScorecardWeights = { indicators: 0.5, measures: 0.5 };

/** Own scored items needed for each confidence label. */
export const CONFIDENCE_THRESHOLDS = { low: 1, medium: 3, high: 6 } as const;

/** A pillar score is withheld with fewer own scored items than this, or than half of the scorable ones. */
export const MIN_OWN_ITEMS = 3;

export const MAX_RUBRIC_LEVEL = 4;

/** Ordinal indicators with a fixed scale, best placement first; others (e.g. GSI rank) are not scored. */
export const ORDINAL_SCALES: Readonly<Record<string, readonly number[]>> = { tip_tier: [1, 2, 2.5, 3] };

export const SCORECARD_METHOD =
  'Each pillar score (0–100) uses the jurisdiction’s own evidence only, and every jurisdiction is scored ' +
  'against the same absolute references, never against another jurisdiction. Policy measures: the ' +
  `jurisdiction’s own latest assessment up to the year, rubric level ÷ ${MAX_RUBRIC_LEVEL} × 100. Where a ` +
  'district has no assessment of its own, the national (or provincial) law or programme that applies is shown ' +
  'beside the score as the national framework, with its level and evidence, and is never counted in the score. ' +
  'Indicators, on their own scale, from the latest own annual total up to the year: a percentage scores its ' +
  'value (100 − value when lower is better); a yes/no scores 100 for the desired answer and 0 otherwise; an ' +
  'ordinal placement on a fixed scale scores by its step on that scale (TIP tier 1 = 100, 2 = 66.7, Watch ' +
  'List = 33.3, 3 = 0). Counts, rates and amounts have no absolute reference and are not scored (they are ' +
  'compared on the comparison page); ranks without a fixed scale (GSI rank) and indicators where neither ' +
  'direction is better are not scored. The pillar score is the weighted mean of the two parts ' +
  `(indicators ${DEFAULT_SCORECARD_WEIGHTS.indicators * 100} %, measures ${DEFAULT_SCORECARD_WEIGHTS.measures * 100} %), ` +
  're-weighted to the parts available; the sensitivity view gives indicators only, measures only and 50/50. ' +
  `The score is withheld when own scored items are fewer than ${MIN_OWN_ITEMS} or fewer than half of the ` +
  'items that could be scored (absolute-scale indicators plus every measure). Confidence is low with fewer ' +
  `than ${CONFIDENCE_THRESHOLDS.medium} own scored items, medium with fewer than ${CONFIDENCE_THRESHOLDS.high}, high otherwise.`;

export type MeasureAssessmentInput = {
  measure: string;
  jurisdiction: JurisdictionId;
  year: number;
  level: RubricLevel;
  evidence?: string;
};

export type ScorecardInput = {
  jurisdiction: JurisdictionId;
  year: number;
  indicators: readonly Indicator[];
  measures: readonly PolicyMeasure[];
  /** Observations; only the jurisdiction's own annual totals up to `year` are scored. */
  observations: readonly Observation[];
  /** Kept for the contract; absolute-scale scoring needs no denominators. */
  populations?: readonly Population[];
  /** The jurisdictions shown side by side (each scored on its own, against the same references). */
  benchmarks: readonly JurisdictionId[];
  /** Assessments of the jurisdiction and of its ancestors (others are ignored). */
  measureAssessments: readonly MeasureAssessmentInput[];
  /** The language of the reasons; `'en'` by default. */
  locale?: Locale;
  /** The jurisdiction's ancestors, nearest first, whose assessments are shown as the national framework. */
  ancestors?: readonly JurisdictionId[];
  weights?: ScorecardWeights;
};

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp100 = (x: number) => Math.min(100, Math.max(0, x));
const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** 0–100 score of a measure's rubric level (0–4). */
export const scoreMeasureLevel = (level: RubricLevel): number => (level / MAX_RUBRIC_LEVEL) * 100;

/** Confidence label for a count of own scored items (0 → none, 1–2 low, 3–5 medium, 6+ high). */
export function confidenceFor(scoredItems: number): Confidence {
  if (scoredItems < CONFIDENCE_THRESHOLDS.low) return 'none';
  if (scoredItems < CONFIDENCE_THRESHOLDS.medium) return 'low';
  if (scoredItems < CONFIDENCE_THRESHOLDS.high) return 'medium';
  return 'high';
}

type Scale = { name: string; score: (value: number) => number | null };

/** The absolute scale an indicator is scored on, or why it has none. */
export function scaleOf(indicator: Indicator, locale: Locale = DEFAULT_LOCALE): Scale | { reason: string } {
  const because = (code: 'not_scored_neutral' | 'not_scored_rank' | 'not_scored_no_reference') => ({
    reason: renderReason(reason(code, {}), locale),
  });
  const up = indicator.direction === 'higher_is_better';
  if (indicator.direction === 'neutral') return because('not_scored_neutral');
  if (indicator.measureType === 'percent')
    return { name: 'percent (0–100)', score: (v) => clamp100(up ? v : 100 - v) };
  if (indicator.measureType === 'yes_no') return { name: 'yes/no', score: (v) => (v >= 1 === up ? 100 : 0) };
  if (indicator.measureType === 'ordinal') {
    const steps = ORDINAL_SCALES[indicator.id];
    if (steps === undefined) return because('not_scored_rank');
    return {
      name: `ordinal steps ${steps.join(', ')} (best first)`,
      score: (v) => {
        const i = steps.indexOf(v);
        return i < 0 ? null : (100 * (steps.length - 1 - i)) / (steps.length - 1);
      },
    };
  }
  return because('not_scored_no_reference');
}

type Scored = { item: IndicatorScore; raw: number | null; scorable: boolean };

function scoreIndicator(input: ScorecardInput, indicator: Indicator): Scored {
  const scale = scaleOf(indicator, input.locale);
  const none = (why: string | Reason, scorable: boolean): Scored => ({
    item: {
      indicator: indicator.id,
      score: null,
      basis: null,
      reason: typeof why === 'string' ? why : renderReason(why, input.locale),
    },
    raw: null,
    scorable,
  });
  if ('reason' in scale) return none(scale.reason, false);
  const latest = input.observations
    .filter(
      (o) =>
        o.indicator === indicator.id &&
        o.jurisdiction === input.jurisdiction &&
        o.year <= input.year &&
        o.year === o.yearEnd &&
        o.value !== null &&
        isCurrentTotal(o),
    )
    .sort((a, b) => b.year - a.year || b.id - a.id)[0];
  if (latest?.value == null)
    return none(reason('no_own_figure', { jurisdiction: input.jurisdiction, year: input.year }), true);
  const raw = scale.score(latest.value);
  if (raw === null) return none(reason('not_a_step', { value: latest.value, scale: scale.name }), true);
  return {
    item: {
      indicator: indicator.id,
      score: round1(raw),
      basis: { year: latest.year, value: latest.value, scale: scale.name },
      reason: null,
    },
    raw,
    scorable: true,
  };
}

function scoreMeasure(input: ScorecardInput, measure: PolicyMeasure): MeasureScore {
  const latestOf = (jurisdiction: JurisdictionId) =>
    input.measureAssessments
      .filter((a) => a.measure === measure.id && a.jurisdiction === jurisdiction && a.year <= input.year)
      .sort((a, b) => b.year - a.year)[0];
  const own = latestOf(input.jurisdiction);
  if (own !== undefined)
    return {
      measure: measure.id,
      level: own.level,
      assessedYear: own.year,
      score: scoreMeasureLevel(own.level),
      framework: null,
    };
  for (const jurisdiction of input.ancestors ?? []) {
    const a = latestOf(jurisdiction);
    if (a === undefined) continue;
    return {
      measure: measure.id,
      level: null,
      assessedYear: null,
      score: null,
      framework: { jurisdiction, level: a.level, year: a.year, evidence: a.evidence ?? null },
    };
  }
  return { measure: measure.id, level: null, assessedYear: null, score: null, framework: null };
}

const weighted = (weights: ScorecardWeights, indicators: number | null, measures: number | null) => {
  const wi = indicators === null ? 0 : weights.indicators;
  const wm = measures === null ? 0 : weights.measures;
  const total = wi + wm;
  if (total === 0) return { score: null, applied: { indicators: 0, measures: 0 } };
  const applied = { indicators: wi / total, measures: wm / total };
  return { score: applied.indicators * (indicators ?? 0) + applied.measures * (measures ?? 0), applied };
};

function withheldReason(
  jurisdiction: JurisdictionId,
  own: number,
  scorable: number,
  framework: number,
  locale: Locale = DEFAULT_LOCALE,
) {
  if (own >= MIN_OWN_ITEMS && own * 2 >= scorable) return null;
  const params = { own, scorable, jurisdiction, minimum: MIN_OWN_ITEMS, framework };
  return renderReason(reason('score_withheld', params), locale);
}

/**
 * 0–100 score per scored pillar from the jurisdiction's own evidence only, with the national framework beside it,
 * method, weights, sensitivity, coverage and confidence; score null with a plain reason when withheld.
 */
export function scoreJurisdiction(input: ScorecardInput): Scorecard {
  const weights = input.weights ?? DEFAULT_SCORECARD_WEIGHTS;
  const pillars: PillarScore[] = SCORED_PILLAR_IDS.map((pillar) => {
    const scored = input.indicators.filter((i) => i.pillar === pillar).map((i) => scoreIndicator(input, i));
    const measures = input.measures.filter((m) => m.pillar === pillar).map((m) => scoreMeasure(input, m));
    const indicatorScores = scored.flatMap((s) => (s.raw === null ? [] : [s.raw]));
    const measureScores = measures.flatMap((m) => (m.score === null ? [] : [m.score]));
    const indicatorScore = mean(indicatorScores);
    const measureScore = mean(measureScores);
    const ownItems = indicatorScores.length + measureScores.length;
    const scorableItems = scored.filter((s) => s.scorable).length + measures.length;
    const frameworkItems = measures.filter((m) => m.framework !== null).length;
    const reason = withheldReason(input.jurisdiction, ownItems, scorableItems, frameworkItems, input.locale);
    const main = weighted(weights, indicatorScore, measureScore);
    const shown = (x: number | null) => (reason !== null || x === null ? null : round1(x));
    return {
      pillar,
      score: shown(main.score),
      reason,
      indicatorScore: indicatorScore === null ? null : round1(indicatorScore),
      measureScore: measureScore === null ? null : round1(measureScore),
      appliedWeights: main.applied,
      sensitivity: {
        indicatorsOnly: shown(indicatorScore),
        measuresOnly: shown(measureScore),
        equal: shown(weighted({ indicators: 0.5, measures: 0.5 }, indicatorScore, measureScore).score),
      },
      coverage: {
        indicatorsScored: indicatorScores.length,
        indicatorsInPillar: scored.length,
        measuresAssessed: measureScores.length,
        measuresInPillar: measures.length,
        ownItems,
        scorableItems,
        frameworkItems,
      },
      confidence: confidenceFor(ownItems),
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
