import { serverApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch }) => {
  const api = serverApi(fetch);
  const [measures, jurisdictions] = await Promise.all([api.measures(), api.jurisdictions()]);
  return { measures: measures.data, rubric: measures.meta.rubric, jurisdictions: jurisdictions.data.items };
}) satisfies PageServerLoad;
