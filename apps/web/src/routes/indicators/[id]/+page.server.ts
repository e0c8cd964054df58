import { serverApi } from '$lib/server/api';
import { sessionApi } from '$lib/server/session';
import { BASE_JURISDICTION, PER_MODES, isNormalisable } from '@fourp/domain';
import { VIEW_JURISDICTIONS } from '$lib/series';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  const { fetch, params, url } = event;
  const api = serverApi(fetch);
  // Figures are read as the visitor, so a signed-in official also gets their own unpublished ones, marked.
  const asVisitor = sessionApi(event);
  const [indicator, observations, jurisdictions, targets] = await Promise.all([
    api.indicator(params.id),
    asVisitor.observations({ indicator: params.id }),
    api.jurisdictions(),
    api.targets(),
  ]);
  const perCapita = isNormalisable(indicator.data);
  const requested = PER_MODES.find((mode) => mode === url.searchParams.get('per'));
  // Only counts have a choice of scale; for other measure types the API picks the one that applies.
  const per = perCapita ? (requested ?? '100k') : undefined;
  const compare = await api.compare({
    indicator: params.id,
    base: BASE_JURISDICTION,
    with: VIEW_JURISDICTIONS.filter((id) => id !== BASE_JURISDICTION),
    per,
  });
  return {
    indicator: indicator.data,
    observations: observations.data,
    suppressionThreshold: observations.meta.suppressionThreshold,
    jurisdictions: jurisdictions.data.items,
    compare: compare.data,
    perCapita,
    targets: targets.data.filter((target) => target.indicator === params.id),
  };
}) satisfies PageServerLoad;
