import {
  EVENT_ACTIONS,
  applyWorkflowEvent,
  type TransitionRequest,
  type WorkflowEventType,
} from '@fourp/domain';
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

/** The verb that moves a figure along the workflow by `event`, as the domain's state machine allows. */
const transition =
  (event: TransitionEvent): TransitionVerb =>
  async (deps, { principal, actor }, { id, reason, comment }) => {
    const { db, now } = deps;
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
    const at = now();
    await inTransaction(db, async (tx) => {
      await setWorkflowState(tx, id, { workflowState: next.value.state, locked: next.value.locked }, at);
      await appendAudit(
        tx,
        actor,
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
      if (observation.workflowState === 'published' || next.value.state === 'published') {
        refreshPattern(tx, deps, at);
      }
    });
    return { observation: await requireObservation(db, id), warnings: [] };
  };

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
