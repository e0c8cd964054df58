import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/client.js';
import { readPublishGeneration } from '../repos/generation.js';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

/** Successful GET reads may be cached for a minute unless the route chose otherwise; failures never. */
export const cacheControl = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (c.res.status >= 400) c.res.headers.set('Cache-Control', 'no-store');
  else if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !c.res.headers.has('Cache-Control')) {
    c.res.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  }
};

const listed = (header: string | undefined): string[] => header?.match(/"[^"]*"/g) ?? [];

/**
 * An anonymous read of published data is tagged with the publish generation (stored in the database, moved on by
 * every publish, correction, unlock and import), so a matching If-None-Match is answered 304 before any figure is
 * read. Signed-in answers are left to the auth middleware (private, no-store).
 */
export const publishedEtag =
  (db: Db): MiddlewareHandler =>
  async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.var.principal.kind !== 'anonymous') {
      return next();
    }
    const tag = `"${createHash('sha1')
      .update(`${readPublishGeneration(db)}\n${c.req.url}\n${c.req.header('Accept') ?? ''}\n${c.var.locale}`)
      .digest('hex')}"`;
    if (listed(c.req.header('If-None-Match')).includes(tag)) {
      c.header('Vary', 'Accept', { append: true });
      return c.body(null, 304, { ETag: `W/${tag}` });
    }
    await next();
    if (c.res.ok && !c.res.headers.has('ETag')) c.res.headers.set('ETag', `W/${tag}`);
  };
