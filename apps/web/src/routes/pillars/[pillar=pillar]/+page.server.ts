import { error } from '@sveltejs/kit';
import { serverApi } from '$lib/server/api';
import { BASE_JURISDICTION, BENCHMARK_IDS, STAND_IN_CHAIN } from '@fourp/domain';
import { t } from '$lib/i18n/messages';
import type { PageServerLoad } from './$types';

const PILLAR_JURISDICTIONS = [...STAND_IN_CHAIN.filter((id) => id !== BASE_JURISDICTION), ...BENCHMARK_IDS];

export const load = (async ({ fetch, params }) => {
  const api = serverApi(fetch);
  const pillar = params.pillar;
  const indicatorsWithCompares = api.indicators({ pillar }).then(async (list) => ({
    indicators: list.data,
    compares: await Promise.all(
      list.data.map(
        async (indicator) =>
          (
            await api.compare({
              indicator: indicator.id,
              base: BASE_JURISDICTION,
              with: PILLAR_JURISDICTIONS,
            })
          ).data,
      ),
    ),
  }));
  const [{ indicators, compares }, measures, jurisdictions] = await Promise.all([
    indicatorsWithCompares,
    api.measures(),
    api.jurisdictions(),
  ]);
  if (indicators.length === 0 && pillar !== 'context') error(404, { message: t('pillar.noIndicators') });
  return {
    pillarId: pillar,
    indicators,
    compares,
    measures: measures.data.filter((measure) => measure.pillar === pillar),
    rubric: measures.meta.rubric,
    jurisdictions: jurisdictions.data.items,
  };
}) satisfies PageServerLoad;
