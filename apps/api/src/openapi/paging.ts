import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../errors.js';
import { say } from '../i18n/messages.js';

/** A page position (the sort key of the last item read) as the opaque cursor callers pass back. */
export const encodeCursor = (key: readonly unknown[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/** The position a cursor this API gave stands for; a 400 naming `cursor` for anything else. */
export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | null {
  if (cursor === undefined) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    decoded = undefined;
  }
  const parsed = schema.safeParse(decoded);
  if (!parsed.success) {
    throw new ApiError('validation_failed', say('invalid_query', { names: 'cursor' }), [
      { path: 'cursor', message: say('cursor_unknown') },
    ]);
  }
  return parsed.data;
}

/** The request's path and query with the cursor moved on, also sent as `Link: <…>; rel="next"`. */
export function linkNextPage(c: Context, cursor: string): string {
  const next = new URL(c.req.url);
  next.searchParams.set('cursor', cursor);
  const path = `${next.pathname}${next.search}`;
  c.header('Link', `<${path}>; rel="next"`);
  return path;
}
