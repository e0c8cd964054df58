import {
  EVENT_ACTIONS,
  INDICATORS,
  JURISDICTIONS,
  ObservationCorrectionRequestSchema,
  ObservationCreateRequestSchema,
  TransitionRequestSchema,
  WORKFLOW_EVENTS,
  applyWorkflowEvent,
  can,
  cellOf,
  validateObservation,
  type ObservationCell,
  type ValidationIssue,
  type WorkflowEventType,
  type WorkflowObservation,
  type WorkflowObservationResponse,
} from '@fourp/domain';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env.js';
import { actorOf, requireAllowed, requireUser } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { ApiError } from '../../errors.js';
import { findSource } from '../../repos/sources.js';
import { appendAudit, auditFor, lastSubmitter } from '../../repos/workflow/audit.js';
import {
  correctObservation,
  findOrCreateSource,
  findSameCell,
  findWorkflowObservation,
  insertObservation,
  listRevisions,
  previousYearValue,
  setWorkflowState,
  type SourceInput,
} from '../../repos/workflow/observations.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import {
  idParam,
  isUniqueViolation,
  optionalJson,
  validJson,
  workflowError,
  type WorkflowDeps,
} from './shared.js';
import { stepsFrom } from './steps.js';

/** What the audit log keeps of a figure before and after a change. */
export const auditView = (
  o: Pick<
    WorkflowObservation,
    'value' | 'status' | 'valueAsRead' | 'unitAsRead' | 'note' | 'workflowState' | 'locked'
  > & { sourceId: number },
) => ({
  value: o.value,
  status: o.status,
  valueAsRead: o.valueAsRead,
  unitAsRead: o.unitAsRead,
  note: o.note,
  sourceId: o.sourceId,
  workflowState: o.workflowState,
  locked: o.locked,
});

async function resolveSource(
  db: Db,
  ref: { sourceId?: number | undefined; source?: SourceInput | undefined },
): Promise<number> {
  if (ref.sourceId !== undefined) {
    if (!(await findSource(db, ref.sourceId))) {
      throw new ApiError('unknown_source', `There is no source ${ref.sourceId}.`, [
        { path: 'sourceId', message: `There is no source ${ref.sourceId}; give a new source instead.` },
      ]);
    }
    return ref.sourceId;
  }
  return (await findOrCreateSource(db, ref.source!)).source.id;
}

function requireComment(warnings: ValidationIssue[], comment: string | undefined) {
  if (warnings.length > 0 && !comment) {
    throw new ApiError(
      'validation_failed',
      'The value looks like an outlier; explain it in comment to save it.',
      [{ path: 'comment', message: warnings.map((w) => w.message).join(' ') }],
    );
  }
}

async function loadForWrite(db: Db, c: Context, id: number, action: Parameters<typeof requireAllowed>[1]) {
  requireUser(c);
  const observation = await findWorkflowObservation(db, id);
  if (!observation) throw new ApiError('not_found', `There is no observation ${id}.`);
  const principal = requireAllowed(c, action, { jurisdictionId: observation.jurisdiction });
  return { observation, principal };
}

