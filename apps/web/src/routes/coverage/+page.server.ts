import { PILLAR_IDS } from '@fourp/domain';
import { serverApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, url }) => {
  const api = serverApi(fetch);
  const pillar = PILLAR_IDS.find((id) => id === url.searchParams.get('pillar'));
  const [coverage, indicators, jurisdictions] = await Promise.all([
    api.coverage(pillar ? { pillar } : {}),
    api.indicators({ pillar }),
    api.jurisdictions(),
  ]);
  return {
    pillar: pillar ?? null,
    cells: coverage.data,
    summary: coverage.meta,
    indicators: indicators.data,
    jurisdictions: jurisdictions.data.items,
  };
}) satisfies PageServerLoad;
