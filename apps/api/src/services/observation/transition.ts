import {
  EVENT_ACTIONS,
  applyWorkflowEvent,
  type TransitionRequest,
  type WorkflowEventType,
  type WorkflowObservation,
} from '@fourp/domain';
import { ApiError } from '../../errors.js';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { appendAudit, figureAuthors } from '../../repos/workflow/audit.js';
import { setWorkflowState } from '../../repos/workflow/observations.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { permit, refreshPattern, workflowError, type Caller, type ServiceDeps } from '../caller.js';
import type { ObservationWritten } from './create.js';
import { requireObservation } from './figure.js';

export type TransitionEvent = Exclude<WorkflowEventType, 'edit'>;
export type TransitionInput = TransitionRequest & { id: number };
export type TransitionVerb = (
  deps: ServiceDeps,
  caller: Caller,
  input: TransitionInput,
) => Promise<ObservationWritten>;

type Planned = {
  observation: WorkflowObservation;
  next: { state: WorkflowObservation['workflowState']; locked: boolean };
};

/** Checks that `principal` may apply `event` to figure `id` now; throws the problem that says why not. */
async function plan(
  db: ServiceDeps['db'],
  principal: Caller['principal'],
  event: TransitionEvent,
  id: number,
  reason: string | undefined,
): Promise<Planned> {
  const observation = await requireObservation(db, id);
  permit(principal, EVENT_ACTIONS[event], {
    jurisdictionId: observation.jurisdiction,
    tree: jurisdictionTree(db),
    asOf: observation.yearEnd,
  });
  const next = applyWorkflowEvent(
    {
      state: observation.workflowState,
      locked: observation.locked,
      ...(await figureAuthors(db, id)),
    },
    { type: event, actorId: principal.userId, reason },
  );
  if (!next.ok) throw workflowError(next.error);
  return { observation, next: next.value };
}

/**
 * Applies one event to every planned figure in one transaction, with an audit entry each, and recomputes the
 * disclosure pattern once if any figure enters or leaves the published state.
 */
async function commit(
  deps: ServiceDeps,
  actor: Caller['actor'],
  event: TransitionEvent,
  planned: readonly Planned[],
  { reason, comment }: TransitionRequest,
): Promise<void> {
  const at = deps.now();
  await inTransaction(deps.db, async (tx) => {
    for (const { observation, next } of planned) {
      await setWorkflowState(tx, observation.id, { workflowState: next.state, locked: next.locked }, at);
      await appendAudit(
        tx,
        actor,
        {
          action: `observation.${event}`,
          entityType: 'observation',
          entityId: observation.id,
          jurisdictionId: observation.jurisdiction,
          oldValue: { workflowState: observation.workflowState, locked: observation.locked },
          newValue: { workflowState: next.state, locked: next.locked },
          reason: reason?.trim() || comment || null,
        },
        at,
      );
    }
    const visible = planned.filter(
      ({ observation, next }) => observation.workflowState === 'published' || next.state === 'published',
    );
    if (visible.length > 0) {
      refreshPattern(tx, deps, at, { observationIds: visible.map(({ observation }) => observation.id) });
    }
  });
}

/** The verb that moves a figure along the workflow by `event`, as the domain's state machine allows. */
const transition =
  (event: TransitionEvent): TransitionVerb =>
  async (deps, { principal, actor }, { id, ...request }) => {
    const planned = await plan(deps.db, principal, event, id, request.reason);
    await commit(deps, actor, event, [planned], request);
    return { observation: await requireObservation(deps.db, id), warnings: [] };
  };

export type BatchTransitionInput = TransitionRequest & { event: TransitionEvent; ids: readonly number[] };

/**
 * Moves several figures by the same event, all or none: every figure is checked first, and the first one that
 * may not move is named in the problem; only then are all moved in one transaction.
 */
export async function transitionMany(
  deps: ServiceDeps,
  { principal, actor }: Caller,
  { event, ids, ...request }: BatchTransitionInput,
): Promise<WorkflowObservation[]> {
  const unique = [...new Set(ids)];
  const planned: Planned[] = [];
  for (const id of unique) {
    try {
      planned.push(await plan(deps.db, principal, event, id, request.reason));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const why = error.localised ?? { en: error.message, ur: error.message };
      throw new ApiError(
        error.code,
        {
          en: `Figure ${id}: ${why.en} Nothing was changed.`,
          ur: `عدد ${id}: ${why.ur} کچھ تبدیل نہیں کیا گیا۔`,
        },
        [{ path: `ids.${ids.indexOf(id)}`, message: error.message, localised: why }],
      );
    }
  }
  await commit(deps, actor, event, planned, request);
  return Promise.all(unique.map((id) => requireObservation(deps.db, id)));
}

export const submitObservation = transition('submit');
export const approveObservation = transition('approve');
export const rejectObservation = transition('reject');
export const publishObservation = transition('publish');
export const unlockObservation = transition('unlock');

export const TRANSITIONS: Record<TransitionEvent, TransitionVerb> = {
  submit: submitObservation,
  approve: approveObservation,
  reject: rejectObservation,
  publish: publishObservation,
  unlock: unlockObservation,
};
