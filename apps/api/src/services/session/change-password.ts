import type { PasswordChangeRequest } from '@fourp/domain';
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/password.js';
import { RateLimitedError, reserveLogin } from '../../auth/rate-limit.js';
import { ApiError, type ParameterIssue } from '../../errors.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { markLoginSucceeded } from '../../repos/workflow/login-attempts.js';
import { revokeUserSessions } from '../../repos/workflow/sessions.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { findUserWithHashById, updateUser } from '../../repos/workflow/users.js';
import type { Caller, ServiceDeps } from '../caller.js';

export type PasswordChangeInput = PasswordChangeRequest & { ip: string };

/**
 * Changes the signed-in user's own password after checking the current one, ends their other
 * sessions (the caller's stays open) and audits it; returns how many sessions were ended.
 * Each check of the current password counts as a sign-in attempt, under the same limits.
 */
export async function changePassword(
  { db, now }: ServiceDeps,
  { principal, actor }: Caller,
  { currentPassword, newPassword, ip }: PasswordChangeInput,
): Promise<{ revokedSessions: number }> {
  const sessionId = actor.sessionId;
  if (sessionId === null)
    throw new ApiError('forbidden', 'Sign in to change your password; an API token cannot change it.');
  const user = await findUserWithHashById(db, principal.userId);
  if (!user) throw new ApiError('unauthenticated', 'The account no longer exists.');
  const reserved = reserveLogin(db, user.email, ip, now());
  if ('retryAfter' in reserved)
    throw new RateLimitedError(
      reserved.retryAfter,
      `Too many wrong passwords for ${user.email}; try again in ${reserved.retryAfter} seconds.`,
    );
  const issues: ParameterIssue[] = [];
  if (await verifyPassword(currentPassword, user.passwordHash)) await markLoginSucceeded(db, reserved.id);
  else issues.push({ path: 'currentPassword', message: 'The current password is wrong.' });
  const weak =
    newPassword === currentPassword
      ? 'The new password must differ from the current one.'
      : passwordProblem(newPassword, user.email);
  if (weak) issues.push({ path: 'newPassword', message: weak });
  if (issues.length > 0)
    throw new ApiError('validation_failed', issues.map((i) => i.message).join(' '), issues);
  const passwordHash = await hashPassword(newPassword);
  const at = now();
  return inTransaction(db, async (tx) => {
    await updateUser(tx, user.id, { passwordHash }, at);
    const revokedSessions = await revokeUserSessions(tx, user.id, at, sessionId);
    await appendAudit(
      tx,
      actor,
      {
        action: 'auth.password_change',
        entityType: 'user',
        entityId: user.id,
        jurisdictionId: user.jurisdictionId,
        newValue: { password: 'changed', revoked: { sessions: revokedSessions } },
      },
      at,
    );
    return { revokedSessions };
  });
}
