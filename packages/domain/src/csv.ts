export type CsvCell = string | number | boolean | null | undefined;
export type CsvColumn<T> = { header: string; value: (item: T) => CsvCell };

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field. Text a spreadsheet would run as a formula (starting =, +, -, @, tab or CR) gets a
 * leading apostrophe; numbers stay numbers (a negative number is not text); a non-finite number is empty.
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CRLF-terminated CSV line. */
export const csvLine = (cells: readonly CsvCell[]): string => cells.map(csvField).join(',') + '\r\n';

/** A CSV document: a header row and one CRLF-terminated line per row. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map(csvLine).join('');
}

/** One item's fields, comma-separated, without the line end: for a document written in parts. */
export function csvRecord<T>(item: T, columns: readonly CsvColumn<T>[]): string {
  let record = '';
  for (let i = 0; i < columns.length; i++) record += (i === 0 ? '' : ',') + csvField(columns[i]!.value(item));
  return record;
}

/** A CSV document of items, one column per `columns` entry, in that order. */
export function toCsv<T>(items: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return csvDocument(
    columns.map((column) => column.header),
    items.map((item) => columns.map((column) => column.value(item))),
  );
}
