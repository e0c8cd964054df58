import { publicUnits } from '$lib/server/units';
import { PILLAR_IDS } from '@fourp/domain';
import { districtChoices, focusFrom, neighbourhoodOf, treeOf } from '$lib/jurisdictions';
import { serverApi } from '$lib/server/api';
import { viewJurisdictions } from '$lib/series';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, url }) => {
  const api = serverApi(fetch);
  const pillar = PILLAR_IDS.find((id) => id === url.searchParams.get('pillar'));
  const [coverage, indicators, jurisdictions] = await Promise.all([
    api.coverage(pillar ? { pillar } : {}),
    api.indicators({ pillar }),
    api.jurisdictions(),
  ]);
  const tree = treeOf(await publicUnits(fetch));
  const base = focusFrom(url, tree);
  const withNeighbours = url.searchParams.get('neighbours') === '1';
  return {
    pillar: pillar ?? null,
    cells: coverage.data,
    summary: coverage.meta,
    indicators: indicators.data,
    jurisdictions: jurisdictions.data.items,
    base,
    withNeighbours,
    districts: districtChoices(tree),
    columns: viewJurisdictions(base, withNeighbours ? neighbourhoodOf(tree, base) : []),
  };
}) satisfies PageServerLoad;
