import type { NewApiTokenRequestSchema } from '@fourp/domain';
import type { z } from 'zod';
import { hashSecret, newApiToken } from '../../auth/secrets.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { insertApiToken, type ApiTokenRecord } from '../../repos/workflow/sessions.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { permit, type Caller, type ServiceDeps } from '../caller.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Issues an API token for the caller; the secret is returned this once and only its hash is stored. */
export async function createApiToken(
  { db, now }: ServiceDeps,
  { principal, actor }: Caller,
  { name, expiresInDays }: z.output<typeof NewApiTokenRequestSchema>,
): Promise<{ token: ApiTokenRecord; secret: string }> {
  permit(principal, 'token.manage');
  const secret = newApiToken();
  const at = now();
  const token = await inTransaction(db, async (tx) => {
    const created = await insertApiToken(
      tx,
      {
        userId: principal.userId,
        name,
        tokenHash: hashSecret(secret),
        prefix: secret.slice(0, 12),
        expiresAt: expiresInDays === null ? null : new Date(at.getTime() + expiresInDays * DAY_MS),
      },
      at,
    );
    await appendAudit(
      tx,
      actor,
      {
        action: 'token.create',
        entityType: 'api_token',
        entityId: created.id,
        newValue: { name, expiresAt: created.expiresAt },
      },
      at,
    );
    return created;
  });
  return { token, secret };
}
