import { findIndicator } from './catalogue/indicators.js';
import { byFigurePreference, isCurrentTotal, isTotal, placeYearKey, preferredFigure } from './cell.js';
import { fail, ok, STANDARD_DEFINITION } from './contracts.js';
import { groupBy } from './group-by.js';
import { reason, renderReason, type Reason } from './i18n/reasons.js';
import { INDICATOR_TEXTS_UR } from './i18n/ur/indicators.js';
import { isAnnual, spanLabel } from './period.js';
import type { Formula, Indicator, JurisdictionId, Observation, Population, Result } from './contracts.js';
import { DEFAULT_POPULATION_TOLERANCE_YEARS, normalisePer100k } from './normalise.js';
import type {
  Denominator,
  DerivationInput,
  DerivationInputs,
  DerivedFlag,
  DerivedObservation,
  DerivedRatio,
} from './results.js';
import { checkNumeratorNotAboveDenominator } from './validate-observation.js';

export type DeriveOptions = {
  /** `false` (default) uses only totals (`{}` disaggregation); `true` sums every row passed in. */
  includeDisaggregated?: boolean;
  /** Cumulative multi-year rows (yearEnd > year): `'exclude'` (default) skips and lists them, `'reject'` fails. */
  cumulative?: 'exclude' | 'reject';
};

export type ObservationSum = { value: number; observationIds: number[] };

