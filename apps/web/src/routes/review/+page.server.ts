import { publicUnits } from '$lib/server/units';
import { requireAction, sessionApi } from '$lib/server/session';
import { workflowActions } from '$lib/workflow/transition.server';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const me = requireAction(event, 'observation.approve');
  const api = sessionApi(event);
  const [submitted, approved, units] = await Promise.all([
    api.reviews({ state: 'submitted' }),
    api.reviews({ state: 'approved' }),
    publicUnits(event.fetch),
  ]);
  return { submitted: submitted.data, approved: approved.data, allowed: me.actions, me: me.user.id, units };
}) satisfies PageServerLoad;

export const actions = workflowActions(['approve', 'reject', 'publish', 'unlock']) satisfies Actions;
