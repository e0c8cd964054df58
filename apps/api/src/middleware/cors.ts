import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

const EXPOSED = ['X-Request-Id', 'ETag', 'Content-Disposition'];

/** The CORS headers of an answer that is not a preflight, for a request from `requestOrigin`. */
export const corsHeaders = (origin: string, requestOrigin: string | undefined): Record<string, string> => ({
  ...(requestOrigin === origin ? { 'access-control-allow-origin': origin } : {}),
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers': EXPOSED.join(','),
});

/**
 * The dashboard's origin, with credentials. Preflights get Hono's answer; other answers get the same headers set
 * in place after the handler (Hono's `cors` sets them on `c.res` first, so every answer is rebuilt: node's
 * server then loses its fast path for a plain body).
 */
export const dashboardCors = (origin: string): MiddlewareHandler => {
  const preflight = cors({
    origin,
    credentials: true,
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: [
      'Content-Type',
      'Accept',
      'If-None-Match',
      'X-Request-Id',
      'Authorization',
      'X-FourP-CSRF',
    ],
    exposeHeaders: EXPOSED,
    maxAge: 600,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const headers = c.res.headers;
    for (const [name, value] of Object.entries(corsHeaders(origin, c.req.header('Origin'))))
      headers.set(name, value);
    headers.append('Vary', 'Origin');
  };
};
