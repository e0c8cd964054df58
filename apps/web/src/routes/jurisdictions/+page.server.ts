import { serverApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

const AS_OF = /^\d{4}(-\d{2}-\d{2})?$/;

export const load = (async ({ fetch, url }) => {
  const requested = url.searchParams.get('asOf')?.trim() ?? '';
  const asOf = AS_OF.test(requested) ? requested : null;
  const answer = await serverApi(fetch).jurisdictions(asOf === null ? {} : { asOf });
  return { asOf, tree: answer.data.tree, count: answer.meta.count };
}) satisfies PageServerLoad;
