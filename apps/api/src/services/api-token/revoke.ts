import { can } from '@fourp/domain';
import { ApiError } from '../../errors.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { findApiToken, markApiTokenRevoked } from '../../repos/workflow/sessions.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { permit, type Caller, type ServiceDeps } from '../caller.js';
import { say } from '../../i18n/messages.js';

/** Revokes one of the caller's API tokens (an admin may revoke anyone's); others' tokens are not found. */
export async function revokeApiToken(
  { db, now }: ServiceDeps,
  { principal, actor }: Caller,
  { id }: { id: string },
): Promise<void> {
  permit(principal, 'token.manage');
  const token = await findApiToken(db, id);
  if (!token || (token.userId !== principal.userId && !can(principal, 'user.manage'))) {
    throw new ApiError('not_found', say('token_not_found', { id }));
  }
  const at = now();
  await inTransaction(db, async (tx) => {
    await markApiTokenRevoked(tx, token.id, at);
    await appendAudit(tx, actor, { action: 'token.revoke', entityType: 'api_token', entityId: token.id }, at);
  });
}
