import type { NewApiTokenRequestSchema } from '@fourp/domain';
import type { z } from 'zod';
import { DAY_MS } from '../../auth/context.js';
import { hashSecret, newApiToken } from '../../auth/secrets.js';
import { ApiError } from '../../errors.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { insertApiToken, type ApiTokenRecord } from '../../repos/workflow/sessions.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { permit, type Caller, type ServiceDeps } from '../caller.js';
import { say } from '../../i18n/messages.js';

/**
 * Issues an API token for a caller signed in with a session (a token may not mint tokens), living
 * `expiresInDays`; the secret is returned this once and only its hash is stored.
 */
export async function createApiToken(
  { db, now }: ServiceDeps,
  { principal, actor }: Caller,
  { name, expiresInDays }: z.output<typeof NewApiTokenRequestSchema>,
): Promise<{ token: ApiTokenRecord; secret: string }> {
  permit(principal, 'token.manage');
  if (actor.tokenId !== null) throw new ApiError('forbidden', say('token_cannot_create'));
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
        expiresAt: new Date(at.getTime() + expiresInDays * DAY_MS),
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
