import { csvDocument, missedRateScale } from '@fourp/domain/client';
import type {
  Compare,
  DerivationInputs,
  Denominator,
  DerivedFlag,
  Interval,
  Jurisdiction,
  Observation,
  ObsStatus,
  Source,
} from '@fourp/domain';
import { m } from '$lib/paraglide/messages.js';
import { jurisdictionName, pointSource, pointsFor } from './series';

/** One figure as the indicator view shows it: chart point, table row and CSV line all come from this. */
export type ViewRow = {
  observationId: number | null;
  jurisdiction: string;
  jurisdictionName: string;
  year: number;
  yearEnd: number;
  /** The months covered when not whole years (e.g. 2015-01/2015-06): never an annual value. */
  period: string | null;
  /** In the view's unit: per 100,000 residents when `normalised`, else as published. */
  value: number | null;
  rawValue: number | null;
  suppressed: boolean;
  normalised: boolean;
  populationYear: number | null;
  /** For a rate: the population it was divided by (year, method, sources); `denominatorLine` words it. */
  denominator: Denominator | null;
  definition: string;
  status: ObsStatus | null;
  note: string | null;
  /** For a figure computed from a formula: the source of its numerator (its denominator's is in `derivedFrom`). */
  source: Source | null;
  derivedFrom: DerivationInputs | null;
  flags: DerivedFlag[];
  /** Poisson 95 % interval in the view's unit; null when suppressed, not a count or not on the view's scale. */
  interval: Interval | null;
  /** Definition and publisher: rows of one jurisdiction with different keys are never joined by a line. */
  seriesKey: string | null;
};

/**
 * The rows for the selected jurisdictions, in selection order then year. `figures`, the indicator's published
 * observations, add each row's status and note; without them both are null.
 */
export function buildViewRows(
  compare: Compare,
  jurisdictions: readonly Pick<Jurisdiction, 'id' | 'name'>[],
  selected: readonly string[],
  figures: readonly Pick<Observation, 'id' | 'status' | 'note'>[] = [],
): ViewRow[] {
  const byId = new Map(figures.map((o) => [o.id, o]));
  const { standIn } = compare;
  // The district's slot shows its stand-in (labelled so) unless the stand-in is already drawn in its own right.
  const drawn = selected.flatMap((id) => {
    if (standIn === null || id !== standIn.for) return [{ id, label: jurisdictionName(jurisdictions, id) }];
    if (selected.includes(standIn.used)) return [];
    const label = m.common_standInFor({
      used: jurisdictionName(jurisdictions, standIn.used),
      for: jurisdictionName(jurisdictions, standIn.for),
    });
    return [{ id: standIn.used, label }];
  });
  return drawn.flatMap(({ id: jurisdiction, label }) =>
    pointsFor(compare.comparison, jurisdiction)
      .filter((point) => point.jurisdiction === jurisdiction)
      .sort((a, b) => a.year - b.year)
      .map((point): ViewRow => {
        const observation = point.observationId === null ? undefined : byId.get(point.observationId);
        // A count the API could not put per 100,000 (no population near that year) must not be drawn on that scale.
        const unscalable =
          missedRateScale(point, compare.per, compare.comparison.measureType) && !point.suppressed;
        return {
          observationId: point.observationId,
          jurisdiction,
          jurisdictionName: label,
          year: point.year,
          yearEnd: point.yearEnd,
          period: point.period ?? null,
          value: unscalable ? null : point.value,
          rawValue: point.rawValue,
          suppressed: point.suppressed,
          normalised: point.normalised,
          populationYear: point.populationYear,
          denominator: point.normalised && point.denominator ? point.denominator : null,
          definition: point.definition,
          status: observation?.status ?? null,
          note: observation?.note ?? null,
          source: pointSource(point, compare),
          derivedFrom: point.derivedFrom ?? null,
          flags: point.flags ?? [],
          interval: unscalable ? null : (point.interval ?? null),
          seriesKey: point.seriesKey ?? null,
        };
      }),
  );
}

/** Every year from the first to the last figure, so missing years show as gaps rather than vanishing. */
export function yearAxis(rows: readonly Pick<ViewRow, 'year' | 'value' | 'suppressed'>[]): number[] {
  const years = rows.filter((row) => row.value !== null || row.suppressed).map((row) => row.year);
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** A jurisdiction's values on the year axis: null where there is no figure or it is suppressed (never zero). */
export function valuesOnAxis(rows: readonly ViewRow[], jurisdiction: string, years: readonly number[]) {
  return years.map(
    (year) => rows.find((row) => row.jurisdiction === jurisdiction && row.year === year) ?? null,
  );
}

const roundShown = (value: number | null, normalised: boolean) =>
  value === null ? null : normalised ? Math.round(value * 10_000) / 10_000 : value;

export const INDICATOR_CSV_HEADER = [
  'indicator',
  'jurisdiction_id',
  'jurisdiction',
  'year',
  'year_end',
  'value',
  'unit',
  'value_as_published',
  'suppressed',
  'population_year',
  'definition',
  'status',
  'note',
  'source_title',
  'source_publisher',
  'source_year',
  'source_locator',
  'source_kind',
  'derived_from',
] as const;

/** "victims_identified 536 (observation 168) / population 58997201 (observation 112) × 100000". */
export function derivationText(inputs: DerivationInputs): string {
  const part = (input: DerivationInputs['numerator']) =>
    `${input.indicator} ${input.value ?? 'suppressed'} (${input.year}, observation ${input.observationId})`;
  return `${part(inputs.numerator)} / ${part(inputs.denominator)} × ${inputs.factor}`;
}

/** The CSV of exactly the rows on screen, with their sources. */
export function indicatorCsv(indicator: string, unit: string, rows: readonly ViewRow[]): string {
  return csvDocument(
    INDICATOR_CSV_HEADER,
    rows.map((row) => [
      indicator,
      row.jurisdiction,
      row.jurisdictionName,
      row.year,
      row.yearEnd,
      roundShown(row.value, row.normalised),
      unit,
      row.rawValue,
      row.suppressed,
      row.populationYear,
      row.definition,
      row.status,
      row.note,
      row.source?.title,
      row.source?.publisher,
      row.source?.year,
      row.source?.locator,
      row.source?.kind,
      row.derivedFrom ? derivationText(row.derivedFrom) : null,
    ]),
  );
}

/** Whether the line from the figure at `index` to the next one on the axis joins two different series. */
export function breaksSeries(cells: readonly (Pick<ViewRow, 'seriesKey'> | null)[], index: number): boolean {
  const from = cells[index]?.seriesKey ?? null;
  const to = cells[index + 1]?.seriesKey ?? null;
  return from !== null && to !== null && from !== to;
}

/** The series the rows draw, in order: one per jurisdiction, with the label the rows carry. */
export function drawnSeries(rows: readonly ViewRow[]): { id: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const row of rows) if (!seen.has(row.jurisdiction)) seen.set(row.jurisdiction, row.jurisdictionName);
  return [...seen].map(([id, label]) => ({ id, label }));
}
