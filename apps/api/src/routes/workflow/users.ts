import { NewUserRequestSchema, UserChangeRequestSchema } from '@fourp/domain';
import type { AppEnv } from '../../env.js';
import { Hono } from 'hono';
import { callerOf, requireAllowed } from '../../auth/guard.js';
import { listUsers } from '../../repos/workflow/users.js';
import { changeUser } from '../../services/user/change.js';
import { createUser } from '../../services/user/create.js';
import { validJson, type WorkflowDeps } from './shared.js';

export const userRoutes = (deps: WorkflowDeps) =>
  new Hono<AppEnv>()
    .get('/', async (c) => {
      requireAllowed(c, 'user.manage');
      const users = await listUsers(deps.db);
      return c.json({ data: users, meta: { count: users.length } }, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/', validJson(NewUserRequestSchema), async (c) => {
      const user = await createUser(deps, callerOf(c), c.req.valid('json'));
      return c.json({ data: user }, 201);
    })
    .patch('/:id', validJson(UserChangeRequestSchema), async (c) => {
      const user = await changeUser(deps, callerOf(c), { ...c.req.valid('json'), id: c.req.param('id') });
      return c.json({ data: user });
    });
