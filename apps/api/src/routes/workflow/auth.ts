import { ACTIONS, LoginRequestSchema, can, scopeOf, type Me, type MeResponse } from '@fourp/domain';
import type { AppEnv } from '../../env.js';
import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../../auth/context.js';
import { requireUser } from '../../auth/guard.js';
import { clearSessionCookie, isHttps } from '../../auth/middleware.js';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from '../../auth/password.js';
import { loginRetryAfter } from '../../auth/rate-limit.js';
import { hashSecret, randomSecret } from '../../auth/secrets.js';
import { ApiError, problemResponse } from '../../errors.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { recordLoginAttempt } from '../../repos/workflow/login-attempts.js';
import { insertSession, revokeSession } from '../../repos/workflow/sessions.js';
import { findUserById, normaliseEmail, updateUser, type UserRecord } from '../../repos/workflow/users.js';
import { findUserByEmail } from '../../repos/workflow/users.js';
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

export const authRoutes = ({ db, now, trustProxy = false }: WorkflowDeps) =>
  new Hono<AppEnv>()
    .post('/login', validJson(LoginRequestSchema), async (c) => {
      const { password } = c.req.valid('json');
      const email = normaliseEmail(c.req.valid('json').email);
      const ip = clientIp(c, trustProxy);
      const at = now();
      const retryAfter = await loginRetryAfter(db, email, ip, at);
      if (retryAfter !== null) {
        return problemResponse(
          c,
          new ApiError(
            'rate_limited',
            `Too many failed sign-ins for ${email}; try again in ${retryAfter} seconds.`,
          ),
          { 'Retry-After': String(retryAfter) },
        );
      }
      const user = await findUserByEmail(db, email);
      const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      const succeeded = matches && user !== null && !user.disabled;
      await recordLoginAttempt(db, { email, ip, succeeded }, at);
      if (!succeeded || !user) throw new ApiError('unauthenticated', 'The email or password is wrong.');
      if (needsRehash(user.passwordHash))
        await updateUser(db, user.id, { passwordHash: await hashPassword(password) }, at);

      const token = randomSecret();
      const session = await insertSession(
        db,
        {
          tokenHash: hashSecret(token),
          userId: user.id,
          csrfToken: randomSecret(),
          expiresAt: new Date(at.getTime() + SESSION_ABSOLUTE_MS),
          ip,
          userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
        },
        at,
      );
      await appendAudit(
        db,
        {
          userId: user.id,
          email: user.email,
          sessionId: session.id,
          tokenId: null,
          requestId: c.get('requestId'),
        },
        { action: 'auth.login', entityType: 'session', entityId: session.id },
        at,
      );
      setCookie(c, SESSION_COOKIE, token, {
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
      const { passwordHash: _hash, ...record } = user;
      const body: MeResponse = { data: meOf(c, record) };
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/logout', async (c) => {
      requireUser(c);
      const auth = c.get('auth');
      if (auth.via === 'session') await revokeSession(db, auth.sessionId, now());
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .get('/me', async (c) => {
      const principal = requireUser(c);
      const user = await findUserById(db, principal.userId);
      if (!user) throw new ApiError('unauthenticated', 'The account no longer exists.');
      const body: MeResponse = { data: meOf(c, user) };
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    });
