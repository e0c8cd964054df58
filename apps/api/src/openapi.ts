import {
  CompareQuerySchema,
  CoverageQuerySchema,
  FormatQuerySchema,
  IndicatorParamsSchema,
  IndicatorsQuerySchema,
  ListQuerySchema,
  MeasureParamsSchema,
  MeasuresQuerySchema,
  ObservationsQuerySchema,
  ScorecardQuerySchema,
  SourceParamsSchema,
  SourcesQuerySchema,
} from '@fourp/domain';
import { COMPONENT_SCHEMAS } from './openapi/components.js';
import { componentSchemasOf, parametersOf, ref, type ObjectSchema } from './json-schema.js';

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

/** The public routes not yet declared with `createRoute`: their paths and schemas. */
export function handKeptPublicOpenApi() {
  return {
    paths: Object.fromEntries(OPERATIONS.map((operation) => [operation.path, pathItem(operation)])),
    schemas: componentSchemasOf(COMPONENT_SCHEMAS, 'output'),
  };
}
