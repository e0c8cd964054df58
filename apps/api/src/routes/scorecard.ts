import { createRoute } from '@hono/zod-openapi';
import {
  BENCHMARK_IDS,
  INDICATORS,
  POLICY_MEASURES,
  ScorecardQuerySchema,
  ScorecardResponseSchema,
  scoreJurisdiction,
  methodTexts,
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
    const tree = jurisdictionTree(deps.db);
    const jurisdiction = requireJurisdiction(tree, query.jurisdiction).id;
    const benchmarks = BENCHMARK_IDS.filter((id) => id !== jurisdiction);
    const ancestors = tree.ancestorsOf(jurisdiction);
    const [availableYears, assessments] = await Promise.all([
      listPublishedYears(deps.db, jurisdiction),
      listMeasureAssessments(deps.db),
    ]);
    const year = query.year ?? availableYears[0] ?? deps.now().getUTCFullYear();
    // Scores rest on whole-year current totals only; breakdowns would be read for nothing.
    const observations = await readFigures(deps, null, {
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
      locale: c.var.locale,
    });
    const method = methodTexts(c.var.locale).SCORECARD_METHOD;
    const body: ScorecardResponse = { data: { ...scorecard, method }, meta: { availableYears } };
    return c.json(body, 200);
  });
