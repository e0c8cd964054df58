import { ANONYMOUS, MAX_TOKEN_DAYS, type Principal } from '@fourp/domain';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { Db } from '../db/client.js';
import { ApiError } from '../errors.js';
import {
  findApiTokenByHash,
  findSessionByTokenHash,
  touchApiToken,
  touchSession,
} from '../repos/workflow/sessions.js';
import type { UserRecord } from '../repos/workflow/users.js';
import {
  CSRF_HEADER,
  DAY_MS,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
  SESSION_TOUCH_MS,
  type AuthState,
} from './context.js';
import { API_TOKEN_PREFIX, hashSecret, sameSecret } from './secrets.js';
import { say } from '../i18n/messages.js';

export type AuthDeps = { db: Db; now: () => Date };

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const principalOf = (user: UserRecord): Principal => ({
  kind: 'user',
  userId: user.id,
  role: user.role,
  jurisdictionId: user.jurisdictionId,
});

/** True when the request reached us over https, directly or through a proxy that says so. */
export const isHttps = (c: Context) =>
  new URL(c.req.url).protocol === 'https:' ||
  c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c), httpOnly: true, sameSite: 'Lax' });
}

/** A token stored without an expiry ends MAX_TOKEN_DAYS after it was created. */
const tokenExpiry = ({ expiresAt, createdAt }: { expiresAt: string | null; createdAt: string }) =>
  expiresAt === null
    ? new Date(createdAt).getTime() + MAX_TOKEN_DAYS * DAY_MS
    : new Date(expiresAt).getTime();

async function fromBearer(deps: AuthDeps, header: string) {
  const secret = header.slice('bearer '.length).trim();
  const found = secret.startsWith(API_TOKEN_PREFIX)
    ? await findApiTokenByHash(deps.db, hashSecret(secret))
    : null;
  const now = deps.now();
  if (
    !found ||
    found.token.revokedAt !== null ||
    tokenExpiry(found.token) <= now.getTime() ||
    found.user.disabled
  ) {
    throw new ApiError('unauthenticated', say('token_unknown'));
  }
  const lastUsed = found.token.lastUsedAt === null ? 0 : new Date(found.token.lastUsedAt).getTime();
  if (now.getTime() - lastUsed > SESSION_TOUCH_MS) await touchApiToken(deps.db, found.token.id, now);
  const auth: AuthState = {
    via: 'token',
    userId: found.user.id,
    email: found.user.email,
    tokenId: found.token.id,
    csrfRejected: false,
  };
  return { principal: principalOf(found.user), auth };
}

async function fromCookie(deps: AuthDeps, c: Context, cookie: string) {
  const found = await findSessionByTokenHash(deps.db, hashSecret(cookie));
  const now = deps.now();
  const lastSeen = found ? new Date(found.session.lastSeenAt).getTime() : 0;
  if (
    !found ||
    found.user.disabled ||
    new Date(found.session.expiresAt) <= now ||
    now.getTime() - lastSeen >= SESSION_IDLE_MS
  ) {
    clearSessionCookie(c);
    return null;
  }
  if (now.getTime() - lastSeen > SESSION_TOUCH_MS) await touchSession(deps.db, found.session.id, now);
  const header = c.req.header(CSRF_HEADER);
  const csrfRejected =
    UNSAFE_METHODS.has(c.req.method) && !(header && sameSecret(header, found.session.csrfToken));
  const auth: AuthState = {
    via: 'session',
    userId: found.user.id,
    email: found.user.email,
    sessionId: found.session.id,
    csrfToken: found.session.csrfToken,
    expiresAt: found.session.expiresAt,
    csrfRejected,
  };
  return { principal: principalOf(found.user), auth };
}

/**
 * Sets `c.var.principal` and `c.var.auth` on every request: a bearer API token, else the session cookie,
 * else anonymous. A wrong bearer token is a 401; an unsafe cookie request without the CSRF header is
 * refused by `requireUser`. Responses that depend on who asked are never stored by shared caches.
 */
export const authMiddleware =
  (deps: AuthDeps): MiddlewareHandler =>
  async (c, next) => {
    const authorization = c.req.header('authorization');
    const cookie = getCookie(c, SESSION_COOKIE);
    const resolved =
      authorization && /^bearer\s/i.test(authorization)
        ? await fromBearer(deps, authorization)
        : cookie
          ? await fromCookie(deps, c, cookie)
          : null;
    c.set('principal', resolved?.principal ?? ANONYMOUS);
    c.set('auth', resolved?.auth ?? { via: 'anonymous', csrfRejected: false });
    await next();
    // On `c.res.headers`: `c.header` after the answer rebuilds it, costing node's server its fast path.
    c.res.headers.append('Vary', 'Cookie, Authorization');
    if (resolved && !c.res.headers.has('Cache-Control'))
      c.res.headers.set('Cache-Control', 'private, no-store');
  };
