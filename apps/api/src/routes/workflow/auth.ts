import { ACTIONS, LoginRequestSchema, can, scopeOf, type Me, type MeResponse } from '@fourp/domain';
import type { AppEnv } from '../../env.js';
import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../../auth/context.js';
import { callerOf, requireUser } from '../../auth/guard.js';
import { clearSessionCookie, isHttps } from '../../auth/middleware.js';
import { ApiError, problemResponse } from '../../errors.js';
import { findUserById, type UserRecord } from '../../repos/workflow/users.js';
import { LoginRateLimitedError, logIn } from '../../services/session/login.js';
import { logOut } from '../../services/session/logout.js';
import { clientIp, validJson, type WorkflowDeps } from './shared.js';

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

export const authRoutes = (deps: WorkflowDeps) =>
  new Hono<AppEnv>()
    .post('/login', validJson(LoginRequestSchema), async (c) => {
      const input = {
        ...c.req.valid('json'),
        ip: clientIp(c, deps.trustProxy ?? false),
        userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
        requestId: c.get('requestId'),
      };
      let signedIn;
      try {
        signedIn = await logIn(deps, input);
      } catch (error) {
        if (!(error instanceof LoginRateLimitedError)) throw error;
        return problemResponse(c, error, { 'Retry-After': String(error.retryAfter) });
      }
      const { user, session, cookieSecret } = signedIn;
      setCookie(c, SESSION_COOKIE, cookieSecret, {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: isHttps(c),
        maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
      });
      c.set('principal', {
        kind: 'user',
        userId: user.id,
        role: user.role,
        jurisdictionId: user.jurisdictionId,
      });
      c.set('auth', {
        via: 'session',
        userId: user.id,
        email: user.email,
        sessionId: session.id,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
        csrfRejected: false,
      });
      const body: MeResponse = { data: meOf(c, user) };
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/logout', async (c) => {
      await logOut(deps, callerOf(c));
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .get('/me', async (c) => {
      const principal = requireUser(c);
      const user = await findUserById(deps.db, principal.userId);
      if (!user) throw new ApiError('unauthenticated', 'The account no longer exists.');
      const body: MeResponse = { data: meOf(c, user) };
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    });
