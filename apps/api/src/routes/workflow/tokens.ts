import { createRoute } from '@hono/zod-openapi';
import {
  ApiTokenListResponseSchema,
  NewApiTokenRequestSchema,
  NewApiTokenResponseSchema,
} from '@fourp/domain';
import { callerOf, requireAllowed } from './guard.js';
import { jsonBody, jsonResponse, problems } from '../../openapi/responses.js';
import { createRouter } from '../../openapi/router.js';
import { listApiTokens } from '../../repos/workflow/sessions.js';
import { createApiToken } from '../../services/api-token/create.js';
import { revokeApiToken } from '../../services/api-token/revoke.js';
import { IdParamsSchema, NO_STORE, access, type WorkflowDeps } from './shared.js';

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listTokens',
  summary: 'Your API tokens (never their secrets)',
  ...access('any signed-in user'),
  responses: { 200: jsonResponse(ApiTokenListResponseSchema), ...problems(401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createToken',
  summary:
    'Create a personal API token living at most 90 days (the default); the secret is shown once. Send it as Authorization: Bearer fourp_…',
  ...access('any user signed in with a session; an API token cannot create tokens'),
  request: { body: jsonBody(NewApiTokenRequestSchema) },
  responses: { 201: jsonResponse(NewApiTokenResponseSchema, 'Created'), ...problems(401, 403) },
});

const revoke = createRoute({
  method: 'delete',
  path: '/{id}',
  operationId: 'revokeToken',
  summary: 'Revoke an API token',
  ...access('its owner; admin'),
  request: { params: IdParamsSchema('token id') },
  responses: { 204: { description: 'Revoked' }, ...problems(401, 403, 404) },
});

export const tokenRoutes = (deps: WorkflowDeps) =>
  createRouter()
    .openapi(list, async (c) => {
      const principal = requireAllowed(c, 'token.manage');
      const tokens = (await listApiTokens(deps.db, principal.userId)).map(
        ({ userId: _u, ...token }) => token,
      );
      return c.json({ data: tokens, meta: { count: tokens.length } }, 200, NO_STORE);
    })
    .openapi(create, async (c) => {
      const { token, secret } = await createApiToken(deps, callerOf(c), c.req.valid('json'));
      const { userId: _u, ...shown } = token;
      return c.json({ data: { ...shown, secret } }, 201, NO_STORE);
    })
    .openapi(revoke, async (c) => {
      await revokeApiToken(deps, callerOf(c), c.req.valid('param'));
      return c.body(null, 204);
    });
