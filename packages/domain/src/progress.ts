import { fail, ok } from './contracts.js';
import type { Direction, ProgressStatus, Result } from './contracts.js';
import type { ProgressResult } from './results.js';

/**
 * Lower bounds of the ratio R = actual annual growth / required annual growth, as in the Open SDG /
 * Statistics Canada progress method: R ≥ 0.95 substantial, 0.6 ≤ R < 0.95 moderate, 0 ≤ R < 0.6 limited,
 * R < 0 deterioration.
 */
export const PROGRESS_THRESHOLDS = { substantial: 0.95, moderate: 0.6, limited: 0 } as const;

export const PROGRESS_METHOD =
  'Target achieved when the latest value meets the target in the desired direction. Otherwise R = actual ' +
  'compound annual growth rate (baseline to latest) ÷ compound annual growth rate required to reach the ' +
  `target on time; R ≥ ${PROGRESS_THRESHOLDS.substantial} substantial progress, R ≥ ${PROGRESS_THRESHOLDS.moderate} ` +
  `moderate, R ≥ ${PROGRESS_THRESHOLDS.limited} limited, below that deterioration. When the baseline, latest ` +
  'value or target is zero or negative, growth is measured as linear change per year instead. A baseline ' +
  'that already met the target and a latest value that no longer does counts as deterioration.';

export type ProgressPoint = { year: number; value: number };
export type ProgressInput = {
  baseline: ProgressPoint;
  target: ProgressPoint;
  latest: ProgressPoint;
  direction: Direction;
};

/** The status for a ratio R of actual to required annual growth (R unitless; any finite number). */
export function statusForRatio(ratio: number): Exclude<ProgressStatus, 'target_achieved'> {
  if (ratio >= PROGRESS_THRESHOLDS.substantial) return 'substantial_progress';
  if (ratio >= PROGRESS_THRESHOLDS.moderate) return 'moderate_progress';
  if (ratio >= PROGRESS_THRESHOLDS.limited) return 'limited_progress';
  return 'deterioration';
}

/**
 * Progress from a baseline towards a target, in the indicator's own unit; growth rates are fractions per year
 * (0.05 = 5 %) with the CAGR method and units per year with the linear one; fails `no_baseline` when the latest
 * figure is not later than the baseline.
 */
export function assessProgress({
  baseline,
  target,
  latest,
  direction,
}: ProgressInput): Result<ProgressResult> {
  for (const p of [baseline, target, latest]) {
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
  if (latest.year <= baseline.year) {
    return fail({
      code: 'no_baseline',
      message: `Progress needs a figure later than the baseline year ${baseline.year}; the latest is ${latest.year}.`,
    });
  }
  const d = direction === 'higher_is_better' ? 1 : -1;
  const meets = (value: number) => d * (value - target.value) >= 0;

  const compound = baseline.value > 0 && latest.value > 0 && target.value > 0;
  const method = compound ? 'cagr' : 'linear';
  const growth = (to: ProgressPoint) =>
    compound
      ? Math.pow(to.value / baseline.value, 1 / (to.year - baseline.year)) - 1
      : (to.value - baseline.value) / (to.year - baseline.year);
  const actual = growth(latest);

  if (meets(latest.value)) {
    return ok({
      status: 'target_achieved',
      method,
      ratio: null,
      actualAnnualGrowth: actual,
      requiredAnnualGrowth: null,
      explanation: `The latest value (${latest.value}, ${latest.year}) meets the target of ${target.value}.`,
    });
  }
  if (meets(baseline.value)) {
    return ok({
      status: 'deterioration',
      method,
      ratio: null,
      actualAnnualGrowth: actual,
      requiredAnnualGrowth: 0,
      explanation: `The baseline (${baseline.value}, ${baseline.year}) met the target of ${target.value}, the latest value (${latest.value}, ${latest.year}) no longer does.`,
    });
  }
  const required = growth(target);
  const ratio = actual / required;
  const status = statusForRatio(ratio);
  return ok({
    status,
    method,
    ratio,
    actualAnnualGrowth: actual,
    requiredAnnualGrowth: required,
    explanation: `Actual change per year is ${(ratio * 100).toFixed(0)} % of the change per year needed to reach ${target.value} by ${target.year}.`,
  });
}
