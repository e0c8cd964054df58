import {
  CompareQuerySchema,
  CompareResponseSchema,
  ComparisonSchema,
  CoverageQuerySchema,
  CoverageResponseSchema,
  FormatQuerySchema,
  HealthResponseSchema,
  IndicatorDetailResponseSchema,
  IndicatorListResponseSchema,
  IndicatorParamsSchema,
  IndicatorSchema,
  IndicatorsQuerySchema,
  JurisdictionListResponseSchema,
  JurisdictionNodeSchema,
  JurisdictionSchema,
  ListQuerySchema,
  MeasureDetailSchema,
  MeasureListResponseSchema,
  MeasureParamsSchema,
  MeasureResponseSchema,
  MeasuresQuerySchema,
  ObservationListResponseSchema,
  ObservationSchema,
  ObservationsQuerySchema,
  PillarListResponseSchema,
  ProblemSchema,
  ScorecardQuerySchema,
  ScorecardResponseSchema,
  ScorecardSchema,
  SourceListResponseSchema,
  SourceParamsSchema,
  SourceResponseSchema,
  SourceSchema,
  SourcesQuerySchema,
} from '@fourp/domain';
import { Hono } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './app.js';
import { componentSchemasOf, parametersOf, ref, type ObjectSchema } from './json-schema.js';
import { mergeWorkflowOpenApi } from './routes/workflow/openapi.js';

export type Operation = {
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  query?: ObjectSchema;
  params?: ObjectSchema;
  response: string;
  /** List routes also answer text/csv. */
  csv?: boolean;
  notFound?: boolean;
};

/** Named schemas emitted as components; every other schema is inlined where used. */
export const COMPONENT_SCHEMAS: Record<string, z.ZodType> = {
  Problem: ProblemSchema,
  Source: SourceSchema,
  Observation: ObservationSchema,
  Indicator: IndicatorSchema,
  Jurisdiction: JurisdictionSchema,
  JurisdictionNode: JurisdictionNodeSchema,
  Comparison: ComparisonSchema,
  Scorecard: ScorecardSchema,
  MeasureDetail: MeasureDetailSchema,
  HealthResponse: HealthResponseSchema,
  PillarListResponse: PillarListResponseSchema,
  IndicatorListResponse: IndicatorListResponseSchema,
  IndicatorDetailResponse: IndicatorDetailResponseSchema,
  JurisdictionListResponse: JurisdictionListResponseSchema,
  ObservationListResponse: ObservationListResponseSchema,
  CompareResponse: CompareResponseSchema,
  ScorecardResponse: ScorecardResponseSchema,
  MeasureListResponse: MeasureListResponseSchema,
  MeasureResponse: MeasureResponseSchema,
  CoverageResponse: CoverageResponseSchema,
  SourceListResponse: SourceListResponseSchema,
  SourceResponse: SourceResponseSchema,
};

