import { boundedMemo } from './memo.js';

export type CsvCell = string | number | boolean | null | undefined;
export type CsvColumn<T> = {
  header: string;
  value: (item: T) => CsvCell;
  /**
   * What `value` depends on alone, for a value that repeats across items and costs more to write than to look up
   * (a breakdown's text, a source's cells): a record writer writes the field once per key. Neighbouring columns
   * given the same `key` function are remembered together, as one run of fields.
   */
  key?: (item: T) => unknown;
};

/**
 * How text is written. `spreadsheet`, for lists people open in a spreadsheet: text it would run as a formula
 * (starting =, +, -, @, tab or CR) gets a leading apostrophe, and text with a space at either end is quoted.
 * `data`, for exports programs read: text exactly as it is. Both quote what RFC 4180 requires (comma, quote, CR, LF).
 */
export type CsvDialect = 'spreadsheet' | 'data';

const RFC_4180_QUOTES = /[",\r\n]/;
const SPREADSHEET_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * One RFC 4180 field in `dialect` (spreadsheet by default). Numbers stay numbers (a negative number is not
 * text) and a non-finite number is empty; booleans are true or false; null and undefined are empty.
 */
export function csvField(cell: CsvCell, dialect: CsvDialect = 'spreadsheet'): string {
  if (typeof cell === 'string') {
    if (dialect === 'data') return RFC_4180_QUOTES.test(cell) ? quoted(cell) : cell;
    const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
    return SPREADSHEET_QUOTES.test(text) ? quoted(text) : text;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return '';
}

/** One CRLF-terminated CSV line. */
export function csvLine(cells: readonly CsvCell[], dialect: CsvDialect = 'spreadsheet'): string {
  return `${cells.map((cell) => csvField(cell, dialect)).join(',')}\r\n`;
}

/** A CSV document: a header row and one CRLF-terminated line per row. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  dialect: CsvDialect = 'spreadsheet',
): string {
  return [header, ...rows].map((row) => csvLine(row, dialect)).join('');
}

/** One item's fields, comma-separated, without the line end: for a document written in parts. */
export function csvRecord<T>(
  item: T,
  columns: readonly CsvColumn<T>[],
  dialect: CsvDialect = 'spreadsheet',
): string {
  const fields = new Array<string>(columns.length);
  for (let i = 0; i < columns.length; i++) fields[i] = csvField(columns[i]!.value(item), dialect);
  return fields.join(',');
}

/**
 * Beyond this many keys a record writer's memory of a run of columns starts afresh, so it stays small even for
 * items that share nothing (a release's figures, each parsed apart, have their own breakdown and source objects).
 */
const REMEMBERED_KEYS = 16_384;

/** `write` of an item, remembered by `key` of the item. */
function rememberedBy<T>(key: (item: T) => unknown, write: (item: T) => string): (item: T) => string {
  const written = boundedMemo<unknown, string>(REMEMBERED_KEYS);
  return (item) => written(key(item), write, item);
}

/**
 * A writer of records as `csvRecord` writes them, which writes the fields of keyed columns (`CsvColumn.key`) once
 * per key: one per document or stream, for many items.
 */
export function csvRecordWriter<T>(
  columns: readonly CsvColumn<T>[],
  dialect: CsvDialect = 'spreadsheet',
): (item: T) => string {
  const runs: ((item: T) => string)[] = [];
  for (let start = 0; start < columns.length;) {
    const { key, value } = columns[start]!;
    let end = start + 1;
    if (key !== undefined) while (end < columns.length && columns[end]!.key === key) end++;
    const run = columns.slice(start, end);
    runs.push(
      key === undefined
        ? (item) => csvField(value(item), dialect)
        : rememberedBy(key, (item) => csvRecord(item, run, dialect)),
    );
    start = end;
  }
  const [first, ...rest] = runs;
  if (first === undefined) return () => '';
  return (item) => {
    let record = first(item);
    for (const run of rest) record += `,${run(item)}`;
    return record;
  };
}

/** The header line of `columns`: their headers, in order. */
export function csvHeader<T>(columns: readonly CsvColumn<T>[], dialect: CsvDialect = 'spreadsheet'): string {
  return csvLine(
    columns.map((column) => column.header),
    dialect,
  );
}

/** The CRLF-terminated lines of `items` without a header: one batch of a document written in parts. */
export function csvLines<T>(
  items: Iterable<T>,
  columns: readonly CsvColumn<T>[],
  dialect: CsvDialect = 'spreadsheet',
): string {
  // Joined, the last line end included, into one flat string: a chain of appended parts (even one line end added
  // after the join) is copied again before it can be encoded as UTF-8.
  const record = csvRecordWriter(columns, dialect);
  const records: string[] = [];
  for (const item of items) records.push(record(item));
  if (records.length === 0) return '';
  records.push('');
  return records.join('\r\n');
}

/** About how many characters a piece of streamed text holds: well under V8's large-object size (128 KiB). */
export const TEXT_PIECE_CHARS = 32_768;

/**
 * Each item's text, in order, joined into pieces of about `chars` characters (an item's text is never split): a
 * stream writes and encodes many such pieces far faster than one string above V8's large-object size.
 */
export function* textPieces<T>(
  items: Iterable<T>,
  text: (item: T) => string,
  chars: number = TEXT_PIECE_CHARS,
): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const item of items) {
    const part = text(item);
    parts.push(part);
    length += part.length;
    if (length >= chars) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}

/**
 * A writer of a streamed document's batches: each batch's CRLF-terminated lines as `textPieces`, header written
 * apart; keyed columns' fields are remembered across the batches.
 */
export function csvLinePieces<T>(
  columns: readonly CsvColumn<T>[],
  dialect: CsvDialect = 'spreadsheet',
): (items: Iterable<T>) => Generator<string> {
  const record = csvRecordWriter(columns, dialect);
  return (items) => textPieces(items, (item) => `${record(item)}\r\n`);
}

/** A CSV document of items, one column per `columns` entry, in that order. */
export function toCsv<T>(
  items: Iterable<T>,
  columns: readonly CsvColumn<T>[],
  dialect: CsvDialect = 'spreadsheet',
): string {
  return csvHeader(columns, dialect) + csvLines(items, columns, dialect);
}
