import { error } from '@sveltejs/kit';
import {
  CompareResponseSchema,
  CoverageResponseSchema,
  HealthResponseSchema,
  IndicatorDetailResponseSchema,
  IndicatorListResponseSchema,
  JurisdictionListResponseSchema,
  MeasureListResponseSchema,
  ObservationListResponseSchema,
  PillarListResponseSchema,
  ProblemSchema,
  ScorecardResponseSchema,
  SourceResponseSchema,
  TargetListResponseSchema,
} from '@fourp/domain';
import type { z } from 'zod';
import { t } from './i18n/messages';

type Fetch = typeof fetch;
type Query = Record<string, string | number | readonly string[] | undefined>;

function buildPath(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

/**
 * GET a resource from the API and parse it with the domain's wire schema. A problem+json answer becomes
 * SvelteKit `error(status, { message, code, requestId })`; an unreachable API or an unexpected shape
 * becomes 503 / 502 with a message that says so.
 */
export async function getJson<S extends z.ZodType>(
  fetchFn: Fetch,
  baseUrl: string,
  path: string,
  schema: S,
  query?: Query,
): Promise<z.infer<S>> {
  const url = `${baseUrl}${buildPath(path, query)}`;
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { accept: 'application/json' } });
  } catch (cause) {
    console.error(`API unreachable: GET ${url}`, cause);
    error(503, { message: t('error.apiUnreachable'), code: 'api_unreachable' });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = ProblemSchema.safeParse(body);
    if (problem.success) {
      error(response.status, {
        message: problem.data.detail,
        code: problem.data.code,
        requestId: problem.data.requestId,
      });
    }
    error(response.status, { message: t('error.apiStatus', { status: response.status }), code: 'api_error' });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.error(`API answered GET ${url} in an unexpected shape`, parsed.error.issues.slice(0, 5));
    error(502, { message: t('error.badResponse'), code: 'bad_response' });
  }
  return parsed.data;
}

/** The dashboard's one API client: each method is one route of the API, parsed with its contract. */
export function createApi(fetchFn: Fetch, baseUrl: string) {
  const get = <S extends z.ZodType>(path: string, schema: S, query?: Query) =>
    getJson(fetchFn, baseUrl, path, schema, query);
  return {
    health: () => get('/health', HealthResponseSchema),
    pillars: () => get('/v1/pillars', PillarListResponseSchema),
    indicators: (pillar?: string) => get('/v1/indicators', IndicatorListResponseSchema, { pillar }),
    indicator: (id: string) => get(`/v1/indicators/${encodeURIComponent(id)}`, IndicatorDetailResponseSchema),
    jurisdictions: () => get('/v1/jurisdictions', JurisdictionListResponseSchema),
    observations: (query: { indicator?: string; jurisdiction?: string; from?: number; to?: number }) =>
      get('/v1/observations', ObservationListResponseSchema, query),
    compare: (query: {
      indicator: string;
      base: string;
      with: readonly string[];
      per?: '100k' | 'absolute';
    }) => get('/v1/compare', CompareResponseSchema, query),
    scorecard: (query: { jurisdiction: string; year?: number }) =>
      get('/v1/scorecard', ScorecardResponseSchema, query),
    measures: () => get('/v1/measures', MeasureListResponseSchema),
    coverage: (query: { pillar?: string; jurisdiction?: string } = {}) =>
      get('/v1/coverage', CoverageResponseSchema, query),
    source: (id: number) => get(`/v1/sources/${id}`, SourceResponseSchema),
    targets: (query: { jurisdiction?: string } = {}) => get('/v1/targets', TargetListResponseSchema, query),
  };
}

export type Api = ReturnType<typeof createApi>;
