import { createRoute } from '@hono/zod-openapi';
import { ReviewQueueQuerySchema, ReviewQueueResponseSchema, type ReviewQueueResponse } from '@fourp/domain';
import { requireAllowed } from './guard.js';
import { jsonResponse, problems } from '../../openapi/responses.js';
import { createRouter } from '../../openapi/router.js';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { readReviewQueue } from '../../services/observation/queue.js';
import { ENTRY, NO_STORE, access, type WorkflowDeps } from './shared.js';

const queue = createRoute({
  method: 'get',
  path: '/',
  operationId: 'reviewQueue',
  summary: 'Unpublished figures you may see: a reviewer’s queue, an official’s drafts',
  ...access(ENTRY),
  request: { query: ReviewQueueQuerySchema },
  responses: { 200: jsonResponse(ReviewQueueResponseSchema), ...problems(401, 403) },
});

/**
 * Figures not yet published that the caller may see: a reviewer's queue, an official's drafts. Each comes with
 * the cell's published value for the previous year and the outlier warning against it.
 */
export const reviewRoutes = ({ db }: WorkflowDeps) =>
  createRouter().openapi(queue, async (c) => {
    const { state, jurisdiction } = c.req.valid('query');
    const tree = jurisdictionTree(db);
    const principal = requireAllowed(
      c,
      'observation.read_unpublished',
      jurisdiction === undefined ? {} : { jurisdictionId: jurisdiction, tree },
    );
    const data = await readReviewQueue(db, principal, { state, within: jurisdiction, tree });
    const body: ReviewQueueResponse = { data, meta: { count: data.length } };
    return c.json(body, 200, NO_STORE);
  });
