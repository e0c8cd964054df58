import { requireAction, sessionApi } from '$lib/server/session';
import { workflowActions } from '$lib/workflow/transition.server';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const me = requireAction(event, 'observation.approve');
  const api = sessionApi(event);
  const [submitted, approved] = await Promise.all([
    api.reviews({ state: 'submitted' }),
    api.reviews({ state: 'approved' }),
  ]);
  return { submitted: submitted.data, approved: approved.data, allowed: me.actions, me: me.user.id };
}) satisfies PageServerLoad;

export const actions = workflowActions(['approve', 'reject', 'publish', 'unlock']) satisfies Actions;
