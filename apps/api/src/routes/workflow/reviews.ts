import {
  ReviewQueueQuerySchema,
  WORKFLOW_STATES,
  descendantsOf,
  type ReviewQueueResponse,
} from '@fourp/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../../app.js';
import { requireAllowed } from '../../auth/guard.js';
import { validQuery } from '../../middleware/validate.js';
import { listWorkflowObservations } from '../../repos/workflow/observations.js';
import type { WorkflowDeps } from './shared.js';

/** Figures not yet published that the caller may see: a reviewer's queue, an official's drafts. */
export const reviewRoutes = ({ db }: WorkflowDeps) =>
  new Hono<AppEnv>().get('/', validQuery(ReviewQueueQuerySchema), async (c) => {
    const { state, jurisdiction } = c.req.valid('query');
    const principal = requireAllowed(c, 'observation.read_unpublished', { jurisdictionId: jurisdiction });
    const rows = await listWorkflowObservations(db, principal, {
      states: state ? [state] : WORKFLOW_STATES.filter((s) => s !== 'published'),
      jurisdictions: jurisdiction ? [jurisdiction, ...descendantsOf(jurisdiction)] : undefined,
    });
    const body: ReviewQueueResponse = { data: rows, meta: { count: rows.length } };
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });
