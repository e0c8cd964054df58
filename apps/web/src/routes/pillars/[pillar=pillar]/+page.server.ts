import { publicUnits } from '$lib/server/units';
import { error } from '@sveltejs/kit';
import { serverApi } from '$lib/server/api';
import { BENCHMARK_IDS, STAND_IN_CHAIN } from '@fourp/domain';
import { besideFrom, districtChoices, focusFrom, treeOf } from '$lib/jurisdictions';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

const PILLAR_JURISDICTIONS = [...STAND_IN_CHAIN.slice(1), ...BENCHMARK_IDS];

export const load = (async ({ fetch, params, url }) => {
  const api = serverApi(fetch);
  const pillar = params.pillar;
  const tree = treeOf(await publicUnits(fetch));
  const base = focusFrom(url, tree);
  const withNeighbours = url.searchParams.get('neighbours') === '1';
  const beside = withNeighbours ? besideFrom(url, tree, base) : [];
  const indicatorsWithCompares = api.indicators({ pillar }).then(async (list) => ({
    indicators: list.data,
    compares: await Promise.all(
      list.data.map(
        async (indicator) =>
          (await api.compare({ indicator: indicator.id, base, with: PILLAR_JURISDICTIONS })).data,
      ),
    ),
  }));
  const scorecards = Promise.all(
    [base, ...beside, ...BENCHMARK_IDS].map(
      async (jurisdiction) => (await api.scorecard({ jurisdiction })).data,
    ),
  );
  const [{ indicators, compares }, measures, jurisdictions, cards] = await Promise.all([
    indicatorsWithCompares,
    api.measures(),
    api.jurisdictions(),
    scorecards,
  ]);
  if (indicators.length === 0 && pillar !== 'context') error(404, { message: m.pillar_noIndicators() });
  const scores = cards.flatMap((card) => {
    const score = card.pillars.find((item) => item.pillar === pillar);
    return score ? [{ jurisdiction: card.jurisdiction, year: card.year, score }] : [];
  });
  return {
    pillarId: pillar,
    base,
    withNeighbours,
    districts: districtChoices(tree),
    columns: [base, ...beside, ...PILLAR_JURISDICTIONS],
    indicators,
    compares,
    scores,
    method: cards[0]?.method ?? '',
    weights: cards[0]?.weights ?? null,
    measures: measures.data.filter((measure) => measure.pillar === pillar),
    rubric: measures.meta.rubric,
    jurisdictions: jurisdictions.data.items,
  };
}) satisfies PageServerLoad;
