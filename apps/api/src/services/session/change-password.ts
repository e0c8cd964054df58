import type { PasswordChangeRequest } from '@fourp/domain';
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/password.js';
import { RateLimitedError, reserveLogin } from '../../auth/rate-limit.js';
import { ApiError, type LocalisableIssue } from '../../errors.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { markLoginSucceeded } from '../../repos/workflow/login-attempts.js';
import { revokeUserSessions } from '../../repos/workflow/sessions.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { findUserWithHashById, updateUser } from '../../repos/workflow/users.js';
import type { Caller, ServiceDeps } from '../caller.js';
import { say } from '../../i18n/messages.js';

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
  if (sessionId === null) throw new ApiError('forbidden', say('password_needs_session'));
  const user = await findUserWithHashById(db, principal.userId);
  if (!user) throw new ApiError('unauthenticated', say('account_gone'));
  const reserved = reserveLogin(db, user.email, ip, now());
  if ('retryAfter' in reserved)
    throw new RateLimitedError(
      reserved.retryAfter,
      say('password_rate_limited', { email: user.email, seconds: reserved.retryAfter }),
    );
  const issues: LocalisableIssue[] = [];
  if (await verifyPassword(currentPassword, user.passwordHash)) await markLoginSucceeded(db, reserved.id);
  else issues.push({ path: 'currentPassword', message: say('password_current_wrong') });
  const weak =
    newPassword === currentPassword ? say('password_same') : passwordProblem(newPassword, user.email);
  if (weak) issues.push({ path: 'newPassword', message: weak });
  if (issues.length > 0) throw ApiError.invalid(issues);
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