export const DERIVATION_METHOD =
  'Ratios such as the conviction rate or victims per 100,000 residents are computed from published counts: ' +
  'the sum of the numerators divided by the sum of the denominators, times the factor (100 for a percent, ' +
  '100,000 per 100,000 residents); an average of ratios is never taken. Numerator and denominator must cover ' +
  'the same places and years; rates per resident divide by the population of the year, interpolated between ' +
  `two figures or carried flat at most ${DEFAULT_POPULATION_TOLERANCE_YEARS} years away, as counts are normalised. A suppressed input makes the result suppressed. A ` +
  'percent above 100 means the two counts refer to different cohorts (for example victims assisted this ' +
  'year who were identified earlier): it is shown with a warning, graded C and never scored.';

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
      } else if (!isAnnual(o)) {
        const span = o.period ? spanLabel(o) : `${o.year}–${o.yearEnd}`;
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

  const numCells = new Set(num.value.map(placeYearKey));
  const denCells = new Set(den.value.map(placeYearKey));
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

export type DeriveSeriesInputs = {
  /** Observations of the formula's numerator. */
  numerator: readonly Observation[];
  /** Observations of the formula's denominator: `population` observations for a per-100,000 formula. */
  denominator: readonly Observation[];
};

export type DeriveSeriesOptions = {
  /** How far (years) the population may lie from the numerator's year; default 2. */
  populationToleranceYears?: number;
};

const isAnnualTotal = (o: Observation) => isCurrentTotal(o) && isAnnual(o);

/** Per jurisdiction-year, the preferred annual total (standard definition first, then the lowest id). */
function preferredByCell(rows: readonly Observation[]): Map<string, Observation> {
  const cells = new Map<string, Observation>();
  for (const o of [...rows].filter(isAnnualTotal).sort(byFigurePreference)) {
    if (!cells.has(placeYearKey(o))) cells.set(placeYearKey(o), o);
  }
  return cells;
}

const populationRows = (rows: readonly Observation[]) =>
  preferredByCell(
    rows.filter((o) => o.value !== null && o.value > 0 && o.definition === STANDARD_DEFINITION),
  );

/** Population totals (persons, > 0) from `population` observations: one per jurisdiction-year, standard definition only. */
export function populationsFrom(observations: readonly Observation[]): Population[] {
  return [...populationRows(observations).values()].map((o) => ({
    jurisdiction: o.jurisdiction,
    year: o.year,
    value: o.value as number,
    source: `${o.source.publisher}, ${o.source.title}`,
  }));
}

const inputOf = (o: Observation): DerivationInput => ({
  indicator: o.indicator,
  observationId: o.id,
  year: o.year,
  value: o.suppressed ? null : o.value,
  definition: o.definition,
  source: o.source,
});

function derivedPoint(
  indicator: Indicator,
  numerator: Observation,
  denominator: Observation,
  value: number | null,
  exact: boolean,
  population?: Denominator,
): DerivedObservation {
  const formula = indicator.formula as Formula;
  const derivedFrom: DerivationInputs = {
    numerator: inputOf(numerator),
    denominator: inputOf(denominator),
    factor: formula.factor,
    ...(population === undefined ? {} : { population }),
  };
  const { numerator: n, denominator: d } = derivedFrom;
  const flags: DerivedFlag[] =
    value !== null &&
    n.value !== null &&
    d.value !== null &&
    checkNumeratorNotAboveDenominator(formula, n.value, d.value) !== null
      ? ['numerator_exceeds_denominator']
      : [];
  const denominatorText =
    population?.method === 'interpolated'
      ? `${Math.round(population.value)} (${population.method} from ${population.years.join(' and ')})`
      : `${d.value}${d.year === numerator.year ? '' : ` (${d.year})`}`;
  return {
    ...numerator,
    indicator: indicator.id,
    value,
    suppressed: value === null,
    status: exact && numerator.status === 'A' && denominator.status === 'A' ? 'A' : 'E',
    unitAsRead: indicator.unit,
    valueAsRead: null,
    note:
      value === null
        ? `${formula.numerator} or ${formula.denominator} suppressed`
        : `${formula.numerator} ${n.value} ÷ ${formula.denominator} ${denominatorText} × ${formula.factor}`,
    derivedFrom,
    flags,
  };
}

/**
 * Annual values of a formula indicator from published totals, one per jurisdiction-year of the numerator. A
 * per-100,000 formula divides by `chooseDenominator`'s population (as counts are normalised); any other
 * pairs numerator and denominator of the same definition in the same year. Each point names both inputs and their
 * sources; a suppressed input gives a suppressed (null) value; a numerator above its denominator is kept and flagged
 * `numerator_exceeds_denominator`. Cells without a usable denominator are left out.
 */
export function deriveSeries(
  indicator: Indicator,
  inputs: DeriveSeriesInputs,
  options: DeriveSeriesOptions = {},
): DerivedObservation[] {
  const formula = indicator.formula;
  if (formula === undefined) throw new Error(`deriveSeries: ${indicator.id} has no formula`);
  for (const [rows, expected] of [
    [inputs.numerator, formula.numerator],
    [inputs.denominator, formula.denominator],
  ] as const) {
    const stray = rows.find((o) => o.indicator !== expected);
    if (stray)
      throw new Error(`deriveSeries: observation ${stray.id} is ${stray.indicator}, expected ${expected}`);
  }
  const numerators = groupBy(inputs.numerator.filter(isAnnualTotal), placeYearKey);

  if (formula.denominator === 'population') {
    const byCell = populationRows(inputs.denominator);
    const populations = populationsFrom(inputs.denominator);
    const toleranceYears = options.populationToleranceYears ?? DEFAULT_POPULATION_TOLERANCE_YEARS;
    return [...numerators.values()].flatMap((rows) => {
      const numerator = preferredFigure(rows) as Observation;
      const { jurisdiction, year } = numerator;
      const rate = normalisePer100k(numerator.value ?? 0, jurisdiction, year, populations, {
        toleranceYears,
      });
      if (!rate.ok) return [];
      const population = byCell.get(
        placeYearKey({ jurisdiction, year: rate.value.denominator.years[0] as number }),
      ) as Observation;
      const hidden = numerator.suppressed || numerator.value === null;
      const value = hidden ? null : (rate.value.value * formula.factor) / 100_000;
      return [
        derivedPoint(indicator, numerator, population, value, rate.value.exact, rate.value.denominator),
      ];
    });
  }

  const denominators = groupBy(inputs.denominator.filter(isAnnualTotal), placeYearKey);
  return [...numerators.entries()].flatMap(([cell, rows]) => {
    const candidates = [...(denominators.get(cell) ?? [])].sort(byFigurePreference);
    for (const numerator of [...rows].sort(byFigurePreference)) {
      const denominator = candidates.find((d) => d.definition === numerator.definition);
      if (denominator === undefined) continue;
      const hidden = [numerator, denominator].some((o) => o.suppressed || o.value === null);
      if (hidden) return [derivedPoint(indicator, numerator, denominator, null, true)];
      const ratio = deriveRatio(formula, [numerator], [denominator]);
      return ratio.ok ? [derivedPoint(indicator, numerator, denominator, ratio.value.value, true)] : [];
    }
    return [];
  });
}

const namesOf = (id: string) => ({
  en: findIndicator(id)?.name ?? id.replaceAll('_', ' '),
  ur: INDICATOR_TEXTS_UR[id]?.name ?? id,
});

/** Why a flagged derived figure must not be read as a value of the indicator, as a reason to write in a reader's words. */
export function derivedFlagReason(
  indicator: Indicator,
  point: { jurisdiction: JurisdictionId; year: number; value: number | null; derivedFrom: DerivationInputs },
  flag: DerivedFlag,
): Reason {
  const { numerator: n, denominator: d } = point.derivedFrom;
  switch (flag) {
    case 'numerator_exceeds_denominator':
      return reason('derived_exceeds', {
        jurisdiction: point.jurisdiction,
        year: point.year,
        numerator: { id: n.indicator, name: namesOf(n.indicator), value: n.value },
        denominator: { id: d.indicator, name: namesOf(d.indicator), value: d.value },
        ratio: point.value,
        indicator: indicator.name,
      });
  }
}

/** `derivedFlagReason` in English. */
export const explainDerivedFlag = (...args: Parameters<typeof derivedFlagReason>): string =>
  renderReason(derivedFlagReason(...args));
