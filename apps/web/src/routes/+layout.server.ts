import { serverApi } from '$lib/server/api';
import { publicUser } from '$lib/server/session';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ fetch, locals }) => {
  const api = serverApi(fetch);
  // The nav must render even when the API is down, so that the page's own error can say what happened.
  const [pillars, units] = await Promise.all([
    api
      .pillars()
      .then((response) => response.data)
      .catch(() => []),
    api
      .jurisdictions()
      .then((response) => response.data.items)
      .catch(() => []),
  ]);
  return { pillars, units, user: locals.user ? publicUser(locals.user) : null };
}) satisfies LayoutServerLoad;
