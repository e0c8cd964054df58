export type CsvCell = string | number | boolean | null | undefined;
export type CsvColumn<T> = { header: string; value: (item: T) => CsvCell };

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
  const records: string[] = [];
  for (const item of items) records.push(csvRecord(item, columns, dialect));
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

/** The CRLF-terminated lines of `items`, as `textPieces`: one batch of a streamed document, header written apart. */
export const csvLinePieces = <T>(
  items: Iterable<T>,
  columns: readonly CsvColumn<T>[],
  dialect: CsvDialect = 'spreadsheet',
): Generator<string> => textPieces(items, (item) => `${csvRecord(item, columns, dialect)}\r\n`);

/** A CSV document of items, one column per `columns` entry, in that order. */
export function toCsv<T>(
  items: Iterable<T>,
  columns: readonly CsvColumn<T>[],
  dialect: CsvDialect = 'spreadsheet',
): string {
  return csvHeader(columns, dialect) + csvLines(items, columns, dialect);
}
