import { publicUnits } from '$lib/server/units';
import { m } from '$lib/paraglide/messages.js';
import { MIN_REASON_LENGTH } from '@fourp/domain';
import { error, fail } from '@sveltejs/kit';
import { failWith } from '$lib/api/problem';
import { requireAction, requireSignedIn, sessionApi } from '$lib/server/session';
import { errorsByField, numberOrUndefined, text } from '$lib/workflow/forms';
import { workflowActions } from '$lib/workflow/transition.server';
import type { Actions, PageServerLoad } from './$types';

const idOf = (raw: string) => {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) error(404, { message: m.history_notFound({ id: raw }) });
  return id;
};

export const load = (async (event) => {
  const me = requireSignedIn(event);
  const id = idOf(event.params.id);
  const [history, units] = await Promise.all([
    sessionApi(event).observationHistory(id),
    publicUnits(event.fetch),
  ]);
  return { ...history.data, allowed: me.actions, units };
}) satisfies PageServerLoad;

export const actions = {
  ...workflowActions(['submit', 'approve', 'reject', 'publish', 'unlock']),
  correct: async (event) => {
    requireAction(event, 'observation.update');
    const id = idOf(event.params.id);
    const form = await event.request.formData();
    const values = { value: text(form, 'value'), reason: text(form, 'reason') };
    const value = numberOrUndefined(values.value);
    const issues = [];
    if (value === undefined || !Number.isFinite(value)) {
      issues.push({ path: 'value', message: m.history_correctValue() });
    }
    if (values.reason.length > 0 && values.reason.length < MIN_REASON_LENGTH) {
      issues.push({ path: 'reason', message: m.workflow_reasonRequired({ min: MIN_REASON_LENGTH }) });
    }
    if (issues.length > 0)
      return fail(400, { correct: true, values, errors: errorsByField(issues), message: null });
    const result = await sessionApi(event).correctObservation(id, {
      value,
      ...(values.reason.length >= MIN_REASON_LENGTH ? { reason: values.reason } : {}),
      ...(values.reason === '' ? {} : { comment: values.reason }),
    });
    if (!result.ok) {
      return failWith(
        result.problem,
        { correct: true, values },
        { fieldOf: (path) => (path === 'comment' ? 'reason' : path), fields: ['value', 'reason'] },
      );
    }
    return { corrected: true };
  },
} satisfies Actions;
