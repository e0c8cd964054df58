import { createRoute } from '@hono/zod-openapi';
import { JurisdictionImportQuerySchema, JurisdictionImportResponseSchema } from '@fourp/domain';
import { readJurisdictionRows } from '../../import/jurisdiction-rows.js';
import { jsonResponse, problems } from '../../openapi/responses.js';
import { createRouter } from '../../openapi/router.js';
import { importJurisdictions } from '../../services/jurisdiction/import.js';
import { callerOf } from './guard.js';
import { uploadedFile } from './imports.js';
import { CSV_CONTENT, MULTIPART_FILE_CONTENT, NO_STORE, access, type WorkflowDeps } from './shared.js';

const importUnits = createRoute({
  method: 'post',
  path: '/import',
  operationId: 'importJurisdictions',
  summary:
    'Add units to the jurisdiction tree or close them, from CSV or JSON rows (id, kind, name_en, name_ur, role, valid_from, valid_to, parent_id, source, note): all rows or none',
  ...access('admin'),
  request: {
    query: JurisdictionImportQuerySchema,
    body: {
      required: true,
      content: {
        ...MULTIPART_FILE_CONTENT,
        ...CSV_CONTENT,
        'application/json': { schema: { type: 'array', items: { type: 'object' } } },
      },
    },
  },
  responses: {
    200: jsonResponse(JurisdictionImportResponseSchema, 'Dry run: what the import would change'),
    201: jsonResponse(JurisdictionImportResponseSchema, 'Imported'),
    ...problems(401, 403),
  },
});

export const jurisdictionImportRoutes = (deps: WorkflowDeps) =>
  createRouter().openapi(importUnits, async (c) => {
    const caller = callerOf(c);
    const { dryRun } = c.req.valid('query');
    const { bytes, filename } = await uploadedFile(c);
    const report = await importJurisdictions(deps, caller, {
      rows: readJurisdictionRows(bytes),
      dryRun,
      filename,
    });
    return c.json({ data: report }, dryRun ? 200 : 201, NO_STORE);
  });
