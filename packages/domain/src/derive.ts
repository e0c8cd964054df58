import { fail, ok } from './contracts.js';
import type { Formula, Observation, Result } from './contracts.js';
import type { DerivedRatio } from './results.js';

export type DeriveOptions = {
  /** `false` (default) uses only totals (`{}` disaggregation); `true` sums every row passed in. */
  includeDisaggregated?: boolean;
  /** Cumulative multi-year rows (yearEnd > year): `'exclude'` (default) skips and lists them, `'reject'` fails. */
  cumulative?: 'exclude' | 'reject';
};

export type ObservationSum = { value: number; observationIds: number[] };

const isTotal = (o: Observation) => Object.keys(o.disaggregation).length === 0;
const cellKey = (o: Observation) => `${o.jurisdiction}|${o.year}`;

/** Sum of the observations' values in their own unit; fails `not_derivable` when empty or any value is suppressed. */
export function sumObservations(observations: readonly Observation[]): Result<ObservationSum> {
  if (observations.length === 0)
    return fail({ code: 'not_derivable', message: 'There are no figures to add up.' });
  const hidden = observations.filter((o) => o.suppressed || o.value === null);
  if (hidden.length > 0) {
    const cells = hidden.map((o) => `${o.indicator} ${o.jurisdiction} ${o.year}`).join(', ');
    return fail({
      code: 'not_derivable',
      message: `A sum cannot include suppressed figures (${cells}); suppressed is not zero.`,
    });
  }
  return ok({
    value: observations.reduce((total, o) => total + (o.value as number), 0),
    observationIds: observations.map((o) => o.id),
  });
}

/**
 * Ratio recomputed from summed numerators and summed denominators, times `formula.factor` (100 for a percent,
 * 100000 per 100,000); never an average of ratios. Numerator and denominator must cover the same
 * jurisdiction-years; superseded rows are ignored.
 */
export function deriveRatio(
  formula: Formula,
  numeratorObs: readonly Observation[],
  denominatorObs: readonly Observation[],
  opts: DeriveOptions = {},
): Result<DerivedRatio> {
  const includeDisaggregated = opts.includeDisaggregated ?? false;
  const cumulative = opts.cumulative ?? 'exclude';
  const excluded: DerivedRatio['excluded'] = [];

  const select = (rows: readonly Observation[], indicator: string): Result<Observation[]> => {
    const kept: Observation[] = [];
    for (const o of rows) {
      if (o.indicator !== indicator) {
        throw new Error(`deriveRatio: observation ${o.id} is ${o.indicator}, expected ${indicator}`);
      }
      if (o.superseded) excluded.push({ observationId: o.id, reason: 'superseded by a later figure' });
      else if (!includeDisaggregated && !isTotal(o)) {
        excluded.push({ observationId: o.id, reason: 'a breakdown, not the total' });
      } else if (o.yearEnd !== o.year) {
        const span = `${o.year}–${o.yearEnd}`;
        if (cumulative === 'reject') {
          return fail({
            code: 'not_derivable',
            message: `${o.indicator} for ${o.jurisdiction} covers ${span} cumulatively and cannot be mixed with annual figures.`,
          });
        }
        excluded.push({ observationId: o.id, reason: `cumulative figure for ${span}, not annual` });
      } else kept.push(o);
    }
    return ok(kept);
  };

  const num = select(numeratorObs, formula.numerator);
  if (!num.ok) return num;
  const den = select(denominatorObs, formula.denominator);
  if (!den.ok) return den;

  const missingSide =
    num.value.length === 0 ? formula.numerator : den.value.length === 0 ? formula.denominator : null;
  if (missingSide !== null) {
    return fail({
      code: 'not_derivable',
      message: `No usable ${missingSide} figure to compute the ratio from.`,
    });
  }

  const numCells = new Set(num.value.map(cellKey));
  const denCells = new Set(den.value.map(cellKey));
  const unmatched = [...numCells].filter((c) => !denCells.has(c));
  const unmatchedDen = [...denCells].filter((c) => !numCells.has(c));
  if (unmatched.length > 0 || unmatchedDen.length > 0) {
    const show = (cells: string[]) => cells.map((c) => c.replace('|', ' ')).join(', ');
    const parts = [
      unmatched.length > 0 ? `${formula.denominator} is missing for ${show(unmatched)}` : null,
      unmatchedDen.length > 0 ? `${formula.numerator} is missing for ${show(unmatchedDen)}` : null,
    ].filter((p) => p !== null);
    return fail({
      code: 'not_derivable',
      message: `Numerator and denominator must cover the same places and years: ${parts.join('; ')}.`,
    });
  }

  const numSum = sumObservations(num.value);
  if (!numSum.ok) return numSum;
  const denSum = sumObservations(den.value);
  if (!denSum.ok) return denSum;
  if (denSum.value.value === 0) {
    return fail({
      code: 'not_derivable',
      message: `${formula.denominator} sums to 0, so the ratio is undefined.`,
    });
  }

  return ok({
    value: (numSum.value.value / denSum.value.value) * formula.factor,
    numerator: numSum.value.value,
    denominator: denSum.value.value,
    factor: formula.factor,
    numeratorObservationIds: numSum.value.observationIds,
    denominatorObservationIds: denSum.value.observationIds,
    excluded,
  });
}