export const observationWriteRoutes = ({ db, now }: WorkflowDeps) => {
  const respond = async (c: Context<AppEnv>, id: number, warnings: ValidationIssue[], status: 200 | 201) => {
    const data = (await findWorkflowObservation(db, id))!;
    const body: WorkflowObservationResponse = { data, meta: { warnings } };
    return c.json(body, status, { 'Cache-Control': 'no-store' });
  };

  const app = new Hono<AppEnv>()
    .post('/', validJson(ObservationCreateRequestSchema), async (c) => {
      requireUser(c);
      const { comment, ...input } = c.req.valid('json');
      const at = now();
      const cell: ObservationCell = {
        indicator: input.indicator,
        jurisdiction: input.jurisdiction,
        year: input.year,
        yearEnd: input.yearEnd ?? input.year,
        disaggregation: input.disaggregation,
        definition: input.definition,
      };
      const checked = validateObservation(input, {
        indicators: INDICATORS,
        jurisdictions: JURISDICTIONS,
        currentYear: at.getUTCFullYear(),
        previousValue: await previousYearValue(db, cell),
      });
      if (!checked.ok) throw ApiError.fromDomain(checked.error);
      const principal = requireAllowed(c, 'observation.create', { jurisdictionId: input.jurisdiction });
      const { warnings } = checked.value;
      requireComment(warnings, comment);
      const id = await inTransaction(db, async (tx) => {
        const sourceId = await resolveSource(tx, input);
        if ((await findSameCell(tx, cell, sourceId)) !== null) {
          throw new ApiError(
            'conflict',
            'This source already has a figure for this cell; correct it with PATCH instead.',
          );
        }
        const created = await insertObservation(
          tx,
          {
            ...cell,
            value: input.value,
            status: input.status,
            unitAsRead: input.unitAsRead ?? null,
            valueAsRead: input.valueAsRead ?? null,
            note: input.note ?? null,
            sourceId,
            workflowState: 'draft',
            createdBy: principal.userId,
          },
          at,
        );
        await appendAudit(
          tx,
          actorOf(c),
          {
            action: 'observation.create',
            entityType: 'observation',
            entityId: created,
            jurisdictionId: cell.jurisdiction,
            newValue: {
              ...cell,
              ...auditView({
                ...input,
                valueAsRead: input.valueAsRead ?? null,
                unitAsRead: input.unitAsRead ?? null,
                note: input.note ?? null,
                sourceId,
                workflowState: 'draft',
                locked: false,
              }),
              warnings: warnings.map((w) => w.message),
            },
            reason: comment ?? null,
          },
          at,
        );
        return created;
      });
      return respond(c, id, warnings, 201);
    })
    .patch('/:id', validJson(ObservationCorrectionRequestSchema), async (c) => {
      const id = idParam(c);
      const { observation: before, principal } = await loadForWrite(db, c, id, 'observation.update');
      const { reason, comment, sourceId, source, ...fields } = c.req.valid('json');
      if (sourceId !== undefined && source !== undefined) {
        throw new ApiError('validation_failed', 'Give either sourceId or source, not both.', [
          { path: 'sourceId', message: 'Give either sourceId or source, not both.' },
        ]);
      }
      const next = applyWorkflowEvent(
        { state: before.workflowState, locked: before.locked, submittedBy: null },
        { type: 'edit', actorId: principal.userId },
      );
      if (!next.ok) throw workflowError(next.error);
      const wasReviewed = before.workflowState === 'approved' || before.workflowState === 'published';
      if (wasReviewed && !reason) {
        throw new ApiError('validation_failed', 'Say why a reviewed figure is corrected.', [
          { path: 'reason', message: 'required when correcting an approved or published figure' },
        ]);
      }
      const at = now();
      const merged = { ...before, ...fields };
      const checked = validateObservation(
        {
          indicator: before.indicator,
          jurisdiction: before.jurisdiction,
          year: before.year,
          yearEnd: before.yearEnd,
          disaggregation: before.disaggregation,
          definition: before.definition,
          value: merged.value,
          status: merged.status,
          sourceId: sourceId ?? before.source.id,
        },
        {
          indicators: INDICATORS,
          jurisdictions: JURISDICTIONS,
          currentYear: at.getUTCFullYear(),
          previousValue: fields.value === undefined ? null : await previousYearValue(db, cellOf(before)),
        },
      );
      if (!checked.ok) throw ApiError.fromDomain(checked.error);
      requireComment(checked.value.warnings, comment);
      try {
        await inTransaction(db, async (tx) => {
          const newSourceId =
            sourceId === undefined && source === undefined
              ? before.source.id
              : await resolveSource(tx, { sourceId, source });
          const change = { ...fields, sourceId: newSourceId, workflowState: next.value.state };
          await correctObservation(
            tx,
            before,
            change,
            { reason: reason ?? comment ?? 'Corrected before review', by: principal.userId },
            at,
          );
          await appendAudit(
            tx,
            actorOf(c),
            {
              action: 'observation.update',
              entityType: 'observation',
              entityId: id,
              jurisdictionId: before.jurisdiction,
              oldValue: auditView({ ...before, sourceId: before.source.id }),
              newValue: auditView({
                ...merged,
                sourceId: newSourceId,
                workflowState: next.value.state,
                locked: false,
              }),
              reason: reason ?? comment ?? null,
            },
            at,
          );
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ApiError('conflict', 'That source already has a figure for this cell.');
        throw error;
      }
      return respond(c, id, checked.value.warnings, 200);
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

  for (const event of WORKFLOW_EVENTS.filter((e): e is Exclude<WorkflowEventType, 'edit'> => e !== 'edit')) {
    app.post(`/:id/${event}`, async (c) => {
      const id = idParam(c);
      const { observation, principal } = await loadForWrite(db, c, id, EVENT_ACTIONS[event]);
      const { reason, comment } = await optionalJson(c, TransitionRequestSchema);
      const next = applyWorkflowEvent(
        {
          state: observation.workflowState,
          locked: observation.locked,
          submittedBy: await lastSubmitter(db, id),
        },
        { type: event, actorId: principal.userId, reason },
      );
      if (!next.ok) throw workflowError(next.error);
      const at = now();
      await inTransaction(db, async (tx) => {
        await setWorkflowState(tx, id, { workflowState: next.value.state, locked: next.value.locked }, at);
        await appendAudit(
          tx,
          actorOf(c),
          {
            action: `observation.${event}`,
            entityType: 'observation',
            entityId: id,
            jurisdictionId: observation.jurisdiction,
            oldValue: { workflowState: observation.workflowState, locked: observation.locked },
            newValue: { workflowState: next.value.state, locked: next.value.locked },
            reason: reason?.trim() || comment || null,
          },
          at,
        );
      });
      return respond(c, id, [], 200);
    });
  }
  return app;
};
