import { Hono } from 'hono';
import { SourceParamsSchema, type SourceResponse } from '@fourp/domain';
import type { AppEnv, RouteDeps } from '../app.js';
import { ApiError } from '../errors.js';
import { validParams } from '../middleware/validate.js';
import { listPublishedObservations } from '../repos/observations.js';
import { findSource } from '../repos/sources.js';
import { suppressForPublic } from './public-observations.js';

export const sourceRoutes = ({ db, suppressionK }: RouteDeps) =>
  new Hono<AppEnv>().get('/:id', validParams(SourceParamsSchema), async (c) => {
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
