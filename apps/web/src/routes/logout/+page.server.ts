import { redirect } from '@sveltejs/kit';
import { clearSession, sessionApi } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/paraglide/runtime.js';

export const load = (({ locals }) => {
  if (!locals.user) redirect(303, localizeHref('/'));
  return {};
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    if (event.locals.user) await sessionApi(event).logout();
    clearSession(event.cookies, event.url);
    event.locals.user = null;
    redirect(303, localizeHref('/'));
  },
} satisfies Actions;
