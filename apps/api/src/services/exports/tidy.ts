import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  breakdownKey,
  csvHeader,
  csvLinePieces,
  DISAGGREGATION_DIMENSIONS,
  findIndicator,
  type CsvColumn,
  type Observation,
} from '@fourp/domain';

/** A Table Schema field type (https://datapackage.org/standard/table-schema/). */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean';

export type TidyColumn = {
  name: string;
  type: FieldType;
  description: string;
  value: (o: Observation) => string | number | boolean | null;
  /** What the value depends on alone (`CsvColumn.key`), when it repeats across figures. */
  key?: (o: Observation) => unknown;
};

const column = (
  name: string,
  type: FieldType,
  description: string,
  value: TidyColumn['value'],
  key?: TidyColumn['key'],
): TidyColumn => ({ name, type, description, value, ...(key === undefined ? {} : { key }) });

/** A figure's breakdown, shared by the figures of one stored breakdown in a stream. */
export const byBreakdown = (o: Observation) => o.disaggregation;
/** A figure's source, shared by its figures in a stream. */
export const bySource = (o: Observation) => o.source;
export const byIndicator = (o: Observation) => o.indicator;

/**
 * The tidy CSV's columns, one row per figure. The import template's columns are among them (with the same
 * meaning), so a tidy CSV re-imports as it is; the Data Package's Table Schema is built from this list.
 */
export const TIDY_COLUMNS: readonly TidyColumn[] = [
  column('id', 'integer', 'FourP figure id', (o) => o.id),
  column('indicator', 'string', 'indicator id in the catalogue', (o) => o.indicator),
  column(
    'jurisdiction',
    'string',
    'jurisdiction id (ISO 3166 country, then subdivisions)',
    (o) => o.jurisdiction,
  ),
  column('year', 'integer', 'first year covered', (o) => o.year),
  column('year_end', 'integer', 'last year covered', (o) => o.yearEnd),
  column('period', 'string', 'months covered (ISO 8601 interval) when not whole years', (o) => o.period),
  column(
    'disaggregation',
    'string',
    'breakdown as dimension=category pairs joined by ";"; empty for the total',
    (o) => breakdownKey(o.disaggregation),
    byBreakdown,
  ),
  ...DISAGGREGATION_DIMENSIONS.map((dimension) =>
    column(
      dimension,
      'string',
      `category of the ${dimension} breakdown; empty when not broken down by it`,
      (o) => o.disaggregation[dimension] ?? null,
      byBreakdown,
    ),
  ),
  column('value', 'number', 'the figure; empty when withheld by disclosure control', (o) => o.value),
  column(
    'unit_measure',
    'string',
    'unit of the indicator in the catalogue',
    (o) => findIndicator(o.indicator)?.unit ?? null,
    byIndicator,
  ),
  column(
    'status',
    'string',
    'SDMX OBS_STATUS: A normal, E estimated, P provisional, B break, U low reliability, D definition differs',
    (o) => o.status,
  ),
  column(
    'conf_status',
    'string',
    'SDMX CONF_STATUS: F free, N not for publication, C confidential, S secondary confidentiality',
    (o) => o.confStatus,
  ),
  column(
    'suppressed',
    'boolean',
    'true when the value is withheld by disclosure control',
    (o) => o.suppressed,
  ),
  column(
    'definition',
    'string',
    'definition variant; standard for the catalogue definition',
    (o) => o.definition,
  ),
  column(
    'superseded',
    'boolean',
    'true when a later figure for the same cell replaced this one',
    (o) => o.superseded,
  ),
  column(
    'partial_period',
    'boolean',
    'true when the figure covers less than the whole years it is filed under',
    (o) => o.partialPeriod,
  ),
  column('note', 'string', 'note on the figure', (o) => o.note),
  column('source_id', 'integer', 'FourP source id', (o) => o.source.id, bySource),
  column('source_title', 'string', 'title of the source', (o) => o.source.title, bySource),
  column('source_publisher', 'string', 'publisher of the source', (o) => o.source.publisher, bySource),
  column('source_year', 'integer', 'year the source was published', (o) => o.source.year, bySource),
  column(
    'source_locator',
    'string',
    'where in the source (page, table, address)',
    (o) => o.source.locator,
    bySource,
  ),
  column(
    'source_kind',
    'string',
    'primary (the publisher’s own document) or secondary (a reproduction)',
    (o) => o.source.kind,
    bySource,
  ),
];

export const CSV_FORMAT = { delimiter: ',', lineTerminator: '\r\n' } as const;

/** Figures as a writer reads them: batches, from an array (one batch) or streamed from the database. */
export type FigureBatches = Iterable<readonly Observation[]> | AsyncIterable<readonly Observation[]>;

/** The CSV text of `columns` over batches of items: the header, then each batch's lines in pieces (data dialect). */
async function* csvChunks<T>(
  columns: readonly CsvColumn<T>[],
  batches: Iterable<readonly T[]> | AsyncIterable<readonly T[]>,
  bom: boolean,
): AsyncGenerator<string> {
  yield (bom ? '\ufeff' : '') + csvHeader(columns, 'data');
  const lines = csvLinePieces(columns, 'data');
  for await (const items of batches) yield* lines(items);
}

/**
 * Batches of items as a CSV stream, one column per `columns` entry (RFC 4180, CRLF, text as it is, booleans as
 * true/false, empty for null); the same items give the same bytes.
 */
export const csvStream = <T>(
  columns: readonly CsvColumn<T>[],
  batches: Iterable<readonly T[]> | AsyncIterable<readonly T[]>,
  bom = false,
): Readable =>
  // One piece of text ahead at most: a client that stops reading stops the reads.
  Readable.from(csvChunks(columns, batches, bom), { highWaterMark: 1 });

const TIDY_CSV_COLUMNS: readonly CsvColumn<Observation>[] = TIDY_COLUMNS.map(({ name, value, key }) => ({
  header: name,
  value,
  key,
}));

export const tidyCsv = (figures: FigureBatches, bom = false): Readable =>
  csvStream(TIDY_CSV_COLUMNS, figures, bom);

/** The tidy CSV of `figures`, written as they come: memory holds one batch. */
export async function writeTidyCsv(
  figures: FigureBatches,
  sink: Writable,
  options: { bom?: boolean } = {},
): Promise<void> {
  await pipeline(tidyCsv(figures, options.bom ?? false), sink);
}
