import { serverApi } from '$lib/server/api';
import { publicUser } from '$lib/server/session';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ fetch, locals }) => {
  // The nav must render even when the API is down, so that the page's own error can say what happened.
  const pillars = await serverApi(fetch)
    .pillars()
    .then((response) => response.data)
    .catch(() => []);
  return { pillars, user: locals.user ? publicUser(locals.user) : null };
}) satisfies LayoutServerLoad;
