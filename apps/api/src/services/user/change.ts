import type { UserChangeRequest } from '@fourp/domain';
import { hashPassword, passwordProblem } from '../../auth/password.js';
import { ApiError } from '../../errors.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { revokeUserApiTokens, revokeUserSessions } from '../../repos/workflow/sessions.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { findUserById, updateUser, type UserRecord } from '../../repos/workflow/users.js';
import { permit, type Caller, type ServiceDeps } from '../caller.js';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { roleScopeIssues } from './create.js';
import { say } from '../../i18n/messages.js';

/** Changes an account's role, jurisdiction, name, password or whether it is disabled; a new password signs the user out everywhere. */
export async function changeUser(
  { db, now }: ServiceDeps,
  { principal, actor }: Caller,
  { id, password, ...change }: UserChangeRequest & { id: string },
): Promise<UserRecord | null> {
  permit(principal, 'user.manage');
  const before = await findUserById(db, id);
  if (!before) throw new ApiError('not_found', say('user_not_found', { id }));
  const issues = roleScopeIssues(
    change.role ?? before.role,
    change.jurisdictionId === undefined ? before.jurisdictionId : change.jurisdictionId,
    jurisdictionTree(db),
  );
  const weak = password === undefined ? null : passwordProblem(password, before.email);
  if (weak) issues.push({ path: 'password', message: weak });
  if (issues.length > 0) throw ApiError.invalid(issues);
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  const at = now();
  return inTransaction(db, async (tx) => {
    const updated = await updateUser(
      tx,
      before.id,
      { ...change, ...(passwordHash ? { passwordHash } : {}) },
      at,
    );
    const revoked =
      passwordHash === undefined
        ? null
        : {
            sessions: await revokeUserSessions(tx, before.id, at),
            tokens: await revokeUserApiTokens(tx, before.id, at),
          };
    await appendAudit(
      tx,
      actor,
      {
        action: 'user.update',
        entityType: 'user',
        entityId: before.id,
        jurisdictionId: updated?.jurisdictionId ?? null,
        oldValue: {
          role: before.role,
          jurisdictionId: before.jurisdictionId,
          displayName: before.displayName,
          disabled: before.disabled,
        },
        newValue: { ...change, ...(revoked ? { password: 'changed', revoked } : {}) },
      },
      at,
    );
    return updated;
  });
}
