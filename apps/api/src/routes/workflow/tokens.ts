import { NewApiTokenRequestSchema } from '@fourp/domain';
import type { AppEnv } from '../../env.js';
import { Hono } from 'hono';
import { callerOf, requireAllowed } from '../../auth/guard.js';
import { listApiTokens } from '../../repos/workflow/sessions.js';
import { createApiToken } from '../../services/api-token/create.js';
import { revokeApiToken } from '../../services/api-token/revoke.js';
import { validJson, type WorkflowDeps } from './shared.js';

export const tokenRoutes = (deps: WorkflowDeps) =>
  new Hono<AppEnv>()
    .get('/', async (c) => {
      const principal = requireAllowed(c, 'token.manage');
      const tokens = (await listApiTokens(deps.db, principal.userId)).map(
        ({ userId: _u, ...token }) => token,
      );
      return c.json({ data: tokens, meta: { count: tokens.length } }, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/', validJson(NewApiTokenRequestSchema), async (c) => {
      const { token, secret } = await createApiToken(deps, callerOf(c), c.req.valid('json'));
      const { userId: _u, ...shown } = token;
      return c.json({ data: { ...shown, secret } }, 201, { 'Cache-Control': 'no-store' });
    })
    .delete('/:id', async (c) => {
      await revokeApiToken(deps, callerOf(c), { id: c.req.param('id') });
      return c.body(null, 204);
    });
