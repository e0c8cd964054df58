import { Hono } from 'hono';
import {
  SourceParamsSchema,
  SourcesQuerySchema,
  type SourceListResponse,
  type SourceResponse,
  type SourceSummary,
} from '@fourp/domain';
import type { AppEnv, RouteDeps } from '../env.js';
import { sendList, type CsvColumn } from '../csv.js';
import { ApiError } from '../errors.js';
import { validParams, validQuery } from '../middleware/validate.js';
import { listPublishedObservations } from '../repos/observations.js';
import { findSource, listSources } from '../repos/sources.js';
import { suppressForPublic } from './public-observations.js';

const columns: CsvColumn<SourceSummary>[] = [
  { header: 'id', value: (source) => source.id },
  { header: 'title', value: (source) => source.title },
  { header: 'publisher', value: (source) => source.publisher },
  { header: 'year', value: (source) => source.year },
  { header: 'locator', value: (source) => source.locator },
  { header: 'kind', value: (source) => source.kind },
  { header: 'observation_count', value: (source) => source.observationCount },
];

export const sourceRoutes = ({ db, suppressionK }: RouteDeps) =>
  new Hono<AppEnv>()
    .get('/', validQuery(SourcesQuerySchema), async (c) => {
      const { q, limit, format } = c.req.valid('query');
      const { sources, total } = await listSources(db, { text: q, limit });
      const body: SourceListResponse = { data: sources, meta: { count: sources.length, total } };
      return sendList(c, { format, name: 'sources', rows: sources, columns, body });
    })
    .get('/:id', validParams(SourceParamsSchema), async (c) => {
      const { id } = c.req.valid('param');
      const source = await findSource(db, id);
      if (!source) throw new ApiError('unknown_source', `There is no source ${id}.`);
      const observations = suppressForPublic(
        await listPublishedObservations(db, { sourceId: id }),
        suppressionK,
      );
      const body: SourceResponse = {
        data: { ...source, observationCount: observations.length, observations },
      };
      return c.json(body);
    });
