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

const JSON_TYPE = { 'Content-Type': 'application/json' };

/** A JSON answer as bytes: node writes a string of any length, not Latin-1 only, far more slowly. */
export const jsonBytes = (body: unknown): Uint8Array<ArrayBuffer> => Buffer.from(JSON.stringify(body));

/**
 * A list route's response: `{ data, meta }` as JSON (`json` when the route holds it already encoded), or
 * the rows as CSV when asked for.
 */
export function sendList<T>(
  c: Context,
  list: {
    format: ResponseFormat | undefined;
    name: string;
    rows: readonly T[];
    columns: readonly CsvColumn<T>[];
  } & ({ body: unknown } | { json: Uint8Array<ArrayBuffer> }),
) {
  c.header('Vary', 'Accept', { append: true });
  if (!wantsCsv(c, list.format))
    return c.body('json' in list ? list.json : jsonBytes(list.body), 200, JSON_TYPE);
  return c.body(toCsv(list.rows, list.columns), 200, {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="fourp-${list.name}.csv"`,
  });
}
