import { STANDARD_DEFINITION } from './vocabulary.js';
import { isAnnual } from './period.js';
import type {
  Disaggregation,
  DisaggregationDimension,
  IndicatorId,
  JurisdictionId,
  Observation,
  Period,
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

export const PAIR_SEPARATOR = ';';

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
