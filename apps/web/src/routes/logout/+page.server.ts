import { redirect } from '@sveltejs/kit';
import { clearSession, sessionApi } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals }) => {
  if (!locals.user) redirect(303, '/');
  return {};
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    if (event.locals.user) await sessionApi(event).logout();
    clearSession(event.cookies, event.url);
    event.locals.user = null;
    redirect(303, '/');
  },
} satisfies Actions;
