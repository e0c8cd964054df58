import { publicUnits } from '$lib/server/units';
import { serverApi } from '$lib/server/api';
import { BENCHMARK_IDS, isNormalisable } from '@fourp/domain';
import { districtChoices, focusFrom, neighbourhoodOf, treeOf } from '$lib/jurisdictions';
import { viewJurisdictions } from '$lib/series';
import { parseCompareView } from '$lib/url-state';
import type { PageServerLoad } from './$types';

const MAX_COMPARED_INDICATORS = 6;
const DEFAULT_INDICATORS = ['victims_identified', 'persons_convicted'];

export const load = (async ({ fetch, url }) => {
  const api = serverApi(fetch);
  const [indicators, jurisdictions] = await Promise.all([api.indicators(), api.jurisdictions()]);
  const tree = treeOf(await publicUnits(fetch));
  const base = focusFrom(url, tree);
  const withNeighbours = url.searchParams.get('neighbours') === '1';
  const neighbours = neighbourhoodOf(tree, base);
  const available = viewJurisdictions(base, neighbours);
  const state = parseCompareView(url.searchParams, {
    indicators: indicators.data.map((indicator) => indicator.id),
    jurisdictions: available,
    defaultIndicators: DEFAULT_INDICATORS,
    defaultJurisdictions: withNeighbours ? neighbours : [base, 'PK', ...BENCHMARK_IDS],
  });
  const chosen = state.indicators.slice(0, MAX_COMPARED_INDICATORS);
  const others = state.jurisdictions.filter((id) => id !== base);
  const results = await Promise.all(
    chosen.map(async (id) => {
      const indicator = indicators.data.find((item) => item.id === id);
      const compare = await api.compare({
        indicator: id,
        base,
        with: others.length > 0 ? others : [...BENCHMARK_IDS],
        per: indicator && isNormalisable(indicator) ? state.per : undefined,
      });
      return compare.data;
    }),
  );
  return {
    state,
    truncated: state.indicators.length > chosen.length,
    indicators: indicators.data,
    jurisdictions: jurisdictions.data.items,
    maxIndicators: MAX_COMPARED_INDICATORS,
    results,
    base,
    withNeighbours,
    available,
    districts: districtChoices(tree),
  };
}) satisfies PageServerLoad;
