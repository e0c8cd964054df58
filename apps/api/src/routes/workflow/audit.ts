import { AuditQuerySchema, toCsv, type CsvColumn } from '@fourp/domain';
import { createRoute } from '@hono/zod-openapi';
import { requireUser } from './guard.js';
import { problems } from '../../openapi/responses.js';
import { createRouter } from '../../openapi/router.js';
import type { AuditRecord } from '../../repos/workflow/audit.js';
import { readAuditLog } from '../../services/published/history.js';
import { CSV_CONTENT, access, type WorkflowDeps } from './shared.js';

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
const columns: CsvColumn<AuditRecord>[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'at', value: (r) => r.at },
  { header: 'action', value: (r) => r.action },
  { header: 'entity_type', value: (r) => r.entityType },
  { header: 'entity_id', value: (r) => r.entityId },
  { header: 'jurisdiction', value: (r) => r.jurisdictionId },
  { header: 'actor_id', value: (r) => r.actorId },
  { header: 'actor_email', value: (r) => r.actorEmail },
  { header: 'session_id', value: (r) => r.sessionId },
  { header: 'token_id', value: (r) => r.tokenId },
  { header: 'request_id', value: (r) => r.requestId },
  { header: 'old_value', value: (r) => json(r.oldValue) },
  { header: 'new_value', value: (r) => json(r.newValue) },
  { header: 'reason', value: (r) => r.reason },
];

const auditCsv = createRoute({
  method: 'get',
  path: '/audit.csv',
  operationId: 'auditCsv',
  summary:
    'The append-only audit log as CSV; values of identifying figures are hidden from callers outside ' +
    'their jurisdiction',
  ...access('admin; donor; provincial_reviewer for their scope'),
  request: { query: AuditQuerySchema },
  responses: { 200: { description: 'OK', content: CSV_CONTENT }, ...problems(401, 403) },
});

/** The append-only audit log as CSV, for donors and reviewers to verify every change. */
export const auditRoutes = (deps: WorkflowDeps) =>
  createRouter().openapi(auditCsv, async (c) => {
    const { from, to } = c.req.valid('query');
    const rows = await readAuditLog(deps, requireUser(c), {
      from,
      to: to === undefined ? undefined : `${to}T23:59:59.999Z`,
    });
    return c.body(toCsv(rows, columns), 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': 'attachment; filename="fourp-audit.csv"',
      'Cache-Control': 'no-store',
    });
  });
