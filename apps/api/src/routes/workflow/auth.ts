import { createRoute } from '@hono/zod-openapi';
import {
  ACTIONS,
  LoginRequestSchema,
  MeResponseSchema,
  PasswordChangeRequestSchema,
  can,
  scopeOf,
  type Me,
  type MeResponse,
} from '@fourp/domain';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../../auth/context.js';
import { callerOf, requireUser } from './guard.js';
import { clearSessionCookie, isHttps } from '../../auth/middleware.js';
import { ApiError } from '../../errors.js';
import { jsonBody, jsonResponse, problems } from '../../openapi/responses.js';
import { createRouter } from '../../openapi/router.js';
import { findUserById, type UserRecord } from '../../repos/workflow/users.js';
import { RateLimitedError } from '../../auth/rate-limit.js';
import { logIn, type SignedIn } from '../../services/session/login.js';
import { changePassword } from '../../services/session/change-password.js';
import { logOut } from '../../services/session/logout.js';
import { NO_STORE, access, clientIp, type WorkflowDeps } from './shared.js';
import { say } from '../../i18n/messages.js';

function meOf(c: Context, user: UserRecord): Me {
  const principal = c.get('principal');
  const auth = c.get('auth');
  return {
    user,
    via: auth.via === 'token' ? 'token' : 'session',
    csrfToken: auth.via === 'session' ? auth.csrfToken : null,
    sessionExpiresAt: auth.via === 'session' ? auth.expiresAt : null,
    actions: ACTIONS.filter((action) => can(principal, action)),
    scope: scopeOf(principal),
  };
}

/** Sets the session cookie and makes the rest of this request see the new session. */
function startSession(c: Context, { user, session, cookieSecret }: SignedIn) {
  setCookie(c, SESSION_COOKIE, cookieSecret, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
  c.set('principal', { kind: 'user', userId: user.id, role: user.role, jurisdictionId: user.jurisdictionId });
  c.set('auth', {
    via: 'session',
    userId: user.id,
    email: user.email,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    csrfRejected: false,
  });
}

/** Rethrows `error`, telling a rate-limited caller when to retry. */
const retryAfterOn =
  (c: Context) =>
  (error: unknown): never => {
    if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfter));
    throw error;
  };

const login = createRoute({
  method: 'post',
  path: '/login',
  operationId: 'login',
  summary: 'Sign in; sets the fourp_session cookie (httpOnly, SameSite=Lax; 8 h idle, 7 days at most)',
  ...access(
    'anyone with an account; 5 failures per email and address, or 30 per address, in 15 minutes → 429; after 10 failures per email, each further attempt waits 1 to 60 seconds (429)',
    'anyone',
  ),
  request: { body: jsonBody(LoginRequestSchema) },
  responses: { 200: jsonResponse(MeResponseSchema), ...problems(401, 429) },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  operationId: 'logout',
  summary: 'End the session and clear the cookie',
  ...access('any signed-in user'),
  responses: { 204: { description: 'Signed out' }, ...problems(401, 403) },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  operationId: 'me',
  summary: 'The signed-in user, the actions they may take and the CSRF token for cookie requests',
  ...access('any signed-in user'),
  responses: { 200: jsonResponse(MeResponseSchema), ...problems(401, 403) },
});

const password = createRoute({
  method: 'post',
  path: '/password',
  operationId: 'changePassword',
  summary:
    'Change your own password: the current one is checked, the new one must be strong; your other sessions end',
  ...access(
    'any user signed in with a session (not an API token); wrong current passwords count as failed sign-ins, under the same limits (429)',
  ),
  request: { body: jsonBody(PasswordChangeRequestSchema) },
  responses: { 204: { description: 'Changed' }, ...problems(401, 403, 429) },
});

export const authRoutes = (deps: WorkflowDeps) =>
  createRouter()
    .openapi(login, async (c) => {
      const input = {
        ...c.req.valid('json'),
        ip: clientIp(c, deps.proxySecret),
        userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
        requestId: c.get('requestId'),
      };
      const signedIn = await logIn(deps, input).catch(retryAfterOn(c));
      startSession(c, signedIn);
      const body: MeResponse = { data: meOf(c, signedIn.user) };
      return c.json(body, 200, NO_STORE);
    })
    .openapi(logout, async (c) => {
      await logOut(deps, callerOf(c));
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .openapi(password, async (c) => {
      const input = { ...c.req.valid('json'), ip: clientIp(c, deps.proxySecret) };
      await changePassword(deps, callerOf(c), input).catch(retryAfterOn(c));
      return c.body(null, 204);
    })
    .openapi(me, async (c) => {
      const principal = requireUser(c);
      const user = await findUserById(deps.db, principal.userId);
      if (!user) throw new ApiError('unauthenticated', say('account_gone'));
      const body: MeResponse = { data: meOf(c, user) };
      return c.json(body, 200, NO_STORE);
    });
