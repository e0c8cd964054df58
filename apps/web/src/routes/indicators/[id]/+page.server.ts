import { publicUnits } from '$lib/server/units';
import { serverApi } from '$lib/server/api';
import { sessionApi } from '$lib/server/session';
import { PER_MODES, STAND_IN_CHAIN, isNormalisable } from '@fourp/domain';
import { districtChoices, focusFrom, neighbourhoodOf, treeOf } from '$lib/jurisdictions';
import { reportedJurisdictions, viewJurisdictions } from '$lib/series';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  const { fetch, params, url } = event;
  const api = serverApi(fetch);
  // Figures are read as the visitor, so a signed-in official also gets their own unpublished ones, marked.
  const asVisitor = sessionApi(event);
  const [indicator, jurisdictions, targets, releases, units] = await Promise.all([
    api.indicator(params.id),
    api.jurisdictions(),
    api.targets(),
    api.releases(),
    publicUnits(fetch),
  ]);
  const perCapita = isNormalisable(indicator.data);
  const requested = PER_MODES.find((mode) => mode === url.searchParams.get('per'));
  // Only counts have a choice of scale; for other measure types the API picks the one that applies.
  const per = perCapita ? (requested ?? '100k') : undefined;
  const tree = treeOf(units);
  const base = focusFrom(url, tree);
  const neighbours = neighbourhoodOf(tree, base);
  const available = viewJurisdictions(base, neighbours);
  // The comparison names only these (its stand-ins come from the chain), so both reads run at once.
  const shown = [...new Set([...available, ...STAND_IN_CHAIN])];
  const [compare, observations] = await Promise.all([
    api.compare({ indicator: params.id, base, with: available.filter((id) => id !== base), per }),
    asVisitor.observations({ indicator: params.id, jurisdictions: shown, breakdown: 'total' }),
  ]);
  const ownTargets = targets.data.filter((target) => target.indicator === params.id);
  const defaults = url.searchParams.get('neighbours') === '1' ? neighbours : reportedJurisdictions(base);
  const { comparison, standIn } = compare.data;
  // The page names only these units; the rest of the list would be serialised for nothing.
  const named = new Set([
    ...available,
    ...defaults,
    ...STAND_IN_CHAIN,
    comparison.base,
    ...comparison.benchmarks,
    ...(standIn ? [standIn.for, standIn.used] : []),
    ...observations.data.map((observation) => observation.jurisdiction),
    ...ownTargets.map((target) => target.jurisdiction),
  ]);
  return {
    indicator: indicator.data,
    observations: observations.data,
    suppressionThreshold: observations.meta.suppressionThreshold,
    jurisdictions: jurisdictions.data.items.filter((unit) => named.has(unit.id)),
    compare: compare.data,
    perCapita,
    targets: ownTargets,
    base,
    available,
    defaults,
    districts: districtChoices(tree),
    release: releases.data[0] ?? null,
  };
}) satisfies PageServerLoad;
