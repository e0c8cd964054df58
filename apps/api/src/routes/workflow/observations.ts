import {
  ObservationCorrectionRequestSchema,
  ObservationCreateRequestSchema,
  TransitionRequestSchema,
  can,
  type WorkflowObservationResponse,
} from '@fourp/domain';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env.js';
import { callerOf, requireAllowed, requireUser } from '../../auth/guard.js';
import { ApiError } from '../../errors.js';
import { auditFor } from '../../repos/workflow/audit.js';
import { findWorkflowObservation, listRevisions } from '../../repos/workflow/observations.js';
import { createObservation, type ObservationWritten } from '../../services/observation/create.js';
import { correctObservation } from '../../services/observation/correct.js';
import {
  TRANSITIONS,
  type TransitionEvent,
  type TransitionVerb,
} from '../../services/observation/transition.js';
import { idParam, optionalJson, validJson, type WorkflowDeps } from './shared.js';
import { stepsFrom } from './steps.js';

const respond = (c: Context<AppEnv>, { observation, warnings }: ObservationWritten, status: 200 | 201) => {
  const body: WorkflowObservationResponse = { data: observation, meta: { warnings } };
  return c.json(body, status, { 'Cache-Control': 'no-store' });
};

export const observationWriteRoutes = (deps: WorkflowDeps) => {
  const { db } = deps;
  const app = new Hono<AppEnv>()
    .post('/', validJson(ObservationCreateRequestSchema), async (c) =>
      respond(c, await createObservation(deps, callerOf(c), c.req.valid('json')), 201),
    )
    .patch('/:id', validJson(ObservationCorrectionRequestSchema), async (c) => {
      const id = idParam(c);
      return respond(c, await correctObservation(deps, callerOf(c), { ...c.req.valid('json'), id }), 200);
    })
    .get('/:id/history', async (c) => {
      const id = idParam(c);
      const principal = requireUser(c);
      const observation = await findWorkflowObservation(db, id);
      const visible =
        observation !== null &&
        (observation.workflowState === 'published' ||
          can(principal, 'observation.read_unpublished', { jurisdictionId: observation.jurisdiction }));
      if (!observation || !visible) throw new ApiError('not_found', `There is no observation ${id}.`);
      requireAllowed(c, 'observation.history', { jurisdictionId: observation.jurisdiction });
      const audit = await auditFor(db, 'observation', id);
      const revisions = await listRevisions(db, observation);
      return c.json({ data: { observation, steps: stepsFrom(audit), revisions, audit } }, 200, {
        'Cache-Control': 'no-store',
      });
    });

  for (const [event, verb] of Object.entries(TRANSITIONS) as [TransitionEvent, TransitionVerb][]) {
    app.post(`/:id/${event}`, async (c) => {
      const id = idParam(c);
      const caller = callerOf(c);
      const body = await optionalJson(c, TransitionRequestSchema);
      return respond(c, await verb(deps, caller, { ...body, id }), 200);
    });
  }
  return app;
};
