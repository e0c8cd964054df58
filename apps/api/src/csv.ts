import type { Context } from 'hono';
import { accepts } from 'hono/accepts';
import type { ResponseFormat } from '@fourp/domain';

export type CsvCell = string | number | boolean | null | undefined;
export type CsvColumn<T> = { header: string; value: (item: T) => CsvCell };

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+@\t\r]/;

/** RFC 4180 field: quoted when needed; text that a spreadsheet would run as a formula gets a leading '. */
function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  let text = String(cell);
  if (typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row and one CRLF-terminated row per item. */
export function toCsv<T>(items: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((column) => csvField(column.header)).join(',')];
  for (const item of items) lines.push(columns.map((column) => csvField(column.value(item))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function wantsCsv(c: Context, format: ResponseFormat | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  const preferred = accepts(c, {
    header: 'Accept',
    supports: ['application/json', 'text/csv'],
    default: 'application/json',
  });
  return preferred === 'text/csv';
}

/** A list route's response: `{ data, meta }` as JSON, or the rows as CSV when asked for. */
export function sendList<T>(
  c: Context,
  list: {
    format: ResponseFormat | undefined;
    name: string;
    rows: readonly T[];
    columns: readonly CsvColumn<T>[];
    body: unknown;
  },
) {
  c.header('Vary', 'Accept', { append: true });
  if (!wantsCsv(c, list.format)) return c.json(list.body);
  return c.body(toCsv(list.rows, list.columns), 200, {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="fourp-${list.name}.csv"`,
  });
}
