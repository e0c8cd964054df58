import { serverApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch }) => {
  const [indicators, coverage] = await Promise.all([
    serverApi(fetch).indicators(),
    serverApi(fetch).coverage(),
  ]);
  return { indicators: indicators.data, withoutData: coverage.meta.indicatorsWithoutData };
}) satisfies PageServerLoad;
