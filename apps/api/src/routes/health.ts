import { Hono } from 'hono';
import { FormatQuerySchema, type HealthResponse } from '@fourp/domain';
import type { AppEnv, RouteDeps } from '../app.js';
import { ApiError } from '../errors.js';
import { validQuery } from '../middleware/validate.js';
import { countRecords } from '../repos/health.js';
import { lastPublishedChange } from '../repos/observations.js';

export const healthRoutes = ({ db, now, logger }: RouteDeps) =>
  new Hono<AppEnv>().get('/', validQuery(FormatQuerySchema), async (c) => {
    const [counts, lastUpdated] = await Promise.all([countRecords(db), lastPublishedChange(db)]).catch(
      (error: unknown) => {
        logger.error('health check: database unreachable', { error: String(error) });
        throw new ApiError('service_unavailable', 'The database is not reachable.');
      },
    );
    const body: HealthResponse = {
      data: {
        status: 'ok',
        database: { reachable: true, counts },
        time: now().toISOString(),
        lastUpdated,
      },
    };
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });
