import { serverApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch }) => {
  const [indicators, coverage] = await Promise.all([
    serverApi(fetch).indicators(),
    serverApi(fetch).coverageTotals(),
  ]);
  return { indicators: indicators.data, withoutData: coverage.indicatorsWithoutData };
}) satisfies PageServerLoad;
