import { serverApi } from '$lib/server/api';
import { BASE, VIEW_JURISDICTIONS } from '$lib/series';
import { parseCompareView } from '$lib/url-state';
import type { PageServerLoad } from './$types';

const MAX_COMPARED_INDICATORS = 6;
const DEFAULT_INDICATORS = ['victims_identified', 'persons_convicted'];
const DEFAULT_JURISDICTIONS = ['PK-PB-GUJRAT', 'PK', 'IT', 'ES'];

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
  const others = state.jurisdictions.filter((id) => id !== BASE);
  const results = await Promise.all(
    chosen.map(async (id) => {
      const indicator = indicators.data.find((item) => item.id === id);
      const normalisable = indicator?.measureType === 'count' && indicator.perCapita;
      const compare = await api.compare({
        indicator: id,
        base: BASE,
        with: others.length > 0 ? others : ['IT', 'ES'],
        per: normalisable ? state.per : undefined,
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
