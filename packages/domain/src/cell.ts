import {
  DISAGGREGATION_DIMENSIONS,
  DisaggregationSchema,
  fail,
  ok,
  STANDARD_DEFINITION,
} from './contracts.js';
import { DEFAULT_LOCALE, type Locale } from './i18n/locale.js';
import type { CodeListProblem } from './i18n/problems.js';
import { reason, renderReason, type Reason } from './i18n/reasons.js';
import { isAnnual } from './period.js';
import type {
  Disaggregation,
  DisaggregationDimension,
  IndicatorId,
  JurisdictionId,
  Observation,
  Period,
  Result,
} from './contracts.js';

/** What a figure is a figure of, whatever its source: two figures of one cell are rival values of one fact. */
export type ObservationCell = {
  indicator: IndicatorId;
  jurisdiction: JurisdictionId;
  year: number;
  /** Equal to `year` for an annual figure; later for a cumulative multi-year one. */
  yearEnd: number;
  /** The months covered when not whole years (`PeriodSchema`); absent or null for whole years. */
  period?: Period | null;
  /** `{}` for the total. */
  disaggregation: Disaggregation;
  definition: string;
};

const PAIR_SEPARATOR = ';';

/** The breakdown's (dimension, category) pairs, dimensions in code-point order: the one order of every encoding. */
export function breakdownEntries(breakdown: Disaggregation): [DisaggregationDimension, string][] {
  return (Object.entries(breakdown) as [DisaggregationDimension, string | undefined][])
    .filter((entry): entry is [DisaggregationDimension, string] => entry[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Canonical text of a breakdown, `dimension=category` pairs joined by ";" in dimension order; "" for the total. */
export const breakdownKey = (breakdown: Disaggregation): string =>
  breakdownEntries(breakdown)
    .map(([dimension, category]) => `${dimension}=${category}`)
    .join(PAIR_SEPARATOR);

const invalid = (why: Reason, locale: Locale): Result<Disaggregation> => {
  const message = renderReason(why, locale);
  return fail({ code: 'invalid_observation', message, issues: [{ path: 'disaggregation', message }], why });
};

/**
 * Breakdown text as people write it (`sex=female; age_group=child`, any order, blanks around pairs ignored); "" is
 * the total. Fails `invalid_observation` for a malformed pair, a repeated or unknown dimension, or a category
 * outside its dimension's code list, saying why in the locale (English by default).
 */
export function parseBreakdown(text: string, locale: Locale = DEFAULT_LOCALE): Result<Disaggregation> {
  const entries: [string, string][] = [];
  for (const raw of text.split(PAIR_SEPARATOR)) {
    const part = raw.trim();
    if (part === '') continue;
    const [dimension, category, ...rest] = part.split('=').map((s) => s.trim());
    if (!dimension || !category || rest.length > 0) {
      return invalid(reason('breakdown_not_a_pair', { part }), locale);
    }
    if (entries.some(([seen]) => seen === dimension)) {
      return invalid(reason('breakdown_dimension_twice', { dimension }), locale);
    }
    entries.push([dimension, category]);
  }
  const parsed = DisaggregationSchema.safeParse(Object.fromEntries(entries));
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((issue) =>
    issue.code === 'custom' ? (issue.params?.['codeList'] as CodeListProblem | undefined) : undefined,
  );
  return invalid(
    problems.every((p) => p !== undefined)
      ? reason('breakdown_categories', { problems })
      : reason('breakdown_malformed', { dimensions: DISAGGREGATION_DIMENSIONS }),
    locale,
  );
}

/** True for a total: a figure with no breakdown. */
export const isTotal = (o: Pick<ObservationCell, 'disaggregation'>): boolean =>
  breakdownEntries(o.disaggregation).length === 0;

/** True for a total no later figure has superseded: what a series shows for its cell. */
export const isCurrentTotal = (o: Pick<Observation, 'disaggregation' | 'superseded'>): boolean =>
  !o.superseded && isTotal(o);

/** Just the cell's fields of a figure. */
export const cellOf = (o: ObservationCell): ObservationCell => ({
  indicator: o.indicator,
  jurisdiction: o.jurisdiction,
  year: o.year,
  yearEnd: o.yearEnd,
  ...(o.period ? { period: o.period } : {}),
  disaggregation: o.disaggregation,
  definition: o.definition,
});

/** The text that identifies a cell (its breakdown as `breakdownKey`), equal for equal cells whatever the key order. */
export const cellKey = (cell: ObservationCell): string =>
  [
    cell.indicator,
    cell.jurisdiction,
    cell.year,
    cell.yearEnd,
    breakdownKey(cell.disaggregation),
    cell.definition,
    ...(cell.period ? [cell.period] : []),
  ].join('|');

/** The text that identifies a place and year, whatever the indicator, span or breakdown. */
export const placeYearKey = (o: Pick<ObservationCell, 'jurisdiction' | 'year'>): string =>
  `${o.jurisdiction}|${o.year}`;

type Rival = Pick<Observation, 'id' | 'year' | 'yearEnd' | 'definition'> & { period?: Period | null };

const preferenceRank = (o: Rival) => (isAnnual(o) ? 0 : 2) + (o.definition === STANDARD_DEFINITION ? 0 : 1);

/** Sort order of rival figures: whole-year annual before part-year or cumulative, the standard definition before variants, then lowest id. */
export const byFigurePreference = (a: Rival, b: Rival): number =>
  preferenceRank(a) - preferenceRank(b) || a.id - b.id;

/** The figure to show among rivals for one place and year (see `byFigurePreference`); undefined when none. */
export function preferredFigure<O extends Rival>(rows: readonly O[]): O | undefined {
  return [...rows].sort(byFigurePreference)[0];
}