export const OPERATIONS: Operation[] = [
  {
    path: '/health',
    operationId: 'getHealth',
    summary: 'Service status, database reachability and record counts',
    tag: 'service',
    query: FormatQuerySchema,
    response: 'HealthResponse',
  },
  {
    path: '/v1/pillars',
    operationId: 'listPillars',
    summary: 'The four pillars plus context, with indicator and measure counts',
    tag: 'catalogue',
    query: ListQuerySchema,
    response: 'PillarListResponse',
    csv: true,
  },
  {
    path: '/v1/indicators',
    operationId: 'listIndicators',
    summary: 'The indicator catalogue',
    tag: 'catalogue',
    query: IndicatorsQuerySchema,
    response: 'IndicatorListResponse',
    csv: true,
  },
  {
    path: '/v1/indicators/{id}',
    operationId: 'getIndicator',
    summary: 'One indicator: definition, formula, crosswalks, definition variants and data coverage',
    tag: 'catalogue',
    params: IndicatorParamsSchema,
    response: 'IndicatorDetailResponse',
    notFound: true,
  },
  {
    path: '/v1/jurisdictions',
    operationId: 'listJurisdictions',
    summary: 'Jurisdictions as a tree and as a flat list',
    tag: 'catalogue',
    query: ListQuerySchema,
    response: 'JurisdictionListResponse',
    csv: true,
  },
  {
    path: '/v1/observations',
    operationId: 'listObservations',
    summary: 'Published figures with their source; identifying small counts are suppressed',
    description:
      'A signed-in official, reviewer or admin also gets their own unpublished figures (unsuppressed, with their ' +
      '`workflowState`); such answers are `Cache-Control: private, no-store`.',
    tag: 'data',
    query: ObservationsQuerySchema,
    response: 'ObservationListResponse',
    csv: true,
    notFound: true,
  },
  {
    path: '/v1/compare',
    operationId: 'compare',
    summary: 'A jurisdiction side by side with benchmarks, per 100,000 residents, with comparability grades',
    description:
      'When the base has no figure, the nearest parent with one is shown and labelled in `standIn`.',
    tag: 'analysis',
    query: CompareQuerySchema,
    response: 'CompareResponse',
    notFound: true,
  },
  {
    path: '/v1/scorecard',
    operationId: 'getScorecard',
    summary: '4P scores against the benchmarks, with method, weights and coverage',
    tag: 'analysis',
    query: ScorecardQuerySchema,
    response: 'ScorecardResponse',
    notFound: true,
  },
  {
    path: '/v1/measures',
    operationId: 'listMeasures',
    summary: 'Policy measures with each jurisdiction’s rubric level over time, and the rubric',
    tag: 'measures',
    query: MeasuresQuerySchema,
    response: 'MeasureListResponse',
    csv: true,
  },
  {
    path: '/v1/measures/{id}',
    operationId: 'getMeasure',
    summary: 'One policy measure with its assessments and evidence',
    tag: 'measures',
    params: MeasureParamsSchema,
    response: 'MeasureResponse',
    notFound: true,
  },
  {
    path: '/v1/coverage',
    operationId: 'getCoverage',
    summary: 'Which indicator × jurisdiction × year has published data, including indicators with none',
    tag: 'data',
    query: CoverageQuerySchema,
    response: 'CoverageResponse',
    csv: true,
    notFound: true,
  },
  {
    path: '/v1/sources',
    operationId: 'listSources',
    summary:
      'Sources by title, with how many published figures each backs; `q` finds text case-insensitively',
    tag: 'data',
    query: SourcesQuerySchema,
    response: 'SourceListResponse',
    csv: true,
  },
  {
    path: '/v1/sources/{id}',
    operationId: 'getSource',
    summary: 'One source with the published figures it backs',
    tag: 'data',
    params: SourceParamsSchema,
    response: 'SourceResponse',
    notFound: true,
  },
];

const problem = (description: string) => ({
  description,
  headers: { 'X-Request-Id': { $ref: '#/components/headers/RequestId' } },
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

function pathItem(operation: Operation) {
  const content: Record<string, unknown> = { 'application/json': { schema: ref(operation.response) } };
  if (operation.csv)
    content['text/csv'] = { schema: { type: 'string', description: 'header row, one row per item' } };
  const responses: Record<string, unknown> = {
    '200': {
      description: 'OK',
      headers: {
        'X-Request-Id': { $ref: '#/components/headers/RequestId' },
        ETag: { $ref: '#/components/headers/ETag' },
      },
      content,
    },
    '304': { description: 'Not modified: If-None-Match matched the ETag' },
    '400': problem('Invalid parameters; `errors` names each one'),
    ...(operation.notFound ? { '404': problem('Unknown id') } : {}),
    '500': problem('Unexpected failure; no internals are returned'),
  };
  return {
    get: {
      operationId: operation.operationId,
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      tags: [operation.tag],
      parameters: [...parametersOf(operation.params, 'path'), ...parametersOf(operation.query, 'query')],
      responses,
    },
  };
}

/** OpenAPI 3.1 document generated from the same zod schemas the handlers and the web use. */
export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'FourP API',
      version: '1.0.0',
      description:
        'Monitoring anti-human-trafficking policy in District Gujrat (Punjab, Pakistan) against Italy and Spain ' +
        '(4P: prevention, protection, prosecution, partnership). Public reads show published figures only.',
      license: { name: 'Open source' },
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'service' },
      { name: 'catalogue' },
      { name: 'data' },
      { name: 'analysis' },
      { name: 'measures' },
    ],
    paths: Object.fromEntries(OPERATIONS.map((operation) => [operation.path, pathItem(operation)])),
    components: {
      schemas: componentSchemasOf(COMPONENT_SCHEMAS, 'output'),
      headers: {
        RequestId: {
          description: 'Request id; an incoming X-Request-Id of word characters, - and = is kept',
          schema: { type: 'string' },
        },
        ETag: { description: 'Weak validator of the body', schema: { type: 'string' } },
      },
    },
  };
}

export const openApiRoutes = () => {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  return new Hono<AppEnv>().get('/', (c) =>
    c.json((document ??= mergeWorkflowOpenApi(buildOpenApiDocument()))),
  );
};
