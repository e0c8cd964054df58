import { publicUnits } from '$lib/server/units';
import { serverApi } from '$lib/server/api';
import { sessionApi } from '$lib/server/session';
import { PER_MODES, STAND_IN_CHAIN, isNormalisable } from '@fourp/domain';
import { districtChoices, focusFrom, namedUnits, neighbourhoodOf, treeOf } from '$lib/jurisdictions';
import { reportedJurisdictions, viewJurisdictions } from '$lib/series';
import { selectedJurisdictions } from '$lib/url-state';
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
  const defaults = url.searchParams.get('neighbours') === '1' ? neighbours : reportedJurisdictions(base);
  // The page carries only the selected units' series (another selection loads the page again). The
  // comparison names only these (its stand-ins come from the chain), so both reads run at once.
  const selected = selectedJurisdictions(url.searchParams, { available, defaultJurisdictions: defaults });
  const drawn = new Set([...selected, ...STAND_IN_CHAIN]);
  const shown = [...new Set([...available, ...STAND_IN_CHAIN])];
  const others = selected.filter((id) => id !== base);
  // The API compares with at least one unit: a view of the base alone asks for one it does not draw.
  const compared = others.length > 0 ? others : available.filter((id) => id !== base).slice(0, 1);
  const [compare, observations] = await Promise.all([
    api.compare({ indicator: params.id, base, with: compared, per }),
    asVisitor.observations({ indicator: params.id, jurisdictions: shown, breakdown: 'total' }),
  ]);
  const ownTargets = targets.data.filter((target) => target.indicator === params.id);
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
  // Outside the sources tab the page reads only a figure's status and note (the comparison holds the rest)
  // and, for an official, their own unpublished figures in full.
  const sourcesTab = url.searchParams.get('tab') === 'sources';
  return {
    indicator: indicator.data,
    figures: observations.data
      .filter((observation) => drawn.has(observation.jurisdiction))
      .map(({ id, status, note }) => ({ id, status, note })),
    drafts: observations.data.filter((observation) => observation.workflowState !== 'published'),
    observations: sourcesTab ? observations.data : [],
    suppressionThreshold: observations.meta.suppressionThreshold,
    jurisdictions: namedUnits(jurisdictions.data.items.filter((unit) => named.has(unit.id))),
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
