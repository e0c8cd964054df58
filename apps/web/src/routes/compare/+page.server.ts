import { serverApi } from '$lib/server/api';
import { BASE_JURISDICTION, BENCHMARK_IDS, isNormalisable } from '@fourp/domain';
import { VIEW_JURISDICTIONS } from '$lib/series';
import { parseCompareView } from '$lib/url-state';
import type { PageServerLoad } from './$types';

const MAX_COMPARED_INDICATORS = 6;
const DEFAULT_INDICATORS = ['victims_identified', 'persons_convicted'];
const DEFAULT_JURISDICTIONS = [BASE_JURISDICTION, 'PK', ...BENCHMARK_IDS];

export const load = (async ({ fetch, url }) => {
  const api = serverApi(fetch);
  const [indicators, jurisdictions] = await Promise.all([api.indicators(), api.jurisdictions()]);
  const state = parseCompareView(url.searchParams, {
    indicators: indicators.data.map((indicator) => indicator.id),
    jurisdictions: VIEW_JURISDICTIONS,
    defaultIndicators: DEFAULT_INDICATORS,
    defaultJurisdictions: DEFAULT_JURISDICTIONS,
  });
  const chosen = state.indicators.slice(0, MAX_COMPARED_INDICATORS);
  const others = state.jurisdictions.filter((id) => id !== BASE_JURISDICTION);
  const results = await Promise.all(
    chosen.map(async (id) => {
      const indicator = indicators.data.find((item) => item.id === id);
      const compare = await api.compare({
        indicator: id,
        base: BASE_JURISDICTION,
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
  };
}) satisfies PageServerLoad;
