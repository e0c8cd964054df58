import { m } from '$lib/paraglide/messages.js';
import { EVENT_ACTIONS, MIN_REASON_LENGTH, type WorkflowEventType } from '@fourp/domain';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { requireAction, sessionApi } from '$lib/server/session';
import { text } from './forms';

type TransitionEvent = Exclude<WorkflowEventType, 'edit'>;
const NEEDS_REASON: readonly TransitionEvent[] = ['reject', 'unlock'];

/** One form action per workflow step: `POST /v1/observations/:id/<step>` as the signed-in user. */
function transition(step: TransitionEvent) {
  return async (event: RequestEvent) => {
    requireAction(event, EVENT_ACTIONS[step]);
    const form = await event.request.formData();
    const id = Number(text(form, 'id'));
    const reason = text(form, 'reason');
    const failure = (status: number, message: string, reasonError: string | null = null) =>
      fail(status, { actionFor: id, actionStep: step, actionMessage: message, reasonError, reason });
    if (!Number.isInteger(id) || id <= 0) return failure(400, m.workflow_unknownFigure());
    if (NEEDS_REASON.includes(step) && reason.length < MIN_REASON_LENGTH) {
      const message = m.workflow_reasonRequired({ min: MIN_REASON_LENGTH });
      return failure(400, message, message);
    }
    const result = await sessionApi(event).transition(id, step, reason === '' ? {} : { reason });
    if (!result.ok) {
      const reasonError = result.problem.errors?.find((e) => e.path.endsWith('reason'))?.message ?? null;
      return failure(result.problem.status, result.problem.detail, reasonError);
    }
    return { done: step, doneFor: id, state: result.data.data.workflowState };
  };
}

/** The form actions for the given workflow steps, to spread into a page's `actions`. */
export const workflowActions = <const S extends readonly TransitionEvent[]>(steps: S) =>
  Object.fromEntries(steps.map((step) => [step, transition(step)])) as Record<
    S[number],
    ReturnType<typeof transition>
  >;
