import {
  ApiTokenListResponseSchema,
  CodeListResponseSchema,
  CompareResponseSchema,
  CoverageResponseSchema,
  HealthResponseSchema,
  ImportReportResponseSchema,
  IndicatorDetailResponseSchema,
  IndicatorListResponseSchema,
  JurisdictionImportResponseSchema,
  JurisdictionListResponseSchema,
  MeasureListResponseSchema,
  MeResponseSchema,
  NewApiTokenResponseSchema,
  ObservationHistoryResponseSchema,
  ObservationListResponseSchema,
  MAX_COVERAGE_LIMIT,
  MAX_OBSERVATIONS_LIMIT,
  mergeMissingDenominators,
  PillarListResponseSchema,
  ReleaseChangesResponseSchema,
  ReleaseListResponseSchema,
  ReleaseResponseSchema,
  ProgressResponseSchema,
  ReviewQueueResponseSchema,
  ScorecardResponseSchema,
  SourceListResponseSchema,
  SourceResponseSchema,
  TargetListResponseSchema,
  TargetResponseSchema,
  UserListResponseSchema,
  UserResponseSchema,
  WorkflowObservationResponseSchema,
  type CompareQuery,
  type CoverageQuery,
  type IndicatorsQuery,
  type ObservationsQuery,
  type Problem,
  type ProgressQuerySchema,
  type ReleaseChangesQuery,
  type ReviewQueueQuerySchema,
  type ScorecardQuery,
  type SourcesQuery,
  type TargetsQuerySchema,
  type WorkflowEventType,
} from '@fourp/domain';
import createClient, { type Middleware } from 'openapi-fetch';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { problemOf, problemResponse, throwProblem, unreachableProblem, webProblem } from './problem';
import type { paths } from './schema';

/** The JSON body an operation takes, found by path so the client does not depend on component names. */
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
/** Queries as the domain parses them; the client writes them in the API's wire form (JSON is the only format here). */
type Query<Q> = Omit<Q, 'format'>;
const cursorOf = (next: string) => new URLSearchParams(next.split('?')[1] ?? '').get('cursor');

/** Reads a paged list from its first page to its last, following `meta.next`. */
async function everyPage<Page extends { meta: { next: string | null } }>(
  read: (cursor: string | undefined) => Promise<Page>,
): Promise<Page[]> {
  const pages: Page[] = [];
  for (let cursor: string | undefined; ;) {
    const page = await read(cursor);
    pages.push(page);
    cursor = page.meta.next === null ? undefined : (cursorOf(page.meta.next) ?? undefined);
    if (cursor === undefined) return pages;
  }
}
/** A form's body sent as typed, so the API's `errors[]` can name each field: the API's field names, any values. */
type FormBody<T> = { [K in keyof T]?: unknown };
type OnlyKeysOf<T, B> = B & Record<Exclude<keyof B, keyof T>, never>;

/** A file upload as the API's multipart body. */
function fileForm(file: File): FormData {
  const form = new FormData();
  form.set('file', file);
  return form;
}

/** Parses an answer once per stored body (`$lib/server/published-cache`); without it each answer is parsed. */
export type ParseMemo = <T>(response: Response, parser: object, parse: () => T) => T;

export type ApiOutcome<T> = { ok: true; data: T; response: Response } | { ok: false; problem: Problem };
type Answer = { data?: unknown; error?: unknown; response: Response };

/** An unreachable API answers like any other failure: a 503 problem. */
const unreachableAsProblem: Middleware = {
  onError({ request, error }) {
    const problem = unreachableProblem();
    console.error(`API unreachable: ${request.method} ${new URL(request.url).pathname}`, error);
    return problemResponse(problem);
  },
};

async function outcomeOf<S extends z.ZodType | null>(
  answer: Promise<Answer>,
  schema: S,
  memo?: ParseMemo,
): Promise<ApiOutcome<S extends z.ZodType ? z.infer<S> : null>> {
  type Data = S extends z.ZodType ? z.infer<S> : null;
  const badResponse = (where: string, issues: unknown) => {
    console.error(`API answered ${where} in an unexpected shape`, issues);
    return { ok: false, problem: webProblem('bad_response', 502, m.error_badResponse()) } as const;
  };
  let reply: Answer;
  try {
    reply = await answer;
  } catch (cause) {
    return badResponse('a request', cause);
  }
  const { response } = reply;
  if (!response.ok) return { ok: false, problem: problemOf(response.status, reply.error) };
  if (schema === null) return { ok: true, data: null as Data, response };
  const parse = () => schema.safeParse(reply.data);
  const parsed = memo ? memo(response, schema, parse) : parse();
  if (!parsed.success) return badResponse(response.url, parsed.error.issues.slice(0, 5));
  return { ok: true, data: parsed.data as Data, response };
}

