import { serverApi } from '$lib/server/api';
import { sessionApi } from '$lib/server/session';
import { PER_MODES, isNormalisable } from '@fourp/domain';
import { districtChoices, focusFrom, neighbourhoodOf, treeOf } from '$lib/jurisdictions';
import { reportedJurisdictions, viewJurisdictions } from '$lib/series';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  const { fetch, params, url } = event;
  const api = serverApi(fetch);
  // Figures are read as the visitor, so a signed-in official also gets their own unpublished ones, marked.
  const asVisitor = sessionApi(event);
  const [indicator, observations, jurisdictions, targets, releases] = await Promise.all([
    api.indicator(params.id),
    asVisitor.observations({ indicator: params.id }),
    api.jurisdictions(),
    api.targets(),
    api.releases(),
  ]);
  const perCapita = isNormalisable(indicator.data);
  const requested = PER_MODES.find((mode) => mode === url.searchParams.get('per'));
  // Only counts have a choice of scale; for other measure types the API picks the one that applies.
  const per = perCapita ? (requested ?? '100k') : undefined;
  const tree = treeOf((await event.parent()).units);
  const base = focusFrom(url, tree);
  const neighbours = neighbourhoodOf(tree, base);
  const available = viewJurisdictions(base, neighbours);
  const compare = await api.compare({
    indicator: params.id,
    base,
    with: available.filter((id) => id !== base),
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
    base,
    available,
    defaults: url.searchParams.get('neighbours') === '1' ? neighbours : reportedJurisdictions(base),
    districts: districtChoices(tree),
    release: releases.data[0] ?? null,
  };
}) satisfies PageServerLoad;
