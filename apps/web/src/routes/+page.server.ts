import { publicUnits } from '$lib/server/units';
import type { Compare, PillarScore, Scorecard } from '@fourp/domain';
import { serverApi } from '$lib/server/api';
import { BENCHMARK_IDS } from '@fourp/domain';
import {
  besideFrom,
  districtChoices,
  focusFrom,
  namedUnits,
  neighbourhoodOf,
  treeOf,
} from '$lib/jurisdictions';
import { citation, latestPoint, pointSource, pointsFor } from '$lib/series';
import type { PageServerLoad } from './$types';

/** A pillar's score without its list of indicators, which the overview does not show. */
export type PillarSummary = Omit<PillarScore, 'indicators'>;

const summaryOf = ({ indicators: _indicators, ...summary }: PillarScore): PillarSummary => summary;

export type PillarEntry = {
  jurisdiction: string;
  year: number;
  score: PillarSummary;
  previous: { year: number; score: number | null } | null;
};

function pillarEntry(card: Scorecard, previous: Scorecard | null, pillar: string) {
  const score = card.pillars.find((item) => item.pillar === pillar);
  if (!score) return null;
  const before = previous?.pillars.find((item) => item.pillar === pillar);
  return {
    jurisdiction: card.jurisdiction,
    year: card.year,
    score: summaryOf(score),
    previous: previous && before ? { year: previous.year, score: before.score } : null,
  } satisfies PillarEntry;
}

export const load = (async ({ fetch, url }) => {
  const api = serverApi(fetch);
  const tree = treeOf(await publicUnits(fetch));
  const base = focusFrom(url, tree);
  const withNeighbours = url.searchParams.get('neighbours') === '1';
  const beside = withNeighbours ? besideFrom(url, tree, base) : [];
  const scorecardsWithPrevious = Promise.all(
    [base, ...BENCHMARK_IDS].map(async (jurisdiction) => {
      const current = await api.scorecard({ jurisdiction });
      const previousYear = current.meta.availableYears.find((year) => year < current.data.year);
      const previous =
        previousYear === undefined ? null : (await api.scorecard({ jurisdiction, year: previousYear })).data;
      return { current: current.data, previous };
    }),
  );
  const besideCards = Promise.all(
    beside.map(async (jurisdiction) => (await api.scorecard({ jurisdiction })).data),
  );
  const indicatorsWithHeadline = api.indicators().then(async (list) => {
    const headline = list.data.filter((indicator) => indicator.headline && indicator.pillar !== 'context');
    const compares = await Promise.all(
      headline.map(
        async (indicator) => (await api.compare({ indicator: indicator.id, base, with: BENCHMARK_IDS })).data,
      ),
    );
    return { indicators: list.data, compares };
  });
  const [cards, neighbours, { indicators, compares }, health, coverage, jurisdictions, sources] =
    await Promise.all([
      scorecardsWithPrevious,
      besideCards,
      indicatorsWithHeadline,
      api.health(),
      api.coverageTotals(),
      api.jurisdictions(),
      api.sources({ limit: 1 }),
    ]);

  const byJurisdiction = new Map(cards.map((card) => [card.current.jurisdiction, card]));
  const pillarIds = cards[0]?.current.pillars.map((pillar) => pillar.pillar) ?? [];
  const pillars = pillarIds.map((pillar) => {
    const own = byJurisdiction.get(base);
    const entry = own ? pillarEntry(own.current, own.previous, pillar) : null;
    const benchmarks = BENCHMARK_IDS.flatMap((id) => {
      const card = byJurisdiction.get(id);
      const benchmark = card ? pillarEntry(card.current, card.previous, pillar) : null;
      return benchmark ? [benchmark] : [];
    });
    const headline = compares
      .filter((compare) => indicators.find((i) => i.id === compare.indicator)?.pillar === pillar)
      .map(headlineRow);
    return { pillar, base: entry, benchmarks, headline };
  });

  const ownCard = byJurisdiction.get(base)?.current;
  const neighbourhood = neighbourhoodOf(tree, base).filter((id) => id !== base);
  const besideScores = (ownCard ? [ownCard, ...neighbours] : neighbours).map(
    ({ jurisdiction, year, pillars }) => ({
      jurisdiction,
      year,
      pillars: pillars.map(summaryOf),
    }),
  );
  // Only what the page shows goes to the browser: the names of the units and indicators it mentions.
  const named = new Set([
    base,
    ...BENCHMARK_IDS,
    ...neighbourhood,
    ...pillars.flatMap((pillar) => pillar.headline.flatMap((row) => row.latest.map((l) => l.jurisdiction))),
  ]);
  const headline = new Set(compares.map((compare) => compare.indicator));
  return {
    base,
    withNeighbours,
    districts: districtChoices(tree),
    neighbourhood,
    beside: besideScores,
    scores: pillars,
    indicators: indicators
      .filter((indicator) => headline.has(indicator.id))
      .map(({ id, name }) => ({ id, name })),
    jurisdictions: namedUnits(jurisdictions.data.items.filter((unit) => named.has(unit.id))),
    published: {
      observations: coverage.observations,
      sources: sources.meta.total,
      lastUpdated: coverage.lastUpdated,
      checkedAt: health.data.time,
    },
    coverage: {
      indicators: coverage.indicators,
      indicatorsWithData: coverage.indicatorsWithData,
      indicatorsWithoutData: coverage.indicatorsWithoutData,
    },
    latestYear: coverage.latestYear,
    method: cards[0]?.current.method ?? '',
  };
}) satisfies PageServerLoad;

function headlineRow(compare: Compare) {
  const { comparison } = compare;
  const ids = [comparison.base, ...comparison.benchmarks];
  return {
    indicator: compare.indicator,
    per: compare.per,
    unit: comparison.unit,
    measureType: comparison.measureType,
    standIn: compare.standIn,
    baseHasData: compare.baseHasData,
    latest: ids.map((jurisdiction) => {
      const point = latestPoint(pointsFor(comparison, jurisdiction));
      const source = pointSource(point, compare);
      return { jurisdiction, point, source: source ? citation(source) : null };
    }),
    grades: comparison.latestByBenchmark.map((item) => ({
      jurisdiction: item.jurisdiction,
      grade: item.grade,
      reasons: item.reasons,
    })),
  };
}
