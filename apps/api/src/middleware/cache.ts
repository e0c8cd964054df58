import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/client.js';
import { readPublishGeneration } from '../repos/generation.js';
import { WARMED_BEFORE_ANSWER, warmAfterWrite } from '../services/published/memo.js';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

/** Successful GET reads may be cached for a minute unless the route chose otherwise; failures never. */
export const cacheControl = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (c.res.status >= 400) c.res.headers.set('Cache-Control', 'no-store');
  else if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !c.res.headers.has('Cache-Control')) {
    c.res.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  }
};

/** True when `If-None-Match` lists `tag` (weak comparison: a `W/` prefix is ignored). */
export const ifNoneMatchLists = (header: string | undefined, tag: string): boolean =>
  header?.match(/"[^"]*"/g)?.includes(tag) ?? false;

/** The tag of an anonymous published read: the publish generation, the URL, the asked format and language. */
export const publishedTag = (db: Db, url: string, accept: string | undefined, locale: string): string =>
  `"${createHash('sha1')
    .update(`${readPublishGeneration(db)}\n${url}\n${accept ?? ''}\n${locale}`)
    .digest('hex')}"`;

/** Adds `field` to the answer's `Vary` unless it is already there. */
export function varyOn(headers: Headers, field: string): void {
  const vary = headers.get('Vary');
  if (vary?.split(',').some((v) => v.trim().toLowerCase() === field.toLowerCase())) return;
  headers.set('Vary', vary ? `${vary}, ${field}` : field);
}

/**
 * An anonymous read of published data is tagged with the publish generation (stored in the database, moved on by
 * every publish, correction, unlock and import), so a matching If-None-Match is answered 304 before any figure is
 * read. Signed-in answers are left to the auth middleware (private, no-store).
 */
export const publishedEtag =
  (db: Db): MiddlewareHandler =>
  async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.get('principal').kind !== 'anonymous') {
      return next();
    }
    const tag = publishedTag(db, c.req.url, c.req.header('Accept'), c.get('locale'));
    if (ifNoneMatchLists(c.req.header('If-None-Match'), tag)) {
      c.header('Vary', 'Accept', { append: true });
      return c.body(null, 304, { ETag: `W/${tag}` });
    }
    await next();
    if (!c.res.ok) return;
    if (!c.res.headers.has('ETag')) c.res.headers.set('ETag', `W/${tag}`);
    varyOn(c.res.headers, 'Accept');
  };

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * After a write that published, the answers kept until the next publish are computed again: the most recently
 * used before the write is answered, the rest after.
 */
export const warmAfterWrites =
  (db: Db): MiddlewareHandler =>
  async (c, next) => {
    await next();
    if (WRITES.has(c.req.method)) await warmAfterWrite(db, { ready: WARMED_BEFORE_ANSWER });
  };