async function readOf<S extends z.ZodType>(answer: Promise<Answer>, schema: S, memo?: ParseMemo) {
  const outcome = await outcomeOf(answer, schema, memo);
  if (!outcome.ok) throwProblem(outcome.problem);
  return outcome.data;
}

/**
 * The dashboard's one API client, typed by the API's OpenAPI document (`schema.d.ts`). Reads return the
 * data parsed with the domain's contract and turn a problem into SvelteKit `error()`; writes return an
 * `ApiOutcome`, so a form action can show the problem beside its fields.
 */
export function createApi(
  fetchFn: typeof fetch,
  baseUrl: string,
  { middleware = [], memo }: { middleware?: Middleware[]; memo?: ParseMemo } = {},
) {
  const client = createClient<paths>({
    baseUrl,
    fetch: (request) => fetchFn(request),
    // The API answers indicator names, definitions, grade reasons and problems in the page's language.
    headers: { accept: 'application/json', 'accept-language': getLocale() },
  });
  client.use(unreachableAsProblem, ...middleware);
  const path = <Id>(id: Id) => ({ path: { id } });
  const dataOf = <S extends z.ZodType>(answer: Promise<Answer>, schema: S) => readOf(answer, schema, memo);

  return {
    health: () => dataOf(client.GET('/health'), HealthResponseSchema),
    pillars: () => dataOf(client.GET('/v1/pillars'), PillarListResponseSchema),
    codeLists: () => dataOf(client.GET('/v1/code-lists'), CodeListResponseSchema),
    indicators: (query: Query<IndicatorsQuery> = {}) =>
      dataOf(client.GET('/v1/indicators', { params: { query } }), IndicatorListResponseSchema),
    indicator: (id: string) =>
      dataOf(client.GET('/v1/indicators/{id}', { params: path(id) }), IndicatorDetailResponseSchema),
    jurisdictions: (query: { asOf?: string } = {}) =>
      dataOf(client.GET('/v1/jurisdictions', { params: { query } }), JurisdictionListResponseSchema),
    /** Every page of the selection: callers narrow it by indicator, jurisdictions and breakdown. */
    observations: async ({
      jurisdictions,
      ...query
    }: Query<Omit<ObservationsQuery, 'limit' | 'cursor' | 'jurisdictions'>> & {
      jurisdictions?: readonly string[];
    }) => {
      const listed = jurisdictions === undefined ? {} : { jurisdictions: jurisdictions.join(',') };
      const pages = await everyPage((cursor) =>
        dataOf(
          client.GET('/v1/observations', {
            params: { query: { ...query, ...listed, limit: MAX_OBSERVATIONS_LIMIT, cursor } },
          }),
          ObservationListResponseSchema,
        ),
      );
      const data = pages.flatMap((page) => page.data);
      return { data, meta: { ...pages.at(-1)!.meta, count: data.length } };
    },
    compare: (query: Query<Omit<CompareQuery, 'with'>> & { with: readonly string[] }) =>
      dataOf(
        client.GET('/v1/compare', { params: { query: { ...query, with: query.with.join(',') } } }),
        CompareResponseSchema,
      ),
    scorecard: (query: Query<ScorecardQuery>) =>
      dataOf(client.GET('/v1/scorecard', { params: { query } }), ScorecardResponseSchema),
    measures: () => dataOf(client.GET('/v1/measures'), MeasureListResponseSchema),
    /** Every page of the selection, with the pages' missing denominators merged. */
    coverage: async (query: Query<Omit<CoverageQuery, 'limit' | 'cursor'>> = {}) => {
      const pages = await everyPage((cursor) =>
        dataOf(
          client.GET('/v1/coverage', { params: { query: { ...query, limit: MAX_COVERAGE_LIMIT, cursor } } }),
          CoverageResponseSchema,
        ),
      );
      const data = pages.flatMap((page) => page.data);
      const missingDenominators = mergeMissingDenominators(
        pages.map((page) => page.meta.missingDenominators),
      );
      return { data, meta: { ...pages.at(-1)!.meta, count: data.length, missingDenominators } };
    },
    /** The whole selection's totals (`meta`) without its rows: one page of one row is read. */
    coverageTotals: async (query: Query<Omit<CoverageQuery, 'limit' | 'cursor'>> = {}) =>
      (
        await dataOf(
          client.GET('/v1/coverage', { params: { query: { ...query, limit: 1 } } }),
          CoverageResponseSchema,
        )
      ).meta,
    sources: (query: Query<SourcesQuery>) =>
      dataOf(client.GET('/v1/sources', { params: { query } }), SourceListResponseSchema),
    source: (id: number) =>
      dataOf(client.GET('/v1/sources/{id}', { params: path(id) }), SourceResponseSchema),
    targets: (query: z.infer<typeof TargetsQuerySchema> = {}) =>
      dataOf(client.GET('/v1/targets', { params: { query } }), TargetListResponseSchema),
    releases: () => dataOf(client.GET('/v1/releases'), ReleaseListResponseSchema),
    releaseChanges: (id: string, query: Query<Omit<ReleaseChangesQuery, 'cursor'>>) =>
      dataOf(
        client.GET('/v1/releases/{id}/changes', { params: { ...path(id), query } }),
        ReleaseChangesResponseSchema,
      ),

    me: () => outcomeOf(client.GET('/v1/auth/me'), MeResponseSchema),
    users: () => dataOf(client.GET('/v1/users'), UserListResponseSchema),
    tokens: () => dataOf(client.GET('/v1/tokens'), ApiTokenListResponseSchema),
    reviews: (query: z.infer<typeof ReviewQueueQuerySchema> = {}) =>
      dataOf(client.GET('/v1/reviews', { params: { query } }), ReviewQueueResponseSchema),
    observationHistory: (id: number) =>
      dataOf(
        client.GET('/v1/observations/{id}/history', { params: path(id) }),
        ObservationHistoryResponseSchema,
      ),
    progress: (query: z.infer<typeof ProgressQuerySchema>) =>
      dataOf(client.GET('/v1/progress', { params: { query } }), ProgressResponseSchema),

    login: (body: Body<'/v1/auth/login', 'post'>) =>
      outcomeOf(client.POST('/v1/auth/login', { body }), MeResponseSchema),
    logout: () => outcomeOf(client.POST('/v1/auth/logout'), null),
    changePassword: (body: Body<'/v1/auth/password', 'post'>) =>
      outcomeOf(client.POST('/v1/auth/password', { body }), null),
    createUser: <B extends FormBody<Body<'/v1/users', 'post'>>>(
      body: OnlyKeysOf<Body<'/v1/users', 'post'>, B>,
    ) => outcomeOf(client.POST('/v1/users', { body: body as Body<'/v1/users', 'post'> }), UserResponseSchema),
    updateUser: (id: string, body: Body<'/v1/users/{id}', 'patch'>) =>
      outcomeOf(client.PATCH('/v1/users/{id}', { params: path(id), body }), UserResponseSchema),
    createToken: (body: Body<'/v1/tokens', 'post'>) =>
      outcomeOf(client.POST('/v1/tokens', { body }), NewApiTokenResponseSchema),
    revokeToken: (id: string) => outcomeOf(client.DELETE('/v1/tokens/{id}', { params: path(id) }), null),
    createObservation: <B extends FormBody<Body<'/v1/observations', 'post'>>>(
      body: OnlyKeysOf<Body<'/v1/observations', 'post'>, B>,
    ) =>
      outcomeOf(
        client.POST('/v1/observations', { body: body as Body<'/v1/observations', 'post'> }),
        WorkflowObservationResponseSchema,
      ),
    correctObservation: (id: number, body: Body<'/v1/observations/{id}', 'patch'>) =>
      outcomeOf(
        client.PATCH('/v1/observations/{id}', { params: path(id), body }),
        WorkflowObservationResponseSchema,
      ),
    transition: (
      id: number,
      step: Exclude<WorkflowEventType, 'edit'>,
      body: Body<'/v1/observations/{id}/submit', 'post'>,
    ) =>
      outcomeOf(
        client.POST(`/v1/observations/{id}/${step}`, { params: path(id), body }),
        WorkflowObservationResponseSchema,
      ),
    runImport: (file: File, query: NonNullable<paths['/v1/imports']['post']['parameters']['query']>) =>
      outcomeOf(
        client.POST('/v1/imports', {
          params: { query },
          body: { file },
          bodySerializer: () => fileForm(file),
        }),
        ImportReportResponseSchema,
      ),
    importJurisdictions: (
      file: File,
      query: NonNullable<paths['/v1/jurisdictions/import']['post']['parameters']['query']>,
    ) =>
      outcomeOf(
        client.POST('/v1/jurisdictions/import', {
          params: { query },
          body: { file },
          bodySerializer: () => fileForm(file),
        }),
        JurisdictionImportResponseSchema,
      ),
    createRelease: (body: Body<'/v1/releases', 'post'>) =>
      outcomeOf(client.POST('/v1/releases', { body }), ReleaseResponseSchema),
    setTarget: <B extends FormBody<Body<'/v1/targets', 'put'>>>(
      body: OnlyKeysOf<Body<'/v1/targets', 'put'>, B>,
    ) =>
      outcomeOf(
        client.PUT('/v1/targets', { body: body as Body<'/v1/targets', 'put'> }),
        TargetResponseSchema,
      ),
  };
}

export type Api = ReturnType<typeof createApi>;
