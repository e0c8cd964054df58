import { Hono } from 'hono';
import {
  ancestorsOf,
  BENCHMARK_IDS,
  INDICATORS,
  POLICY_MEASURES,
  ScorecardQuerySchema,
  scoreJurisdiction,
  type ScorecardResponse,
} from '@fourp/domain';
import type { AppEnv, RouteDeps } from '../env.js';
import { validQuery } from '../middleware/validate.js';
import { listMeasureAssessments } from '../repos/measures.js';
import { listPopulations, listPublishedObservations, listPublishedYears } from '../repos/observations.js';
import { requireJurisdiction } from './lookup.js';
import { suppressForPublic } from './public-observations.js';

export const scorecardRoutes = ({ db, suppressionK, now }: RouteDeps) =>
  new Hono<AppEnv>().get('/', validQuery(ScorecardQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const jurisdiction = requireJurisdiction(query.jurisdiction).id;
    const benchmarks = BENCHMARK_IDS.filter((id) => id !== jurisdiction);
    const ancestors = ancestorsOf(jurisdiction);
    const [availableYears, assessments] = await Promise.all([
      listPublishedYears(db, jurisdiction),
      listMeasureAssessments(db),
    ]);
    const year = query.year ?? availableYears[0] ?? now().getUTCFullYear();
    const [stored, populations] = await Promise.all([
      listPublishedObservations(db, { jurisdictions: [jurisdiction, ...benchmarks], to: year }),
      listPopulations(db, [jurisdiction, ...benchmarks]),
    ]);
    const scorecard = scoreJurisdiction({
      jurisdiction,
      year,
      indicators: INDICATORS,
      measures: POLICY_MEASURES,
      observations: suppressForPublic(stored, suppressionK),
      populations,
      benchmarks,
      measureAssessments: assessments.filter((a) => [jurisdiction, ...ancestors].includes(a.jurisdiction)),
      ancestors,
    });
    const body: ScorecardResponse = { data: scorecard, meta: { availableYears } };
    return c.json(body);
  });
