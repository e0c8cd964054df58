import type { Context } from 'hono';
import { accepts } from 'hono/accepts';
import { toCsv, type CsvColumn, type ResponseFormat } from '@fourp/domain';

export function wantsCsv(c: Context, format: ResponseFormat | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  const preferred = accepts(c, {
    header: 'Accept',
    supports: ['application/json', 'text/csv'],
    default: 'application/json',
  });
  return preferred === 'text/csv';
}

/**
 * A list route's response: `{ data, meta }` as JSON (`json` when the route already holds it serialised), or
 * the rows as CSV when asked for.
 */
export function sendList<T>(
  c: Context,
  list: {
    format: ResponseFormat | undefined;
    name: string;
    rows: readonly T[];
    columns: readonly CsvColumn<T>[];
  } & ({ body: unknown } | { json: string }),
) {
  c.header('Vary', 'Accept', { append: true });
  if (!wantsCsv(c, list.format))
    return 'json' in list
      ? c.body(list.json, 200, { 'Content-Type': 'application/json' })
      : c.json(list.body);
  return c.body(toCsv(list.rows, list.columns), 200, {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="fourp-${list.name}.csv"`,
  });
}
