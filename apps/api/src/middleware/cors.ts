import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

const EXPOSED = ['X-Request-Id', 'ETag', 'Content-Disposition'];

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
  const exposed = EXPOSED.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const headers = c.res.headers;
    if (c.req.header('Origin') === origin) headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Allow-Credentials', 'true');
    headers.set('Access-Control-Expose-Headers', exposed);
    headers.append('Vary', 'Origin');
  };
};
