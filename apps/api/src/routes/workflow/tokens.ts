import { NewApiTokenRequestSchema, can } from '@fourp/domain';
import type { AppEnv } from '../../env.js';
import { Hono } from 'hono';
import { actorOf, requireAllowed } from '../../auth/guard.js';
import { hashSecret, newApiToken } from '../../auth/secrets.js';
import { ApiError } from '../../errors.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import {
  findApiToken,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
} from '../../repos/workflow/sessions.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { validJson, type WorkflowDeps } from './shared.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export const tokenRoutes = ({ db, now }: WorkflowDeps) =>
  new Hono<AppEnv>()
    .get('/', async (c) => {
      const principal = requireAllowed(c, 'token.manage');
      const tokens = (await listApiTokens(db, principal.userId)).map(({ userId: _u, ...token }) => token);
      return c.json({ data: tokens, meta: { count: tokens.length } }, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/', validJson(NewApiTokenRequestSchema), async (c) => {
      const principal = requireAllowed(c, 'token.manage');
      const { name, expiresInDays } = c.req.valid('json');
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
          actorOf(c),
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
      const { userId: _u, ...shown } = token;
      return c.json({ data: { ...shown, secret } }, 201, { 'Cache-Control': 'no-store' });
    })
    .delete('/:id', async (c) => {
      const principal = requireAllowed(c, 'token.manage');
      const token = await findApiToken(db, c.req.param('id'));
      if (!token || (token.userId !== principal.userId && !can(principal, 'user.manage'))) {
        throw new ApiError('not_found', `There is no API token ${c.req.param('id')} of yours.`);
      }
      const at = now();
      await inTransaction(db, async (tx) => {
        await revokeApiToken(tx, token.id, at);
        await appendAudit(
          tx,
          actorOf(c),
          { action: 'token.revoke', entityType: 'api_token', entityId: token.id },
          at,
        );
      });
      return c.body(null, 204);
    });
