import { createRoute } from '@hono/zod-openapi';
import {
  BENCHMARK_IDS,
  INDICATORS,
  POLICY_MEASURES,
  ScorecardQuerySchema,
  ScorecardResponseSchema,
  scoreJurisdiction,
  methodTexts,
  type JurisdictionId,
  type JurisdictionTree,
  type Locale,
  type ScorecardQuery,
  type ScorecardResponse,
} from '@fourp/domain';
import { jurisdictionTree } from '../repos/jurisdictions.js';
import type { RouteDeps } from '../env.js';
import { jsonResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';
import { listMeasureAssessments } from '../repos/measures.js';
import { listPublishedYears } from '../services/published/counts.js';
import { requireJurisdiction } from '../services/lookup.js';
import { readFigures } from '../services/published/read.js';
import { memoUntilPublish } from '../services/published/memo.js';
import { readScoredFigures } from '../services/published/summaries.js';

const getScorecard = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getScorecard',
  summary:
    '4P scores from the jurisdiction’s own evidence, with the national framework beside them, method, weights, sensitivity and coverage',
  tags: ['analysis'],
  request: { query: ScorecardQuerySchema },
  responses: { 200: jsonResponse(ScorecardResponseSchema), 304: NOT_MODIFIED, ...problems(404) },
});

export const scorecardRoutes = (deps: RouteDeps) =>
  createRouter().openapi(getScorecard, async (c) => {
    const query = c.req.valid('query');
    const jurisdiction = requireJurisdiction(jurisdictionTree(deps.db), query.jurisdiction).id;
    const { locale } = c.var;
    const thisYear = deps.now().getUTCFullYear();
    const key = JSON.stringify([jurisdiction, query.year, query.release, locale, thisYear]);
    // Kept serialised: a kept answer is written as it is, not stringified again per request.
    const json = await memoUntilPublish(deps.db, key, async () =>
      JSON.stringify(
        await scorecardOf(deps, jurisdictionTree(deps.db), { ...query, jurisdiction, locale, thisYear }),
      ),
    );
    return c.body(json, 200, { 'Content-Type': 'application/json' });
  });

async function scorecardOf(
  deps: RouteDeps,
  tree: JurisdictionTree,
  query: ScorecardQuery & { jurisdiction: JurisdictionId; locale: Locale; thisYear: number },
): Promise<ScorecardResponse> {
  const { jurisdiction, locale } = query;
  const benchmarks = BENCHMARK_IDS.filter((id) => id !== jurisdiction);
  const ancestors = tree.ancestorsOf(jurisdiction);
  const [availableYears, assessments] = await Promise.all([
    listPublishedYears(deps.db, jurisdiction),
    listMeasureAssessments(deps.db),
  ]);
  const year = query.year ?? availableYears[0] ?? query.thisYear;
  // Scores rest on whole-year current totals only; today's come from the summary kept on publish.
  const observations =
    query.release === undefined
      ? readScoredFigures(deps, jurisdiction, year)
      : await readFigures(deps, null, {
          jurisdictions: [jurisdiction],
          to: year,
          annualTotals: true,
          release: query.release,
        });
  const scorecard = scoreJurisdiction({
    jurisdiction,
    year,
    indicators: INDICATORS,
    measures: POLICY_MEASURES,
    observations,
    benchmarks,
    measureAssessments: assessments.filter((a) => [jurisdiction, ...ancestors].includes(a.jurisdiction)),
    ancestors,
    locale,
  });
  const method = methodTexts(locale).SCORECARD_METHOD;
  return { data: { ...scorecard, method }, meta: { availableYears } };
}
