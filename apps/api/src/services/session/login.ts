import type { LoginRequest } from '@fourp/domain';
import { SESSION_ABSOLUTE_MS } from '../../auth/context.js';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from '../../auth/password.js';
import { RateLimitedError, reserveLogin } from '../../auth/rate-limit.js';
import { hashSecret, randomSecret } from '../../auth/secrets.js';
import { ApiError } from '../../errors.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { markLoginSucceeded } from '../../repos/workflow/login-attempts.js';
import { insertSession, type SessionRecord } from '../../repos/workflow/sessions.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { findUserByEmail, normaliseEmail, updateUser, type UserRecord } from '../../repos/workflow/users.js';
import type { ServiceDeps } from '../caller.js';
import { say } from '../../i18n/messages.js';

/** Too many failed sign-ins for this email or from this address; `retryAfter` is in seconds. */
export class LoginRateLimitedError extends RateLimitedError {
  constructor(retryAfter: number, email: string) {
    super(retryAfter, say('login_rate_limited', { email, seconds: retryAfter }));
  }
}

export type LoginInput = LoginRequest & { ip: string; userAgent: string | null; requestId: string | null };
export type SignedIn = { user: UserRecord; session: SessionRecord; cookieSecret: string };

/** Signs in with email and password: every attempt is recorded (as failed until the password matches), a success opens a session and is audited. */
export async function logIn({ db, now }: ServiceDeps, input: LoginInput): Promise<SignedIn> {
  const email = normaliseEmail(input.email);
  const { ip, password } = input;
  const at = now();
  const reserved = reserveLogin(db, email, ip, at);
  if ('retryAfter' in reserved) throw new LoginRateLimitedError(reserved.retryAfter, email);
  const found = await findUserByEmail(db, email);
  const matches = await verifyPassword(password, found?.passwordHash ?? (await dummyPasswordHash()));
  const user = matches && found !== null && !found.disabled ? found : null;
  const rehashed = user && needsRehash(user.passwordHash) ? await hashPassword(password) : null;
  const cookieSecret = randomSecret();
  const session = await inTransaction(db, async (tx) => {
    if (!user) return null;
    await markLoginSucceeded(tx, reserved.id);
    if (rehashed) await updateUser(tx, user.id, { passwordHash: rehashed }, at);
    const opened = await insertSession(
      tx,
      {
        tokenHash: hashSecret(cookieSecret),
        userId: user.id,
        csrfToken: randomSecret(),
        expiresAt: new Date(at.getTime() + SESSION_ABSOLUTE_MS),
        ip,
        userAgent: input.userAgent,
      },
      at,
    );
    await appendAudit(
      tx,
      { userId: user.id, email: user.email, sessionId: opened.id, tokenId: null, requestId: input.requestId },
      { action: 'auth.login', entityType: 'session', entityId: opened.id },
      at,
    );
    return opened;
  });
  if (!user || !session) throw new ApiError('unauthenticated', say('login_wrong'));
  const { passwordHash: _hash, ...record } = user;
  return { user: record, session, cookieSecret };
}
