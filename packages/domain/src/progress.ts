import { fail, ok } from './contracts.js';
import type { Locale } from './i18n/locale.js';
import { reason, renderReason, type Reason } from './i18n/reasons.js';
import type { Direction, MeasureType, ProgressStatus, Result } from './contracts.js';
import type { ProgressResult } from './results.js';

/**
 * Lower bounds of the ratio R = actual annual change / required annual change, as in the Open SDG /
 * Statistics Canada progress method: R ≥ 0.95 substantial, 0.6 ≤ R < 0.95 moderate, 0 ≤ R < 0.6 limited,
 * R < 0 deterioration.
 */
export const PROGRESS_THRESHOLDS = { substantial: 0.95, moderate: 0.6, limited: 0 } as const;

/** Figures (baseline included) a slope needs, and the mean yearly count below which a count's trend is noise. */
export const PROGRESS_MINIMUMS = { points: 3, meanCount: 10 } as const;

export const PROGRESS_METHOD =
  'Target achieved when the latest figure meets the target in the desired direction; deterioration when the ' +
  'baseline met it and the latest figure no longer does. Otherwise, for counts, rates, percentages and amounts: ' +
  'the actual change per year is the Theil–Sen slope (the median of the slopes between every pair of years) ' +
  'over the baseline and every published annual figure up to the latest, and R = actual change per year ÷ the ' +
  'change per year needed to go from the baseline to the target on time; ' +
  `R ≥ ${PROGRESS_THRESHOLDS.substantial} substantial progress, R ≥ ${PROGRESS_THRESHOLDS.moderate} moderate, ` +
  `R ≥ ${PROGRESS_THRESHOLDS.limited} limited, below that deterioration. The median slope is used rather than ` +
  'least squares because one unusual year (a new reporting source, a single large case) moves a least-squares ' +
  'line over a few points but not the median, and rather than growth from two points because either end year ' +
  `alone can decide that. Insufficient data: fewer than ${PROGRESS_MINIMUMS.points} figures in the window, ` +
  `or, for counts, a mean below ${PROGRESS_MINIMUMS.meanCount} a year (chance variation of about √n then ` +
  'exceeds a third of the count). Ordinal placements (e.g. TIP tier) on a fixed scale are not differenced: ' +
  'a better placement than the baseline is moderate progress, the same one limited, a worse one deterioration; ' +
  'ranks without a fixed scale (GSI rank, whose list of countries changes by edition) are not assessed. ' +
  'Yes/no indicators are achieved or not: not yet "yes" is limited progress, a "yes" that became "no" ' +
  'deterioration.';

export type ProgressPoint = { year: number; value: number };
export type ProgressInput = {
  baseline: ProgressPoint;
  target: ProgressPoint;
  /** Published annual figures of the jurisdiction; those before the baseline year or at it are ignored. */
  figures: readonly ProgressPoint[];
  direction: Direction;
  measureType: MeasureType;
  /** For ordinal indicators: the fixed scale; without one an ordinal indicator is not assessed. */
  range?: { min: number; max: number };
  /** The language of the explanation and of a failure's message; `'en'` by default. */
  locale?: Locale;
};

/** The status for a ratio R of actual to required annual change (R unitless; any finite number). */
export function statusForRatio(ratio: number): Exclude<ProgressStatus, 'target_achieved'> {
  if (ratio >= PROGRESS_THRESHOLDS.substantial) return 'substantial_progress';
  if (ratio >= PROGRESS_THRESHOLDS.moderate) return 'moderate_progress';
  if (ratio >= PROGRESS_THRESHOLDS.limited) return 'limited_progress';
  return 'deterioration';
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Theil–Sen slope in value units per year: the median of the slopes between every pair of distinct years. */
export function theilSenSlope(points: readonly ProgressPoint[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i] as ProgressPoint;
      const b = points[j] as ProgressPoint;
      if (a.year !== b.year) slopes.push((b.value - a.value) / (b.year - a.year));
    }
  if (slopes.length === 0) throw new Error('theilSenSlope: needs figures from at least two years');
  return median(slopes);
}

