import type { MiddlewareHandler } from 'hono';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

/** Successful GET reads may be cached for a minute unless the route chose otherwise; failures never. */
export const cacheControl = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (c.res.status >= 400) c.res.headers.set('Cache-Control', 'no-store');
  else if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !c.res.headers.has('Cache-Control')) {
    c.res.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  }
};
