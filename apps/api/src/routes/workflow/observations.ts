import { createRoute } from '@hono/zod-openapi';
import {
  BatchTransitionRequestSchema,
  BatchTransitionResponseSchema,
  ObservationCorrectionRequestSchema,
  ObservationCreateRequestSchema,
  ObservationHistoryResponseSchema,
  TransitionRequestSchema,
  WorkflowObservationResponseSchema,
  type BatchTransitionResponse,
  type ObservationHistoryResponse,
  type WorkflowObservationResponse,
} from '@fourp/domain';
import { callerOf, requireUser } from './guard.js';
import { jsonBody, jsonResponse, problems } from '../../openapi/responses.js';
import { createRouter } from '../../openapi/router.js';
import { createObservation, type ObservationWritten } from '../../services/observation/create.js';
import { correctObservation } from '../../services/observation/correct.js';
import { TRANSITIONS, transitionMany, type TransitionEvent } from '../../services/observation/transition.js';
import { readFigureHistory } from '../../services/published/history.js';
import { ENTRY, NO_STORE, ObservationParamsSchema, REVIEWERS, access, type WorkflowDeps } from './shared.js';
import { stepsFrom } from './steps.js';

const written = ({ observation, warnings }: ObservationWritten) =>
  ({ data: observation, meta: { warnings } }) satisfies WorkflowObservationResponse;

const create = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createObservation',
  summary: 'Enter a figure as a draft, with an existing sourceId or a new source; an outlier needs a comment',
  ...access(ENTRY),
  request: { body: jsonBody(ObservationCreateRequestSchema) },
  responses: {
    201: jsonResponse(WorkflowObservationResponseSchema, 'Created'),
    ...problems(401, 403, 404, 409),
  },
});

const correct = createRoute({
  method: 'patch',
  path: '/{id}',
  operationId: 'correctObservation',
  summary: 'Correct a draft, rejected or unlocked figure; the previous value is kept as a revision',
  ...access(ENTRY),
  request: { params: ObservationParamsSchema, body: jsonBody(ObservationCorrectionRequestSchema) },
  responses: { 200: jsonResponse(WorkflowObservationResponseSchema), ...problems(401, 403, 404, 409) },
});

const history = createRoute({
  method: 'get',
  path: '/{id}/history',
  operationId: 'observationHistory',
  summary:
    'Workflow steps, revisions and audit entries of a figure; a suppressed figure keeps its values hidden ' +
    'from callers outside its jurisdiction',
  ...access(`${ENTRY}; donor and researcher for published figures`),
  request: { params: ObservationParamsSchema },
  responses: { 200: jsonResponse(ObservationHistoryResponseSchema), ...problems(401, 403, 404) },
});

const TRANSITION_DOCS: Record<TransitionEvent, { summary: string; who: string }> = {
  submit: { summary: 'Submit a draft or rejected figure for review', who: ENTRY },
  approve: {
    summary: 'Approve a submitted figure (locks it); not by the person who submitted it',
    who: REVIEWERS,
  },
  reject: { summary: 'Send a submitted figure back to its submitter; reason required', who: REVIEWERS },
  publish: {
    summary: 'Publish an approved figure; the public API shows published figures only',
    who: REVIEWERS,
  },
  unlock: {
    summary: 'Unlock an approved or published figure for correction; reason required',
    who: REVIEWERS,
  },
};

const transition = (event: TransitionEvent) =>
  createRoute({
    method: 'post',
    path: `/{id}/${event}`,
    operationId: `${event}Observation`,
    summary: TRANSITION_DOCS[event].summary,
    ...access(TRANSITION_DOCS[event].who),
    request: {
      params: ObservationParamsSchema,
      body: { required: false, content: { 'application/json': { schema: TransitionRequestSchema } } },
    },
    responses: { 200: jsonResponse(WorkflowObservationResponseSchema), ...problems(401, 403, 404, 409) },
  });

const batch = createRoute({
  method: 'post',
  path: '/transitions',
  operationId: 'transitionObservations',
  summary:
    'Apply one workflow step (submit, approve, reject, publish, unlock) to several figures, all or none; ' +
    'the problem names the first figure that may not move',
  ...access(`${ENTRY} for submit; ${REVIEWERS} for the other steps`),
  request: { body: jsonBody(BatchTransitionRequestSchema) },
  responses: {
    200: jsonResponse(BatchTransitionResponseSchema),
    ...problems(400, 401, 403, 404, 409),
  },
});

export const observationWriteRoutes = (deps: WorkflowDeps) => {
  const app = createRouter()
    .openapi(batch, async (c) => {
      const data = await transitionMany(deps, callerOf(c), c.req.valid('json'));
      const body: BatchTransitionResponse = { data, meta: { count: data.length } };
      return c.json(body, 200, NO_STORE);
    })
    .openapi(create, async (c) => {
      const result = await createObservation(deps, callerOf(c), c.req.valid('json'));
      return c.json(written(result), 201, NO_STORE);
    })
    .openapi(correct, async (c) => {
      const { id } = c.req.valid('param');
      const result = await correctObservation(deps, callerOf(c), { ...c.req.valid('json'), id });
      return c.json(written(result), 200, NO_STORE);
    })
    .openapi(history, async (c) => {
      const { id } = c.req.valid('param');
      const { observation, revisions, audit } = await readFigureHistory(deps, requireUser(c), id);
      const body: ObservationHistoryResponse = {
        data: { observation, steps: stepsFrom(audit), revisions, audit },
      };
      return c.json(body, 200, NO_STORE);
    });

  for (const [event, verb] of Object.entries(TRANSITIONS) as [
    TransitionEvent,
    (typeof TRANSITIONS)[TransitionEvent],
  ][]) {
    app.openapi(transition(event), async (c) => {
      const { id } = c.req.valid('param');
      const result = await verb(deps, callerOf(c), { ...c.req.valid('json'), id });
      return c.json(written(result), 200, NO_STORE);
    });
  }
  return app;
};