function check({ baseline, target, figures, direction }: ProgressInput): void {
  for (const p of [baseline, target, ...figures]) {
    if (!Number.isFinite(p.value) || !Number.isInteger(p.year)) {
      throw new Error(`assessProgress: year must be an integer and value finite, got ${p.year}/${p.value}`);
    }
  }
  if (direction === 'neutral')
    throw new Error('assessProgress: a neutral indicator has no desired direction');
  if (target.year <= baseline.year) {
    throw new Error(
      `assessProgress: target year ${target.year} must be after baseline year ${baseline.year}`,
    );
  }
}

/**
 * Progress from a baseline towards a target over every published figure after the baseline, in the
 * indicator's own unit (changes per year); fails `no_baseline` when no figure is later than the baseline and
 * `insufficient_data` when the rules of PROGRESS_METHOD leave too little to judge.
 */
export function assessProgress(input: ProgressInput): Result<ProgressResult> {
  check(input);
  const { baseline, target, direction, measureType } = input;
  const say = (why: Reason) => renderReason(why, input.locale);
  const later = [...input.figures].filter((f) => f.year > baseline.year).sort((a, b) => a.year - b.year);
  const latest = later.at(-1);
  if (latest === undefined) {
    return fail({
      code: 'no_baseline',
      message: say(reason('progress_no_later_figure', { baselineYear: baseline.year })),
    });
  }
  const points = [baseline, ...later];
  const d = direction === 'higher_is_better' ? 1 : -1;
  const meets = (value: number) => d * (value - target.value) >= 0;
  const base = { points: points.length, ratio: null, actualAnnualGrowth: null, requiredAnnualGrowth: null };
  const method: ProgressResult['method'] =
    measureType === 'ordinal' ? 'ordinal' : measureType === 'yes_no' ? 'yes_no' : 'theil_sen';
  const insufficient = (why: Reason) => fail({ code: 'insufficient_data' as const, message: say(why) });

  if (method === 'ordinal' && input.range === undefined)
    return insufficient(reason('progress_rank_without_scale', {}));
  if (meets(latest.value)) {
    return ok({
      ...base,
      status: 'target_achieved',
      method,
      explanation: say(reason('progress_target_met', { latest, target: target.value })),
    });
  }
  if (meets(baseline.value)) {
    return ok({
      ...base,
      status: 'deterioration',
      method,
      explanation: say(reason('progress_no_longer_met', { baseline, latest, target: target.value })),
    });
  }
  if (method !== 'theil_sen') {
    const moved = d * (latest.value - baseline.value);
    const status =
      method === 'yes_no' || moved === 0
        ? 'limited_progress'
        : moved > 0
          ? 'moderate_progress'
          : 'deterioration';
    return ok({
      ...base,
      status,
      method,
      explanation: say(
        method === 'yes_no'
          ? reason('progress_yes_no_not_yet', { year: latest.year })
          : reason('progress_placement_moved', { baseline, latest, target: target.value }),
      ),
    });
  }
  if (points.length < PROGRESS_MINIMUMS.points)
    return insufficient(
      reason('progress_too_few_figures', {
        points: points.length,
        from: baseline.year,
        to: latest.year,
        minimum: PROGRESS_MINIMUMS.points,
      }),
    );
  const meanValue = points.reduce((a, p) => a + p.value, 0) / points.length;
  if (measureType === 'count' && meanValue < PROGRESS_MINIMUMS.meanCount)
    return insufficient(
      reason('progress_counts_too_small', {
        mean: meanValue.toFixed(1),
        minimum: PROGRESS_MINIMUMS.meanCount,
      }),
    );
  const actual = theilSenSlope(points);
  const required = (target.value - baseline.value) / (target.year - baseline.year);
  const ratio = actual / required;
  return ok({
    status: statusForRatio(ratio),
    method,
    points: points.length,
    ratio,
    actualAnnualGrowth: actual,
    requiredAnnualGrowth: required,
    explanation: say(
      reason('progress_slope', {
        points: points.length,
        from: baseline.year,
        to: latest.year,
        actual: actual.toPrecision(3),
        percent: (ratio * 100).toFixed(0),
        required: required.toPrecision(3),
        target,
      }),
    ),
  });
}
