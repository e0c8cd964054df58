import { createRoute } from '@hono/zod-openapi';
import {
  can,
  FormatQuerySchema,
  HealthResponseSchema,
  type HealthResponse,
  type Principal,
} from '@fourp/domain';
import type { RouteDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { createRouter } from '../openapi/router.js';
import { jsonResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { readDisclosureRun } from '../repos/disclosure.js';
import { countRecords, pingDatabase, readAuditChainHead, readMigrations } from '../repos/health.js';
import { lastPublishedChange } from '../services/published/counts.js';
import { say } from '../i18n/messages.js';

const getHealth = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getHealth',
  summary:
    'Liveness (the service answers and reads its database); admins also get record counts, migrations, the audit chain head and the last disclosure audit',
  tags: ['service'],
  request: { query: FormatQuerySchema },
  responses: { 200: jsonResponse(HealthResponseSchema), 304: NOT_MODIFIED, ...problems(503) },
});

/** The counts include unpublished work in every jurisdiction, so only admins see them. */
const seesDetails = (principal: Principal) => can(principal, 'user.manage');

async function details(db: RouteDeps['db']) {
  const [counts, lastUpdated, migrations, auditChain] = await Promise.all([
    countRecords(db),
    lastPublishedChange(db),
    readMigrations(db),
    readAuditChainHead(db),
  ]);
  const run = readDisclosureRun(db);
  const disclosure =
    run === null
      ? null
      : { checkedAt: run.checkedAt, primaryCells: run.primaryCells, pinned: run.pinned.length };
  return { database: { reachable: true, counts }, lastUpdated, migrations, auditChain, disclosure };
}

export const healthRoutes = ({ db, now, logger }: RouteDeps) =>
  createRouter().openapi(getHealth, async (c) => {
    const read = seesDetails(c.get('principal')) ? details(db) : pingDatabase(db).then(() => ({}));
    const found = await read.catch((error: unknown) => {
      logger.error('health check: database unreachable', { error: String(error) });
      throw new ApiError('service_unavailable', say('database_unreachable'));
    });
    const body: HealthResponse = { data: { status: 'ok', time: now().toISOString(), ...found } };
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });
