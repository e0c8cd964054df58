import { createRoute } from '@hono/zod-openapi';
import {
  NewUserRequestSchema,
  UserChangeRequestSchema,
  UserListResponseSchema,
  UserResponseSchema,
} from '@fourp/domain';
import { callerOf, requireAllowed } from './guard.js';
import { ApiError } from '../../errors.js';
import { jsonBody, jsonResponse, problems } from '../../openapi/responses.js';
import { createRouter } from '../../openapi/router.js';
import { listUsers } from '../../repos/workflow/users.js';
import { changeUser } from '../../services/user/change.js';
import { createUser } from '../../services/user/create.js';
import { IdParamsSchema, NO_STORE, access, type WorkflowDeps } from './shared.js';
import { say } from '../../i18n/messages.js';

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listUsers',
  summary: 'Accounts',
  ...access('admin'),
  responses: { 200: jsonResponse(UserListResponseSchema), ...problems(401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createUser',
  summary: 'Create an account (password of 12+ characters, hashed with scrypt)',
  ...access('admin'),
  request: { body: jsonBody(NewUserRequestSchema) },
  responses: { 201: jsonResponse(UserResponseSchema, 'Created'), ...problems(401, 403, 409) },
});

const change = createRoute({
  method: 'patch',
  path: '/{id}',
  operationId: 'updateUser',
  summary: 'Change role, jurisdiction, name, password, or disable an account',
  ...access('admin'),
  request: { params: IdParamsSchema('user id'), body: jsonBody(UserChangeRequestSchema) },
  responses: { 200: jsonResponse(UserResponseSchema), ...problems(401, 403, 404) },
});

export const userRoutes = (deps: WorkflowDeps) =>
  createRouter()
    .openapi(list, async (c) => {
      requireAllowed(c, 'user.manage');
      const users = await listUsers(deps.db);
      return c.json({ data: users, meta: { count: users.length } }, 200, NO_STORE);
    })
    .openapi(create, async (c) => {
      const user = await createUser(deps, callerOf(c), c.req.valid('json'));
      return c.json({ data: user }, 201);
    })
    .openapi(change, async (c) => {
      const { id } = c.req.valid('param');
      const user = await changeUser(deps, callerOf(c), { ...c.req.valid('json'), id });
      if (!user) throw new ApiError('not_found', say('user_not_found', { id }));
      return c.json({ data: user }, 200);
    });
