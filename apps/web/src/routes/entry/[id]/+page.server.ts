import { ObservationHistoryResponseSchema } from '@fourp/domain';
import { error } from '@sveltejs/kit';
import { requireSignedIn, sessionGet } from '$lib/server/session';
import { t } from '$lib/i18n/messages';
import { workflowActions } from '$lib/workflow/transition.server';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const me = requireSignedIn(event);
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id <= 0) error(404, { message: t('history.notFound', { id: event.params.id }) });
  const history = await sessionGet(event, `/v1/observations/${id}/history`, ObservationHistoryResponseSchema);
  return { ...history.data, allowed: me.actions };
}) satisfies PageServerLoad;

export const actions = workflowActions(['submit', 'approve', 'reject', 'publish', 'unlock']) satisfies Actions;
