import { serverApi } from '$lib/server/api';
import { publicUser } from '$lib/server/session';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ fetch, locals }) => {
  const pillars = await serverApi(fetch).pillars();
  return { pillars: pillars.data, user: locals.user ? publicUser(locals.user) : null };
}) satisfies LayoutServerLoad;
