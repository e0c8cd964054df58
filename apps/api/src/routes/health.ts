import { createRoute } from '@hono/zod-openapi';
import { FormatQuerySchema, HealthResponseSchema, type HealthResponse } from '@fourp/domain';
import type { RouteDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { createRouter } from '../openapi/router.js';
import { jsonResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { countRecords } from '../repos/health.js';
import { lastPublishedChange } from '../repos/observations.js';

const getHealth = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getHealth',
  summary: 'Service status, database reachability and record counts',
  tags: ['service'],
  request: { query: FormatQuerySchema },
  responses: { 200: jsonResponse(HealthResponseSchema), 304: NOT_MODIFIED, ...problems(503) },
});

export const healthRoutes = ({ db, now, logger }: RouteDeps) =>
  createRouter().openapi(getHealth, async (c) => {
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
