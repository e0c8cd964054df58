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
  // Joined rather than appended: a flat string, which encodes as UTF-8 far faster than a long chain of parts.
  const records: string[] = [];
  for (const item of items) records.push(csvRecord(item, columns, dialect));
  return records.length === 0 ? '' : `${records.join('\r\n')}\r\n`;
}

/** A CSV document of items, one column per `columns` entry, in that order. */
export function toCsv<T>(
  items: Iterable<T>,
  columns: readonly CsvColumn<T>[],
  dialect: CsvDialect = 'spreadsheet',
): string {
  return csvHeader(columns, dialect) + csvLines(items, columns, dialect);
}
