import { createRoute } from '@hono/zod-openapi';
import {
  can,
  SourceListResponseSchema,
  SourceParamsSchema,
  SourceResponseSchema,
  SourcesQuerySchema,
  type SourceListResponse,
  type SourceResponse,
  type SourceSummary,
  type CsvColumn,
  type Principal,
} from '@fourp/domain';
import type { RouteDeps } from '../env.js';
import { sendList } from '../csv.js';
import { ApiError } from '../errors.js';
import { jsonResponse, listResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';
import { findSource, listSources } from '../repos/sources.js';
import { readFigures } from '../services/published/read.js';
import { say } from '../i18n/messages.js';

const columns: CsvColumn<SourceSummary>[] = [
  { header: 'id', value: (source) => source.id },
  { header: 'title', value: (source) => source.title },
  { header: 'publisher', value: (source) => source.publisher },
  { header: 'year', value: (source) => source.year },
  { header: 'locator', value: (source) => source.locator },
  { header: 'kind', value: (source) => source.kind },
  { header: 'observation_count', value: (source) => source.observationCount },
];

const listSourcesRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listSources',
  summary:
    'Sources by title, with how many published figures each backs (only sources backing one, except for those who enter figures); `q` finds text case-insensitively',
  tags: ['data'],
  request: { query: SourcesQuerySchema },
  responses: { 200: listResponse(SourceListResponseSchema), 304: NOT_MODIFIED, ...problems() },
});

const getSourceRoute = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getSource',
  summary:
    'One source with the published figures it backs (404 when it backs none, except for those who enter figures)',
  tags: ['data'],
  request: { params: SourceParamsSchema },
  responses: { 200: jsonResponse(SourceResponseSchema), 304: NOT_MODIFIED, ...problems(404) },
});

/**
 * Sources backing no published figure describe unpublished work. Those who enter figures see every source on record,
 * since they cite them; visitors, donors and researchers see only sources behind published figures.
 */
const seesUnpublishedSources = (principal: Principal) => can(principal, 'observation.create');

export const sourceRoutes = (deps: RouteDeps) =>
  createRouter()
    .openapi(listSourcesRoute, async (c) => {
      const { q, limit, format } = c.req.valid('query');
      const publishedOnly = !seesUnpublishedSources(c.var.principal);
      c.header('Vary', 'Authorization, Cookie', { append: true });
      if (!publishedOnly) c.header('Cache-Control', 'private, no-store');
      const { sources, total } = await listSources(deps.db, { text: q, limit, publishedOnly });
      const body: SourceListResponse = { data: sources, meta: { count: sources.length, total } };
      return sendList(c, { format, name: 'sources', rows: sources, columns, body });
    })
    .openapi(getSourceRoute, async (c) => {
      const { id } = c.req.valid('param');
      const source = await findSource(deps.db, id);
      if (!source) throw new ApiError('unknown_source', say('source_not_found', { id }));
      const observations = await readFigures(deps, null, { sourceId: id });
      if (observations.length === 0 && !seesUnpublishedSources(c.var.principal))
        throw new ApiError('unknown_source', say('source_not_found', { id }));
      const body: SourceResponse = {
        data: { ...source, observationCount: observations.length, observations },
      };
      return c.json(body, 200);
    });
