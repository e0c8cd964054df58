import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { ApiError } from '../../errors.js';
import type { Logger } from '../../middleware/logger.js';

export type WorkflowDeps = {
  db: Db;
  now: () => Date;
  logger?: Logger;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
};

/** JSON body validation with a zod schema; a failure becomes a 400 problem naming each field. */
export const validJson = <S extends z.ZodType>(schema: S) =>
  validator('json', (value): z.output<S> => {
    const result = schema.safeParse(value);
    if (!result.success) throw ApiError.fromZod(result.error, 'body');
    return result.data;
  });

/** Like validJson, for actions whose body may be left out entirely. */
export async function optionalJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError('validation_failed', 'Malformed JSON in request body.');
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) throw ApiError.fromZod(result.error, 'body');
  return result.data;
}

export const idParam = (c: Context): number => {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id <= 0) {
    throw new ApiError('validation_failed', 'Invalid path parameter(s): id.', [
      { path: 'id', message: 'a positive whole number' },
    ]);
  }
  return id;
};

/**
 * The address rate limits are keyed on. Behind the trusted proxy (the dashboard), the last X-Forwarded-For
 * entry is the one that proxy saw; entries before it come from the client and could be made up.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
