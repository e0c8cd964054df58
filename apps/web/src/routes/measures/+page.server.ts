import { publicUnits } from '$lib/server/units';
import { BENCHMARK_IDS, STAND_IN_CHAIN } from '@fourp/domain';
import { besideFrom, districtChoices, focusFrom, treeOf } from '$lib/jurisdictions';
import { serverApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, url }) => {
  const api = serverApi(fetch);
  const tree = treeOf(await publicUnits(fetch));
  const base = focusFrom(url, tree);
  const withNeighbours = url.searchParams.get('neighbours') === '1';
  const beside = withNeighbours ? besideFrom(url, tree, base) : [];
  const [measures, jurisdictions] = await Promise.all([api.measures(), api.jurisdictions()]);
  return {
    base,
    withNeighbours,
    districts: districtChoices(tree),
    columns: [base, ...beside, ...STAND_IN_CHAIN.slice(1), ...BENCHMARK_IDS],
    measures: measures.data,
    rubric: measures.meta.rubric,
    jurisdictions: jurisdictions.data.items,
  };
}) satisfies PageServerLoad;
