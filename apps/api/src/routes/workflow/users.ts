import { NewUserRequestSchema, UserChangeRequestSchema } from '@fourp/domain';
import type { AppEnv } from '../../env.js';
import { Hono } from 'hono';
import { createAccount, roleScopeIssues } from '../../auth/accounts.js';
import { actorOf, requireAllowed } from '../../auth/guard.js';
import { hashPassword, passwordProblem } from '../../auth/password.js';
import { ApiError } from '../../errors.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { findUserById, listUsers, updateUser } from '../../repos/workflow/users.js';
import { validJson, type WorkflowDeps } from './shared.js';

export const userRoutes = ({ db, now }: WorkflowDeps) =>
  new Hono<AppEnv>()
    .get('/', async (c) => {
      requireAllowed(c, 'user.manage');
      const users = await listUsers(db);
      return c.json({ data: users, meta: { count: users.length } }, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/', validJson(NewUserRequestSchema), async (c) => {
      requireAllowed(c, 'user.manage');
      const user = await createAccount(db, c.req.valid('json'), actorOf(c), now());
      return c.json({ data: user }, 201);
    })
    .patch('/:id', validJson(UserChangeRequestSchema), async (c) => {
      requireAllowed(c, 'user.manage');
      const before = await findUserById(db, c.req.param('id'));
      if (!before) throw new ApiError('not_found', `There is no user ${c.req.param('id')}.`);
      const { password, ...change } = c.req.valid('json');
      const issues = roleScopeIssues(
        change.role ?? before.role,
        change.jurisdictionId === undefined ? before.jurisdictionId : change.jurisdictionId,
      );
      const weak = password === undefined ? null : passwordProblem(password);
      if (weak) issues.push({ path: 'password', message: weak });
      if (issues.length > 0)
        throw new ApiError('validation_failed', issues.map((i) => i.message).join(' '), issues);
      const passwordHash = password === undefined ? undefined : await hashPassword(password);
      const at = now();
      const after = await inTransaction(db, async (tx) => {
        const updated = await updateUser(
          tx,
          before.id,
          { ...change, ...(passwordHash ? { passwordHash } : {}) },
          at,
        );
        await appendAudit(
          tx,
          actorOf(c),
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
            newValue: { ...change, ...(password === undefined ? {} : { password: 'changed' }) },
          },
          at,
        );
        return updated;
      });
      return c.json({ data: after });
    });
