import { appendAudit } from '../../repos/workflow/audit.js';
import { revokeSession } from '../../repos/workflow/sessions.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import type { Caller, ServiceDeps } from '../caller.js';

/** Ends the caller's session; a caller using an API token has none, so nothing changes. */
export async function logOut({ db, now }: ServiceDeps, { actor }: Caller): Promise<void> {
  const { sessionId } = actor;
  if (sessionId === null) return;
  const at = now();
  await inTransaction(db, async (tx) => {
    await revokeSession(tx, sessionId, at);
    await appendAudit(tx, actor, { action: 'auth.logout', entityType: 'session', entityId: sessionId }, at);
  });
}
