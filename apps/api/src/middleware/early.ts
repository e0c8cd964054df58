import { randomUUID } from 'node:crypto';
import { negotiateLocale } from '@fourp/domain';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { Db } from '../db/client.js';
import { pingStatement } from '../db/prepared.js';
import type { Logger } from '../env.js';
import { ifNoneMatchLists, PUBLIC_CACHE_CONTROL, publishedTag } from './cache.js';
import { corsHeaders } from './cors.js';

export type EarlyDeps = {
  db: Db;
  now: () => Date;
  logger: Logger;
  webOrigin: string;
  /** The app's security-headers middleware: its (constant) headers are read from it once. */
  security: MiddlewareHandler;
  /** Route patterns of the published reads tagged with the publish generation (`/x` or `/x/*`). */
  published: readonly string[];
};

/** The Vary of a tagged published read as the full path sends it (Accept-Encoding when it is compressed). */
const PUBLISHED_VARY = 'Accept, Cookie, Authorization, Accept-Encoding, Origin, Accept-Language';
const HEALTH_VARY = 'Cookie, Authorization, Origin, Accept-Language';

async function constantHeaders(middleware: MiddlewareHandler): Promise<Record<string, string>> {
  const probe = new Hono().use(middleware).get('/', (c) => c.body(null));
  return Object.fromEntries((await probe.request('/')).headers);
}

function matcher(patterns: readonly string[]) {
  const exact = new Set(patterns.filter((p) => !p.endsWith('/*')));
  const prefixes = patterns.filter((p) => p.endsWith('/*')).map((p) => p.slice(0, -2));
  return (path: string) =>
    exact.has(path) || prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

const requestIdOf = (c: Context) => {
  const incoming = c.req.header('X-Request-Id');
  return incoming && incoming.length <= 255 && !/[^\w\-=]/.test(incoming) ? incoming : randomUUID();
};

/**
 * Answers the two requests that need nothing of the app before the middleware stack runs: an anonymous
 * liveness check, with the headers the full path would send, and an anonymous revalidation of a published read
 * whose tag is still current (304). The 304 carries what RFC 9110 asks of one (the ETag, Cache-Control and Vary
 * the 200 would carry), the request id and the CORS answer; no other header, since a client or cache keeps
 * those of the 200 it holds (RFC 9111 §4.3.4), and each costs the server time to write. Headers are one plain
 * object (node's server writes it as is).
 */
export const earlyAnswers = (deps: EarlyDeps): MiddlewareHandler => {
  const isPublished = matcher(deps.published);
  let security: Promise<Record<string, string>> | undefined;
  return async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') return next();
    if (c.req.header('Authorization') !== undefined || c.req.header('Cookie') !== undefined) return next();
    const path = c.req.path;
    const health = method === 'GET' && path === '/health' && !c.req.url.includes('?');
    const ifNoneMatch = c.req.header('If-None-Match');
    if (!health && (ifNoneMatch === undefined || !isPublished(path))) return next();
    const locale = negotiateLocale(c.req.query('lang'), c.req.header('Accept-Language'));
    let status: 200 | 304;
    let answer: Response;
    let requestId: string;
    if (health) {
      try {
        pingStatement(deps.db);
      } catch {
        return next();
      }
      status = 200;
      requestId = requestIdOf(c);
      answer = new Response(JSON.stringify({ data: { status: 'ok', time: deps.now().toISOString() } }), {
        status,
        headers: {
          ...(await (security ??= constantHeaders(deps.security))),
          ...corsHeaders(deps.webOrigin, c.req.header('Origin')),
          'content-type': 'application/json',
          'cache-control': 'no-store',
          vary: HEALTH_VARY,
          'content-language': locale,
          'x-request-id': requestId,
        },
      });
    } else {
      const tag = publishedTag(deps.db, c.req.url, c.req.header('Accept'), locale);
      if (!ifNoneMatchLists(ifNoneMatch, tag)) return next();
      status = 304;
      requestId = requestIdOf(c);
      answer = new Response(null, {
        status,
        headers: {
          ...corsHeaders(deps.webOrigin, c.req.header('Origin')),
          etag: `W/${tag}`,
          'cache-control': PUBLIC_CACHE_CONTROL,
          vary: PUBLISHED_VARY,
          'x-request-id': requestId,
        },
      });
    }
    deps.logger.info('request', { requestId, method, path, status, ms: 0 });
    return answer;
  };
};
