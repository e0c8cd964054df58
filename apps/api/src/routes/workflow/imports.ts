import { createRoute } from '@hono/zod-openapi';
import {
  IMPORT_LIMITS,
  ImportBatchListResponseSchema,
  ImportQuerySchema,
  ImportReportResponseSchema,
} from '@fourp/domain';
import type { Context } from 'hono';
import { callerOf, requireAllowed } from './guard.js';
import { ApiError } from '../../errors.js';
import { XLSX_CONTENT_TYPE, templateCsv, templateXlsx } from '../../import/parse.js';
import { jsonResponse, problems } from '../../openapi/responses.js';
import { createRouter } from '../../openapi/router.js';
import { listImportBatches } from '../../repos/workflow/imports.js';
import { applyImport } from '../../services/import/apply.js';
import { previewImport } from '../../services/import/preview.js';
import {
  CSV_CONTENT,
  ENTRY,
  MULTIPART_FILE_CONTENT,
  NO_STORE,
  XLSX_CONTENT,
  access,
  type WorkflowDeps,
} from './shared.js';
import { say } from '../../i18n/messages.js';

/** The uploaded file: the `file` field of a multipart form, or the raw body. */
export async function uploadedFile(c: Context): Promise<{ bytes: Uint8Array; filename: string | null }> {
  if (c.req.header('content-type')?.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody().catch((error: unknown) => {
      throw new ApiError(
        'validation_failed',
        say('import_multipart_unreadable', { reason: (error as Error).message }),
      );
    });
    const file = form['file'];
    if (!(file instanceof File)) {
      throw new ApiError('validation_failed', say('import_file_field'), [
        { path: 'file', message: say('required') },
      ]);
    }
    return { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name || null };
  }
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), filename: null };
}

const templateCsvRoute = createRoute({
  method: 'get',
  path: '/template.csv',
  operationId: 'importTemplateCsv',
  summary: 'The import template as CSV',
  ...access('anyone', 'anyone'),
  responses: { 200: { description: 'OK', content: CSV_CONTENT }, ...problems() },
});

const templateXlsxRoute = createRoute({
  method: 'get',
  path: '/template.xlsx',
  operationId: 'importTemplateXlsx',
  summary: 'The import template as XLSX, with a sheet explaining each column',
  ...access('anyone', 'anyone'),
  responses: { 200: { description: 'OK', content: XLSX_CONTENT }, ...problems() },
});

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listImports',
  summary: 'Import batches, newest first: an admin sees all, others their own',
  ...access(ENTRY),
  responses: { 200: jsonResponse(ImportBatchListResponseSchema), ...problems(401, 403) },
});

const runAccess = access(`${ENTRY}; every row must lie within the importer's scope (403 otherwise)`);
const LIMITS =
  `Limits: ${IMPORT_LIMITS.bytes} bytes per file, ${IMPORT_LIMITS.rows} rows after the header, ` +
  `${IMPORT_LIMITS.columns} columns, ${IMPORT_LIMITS.cellCharacters} characters in a cell, ` +
  `${IMPORT_LIMITS.unpackedBytes} bytes unpacked (XLSX). The file is streamed and refused as soon as it ` +
  'passes one: 413 for the size, the rows and the unpacked size, 400 for the columns and a cell, naming ' +
  'the limit, the row and the column. A dry run lists the first 1,000 problems and counts the rest.';

/** A file body is read by the handler (multipart or raw), so its schema is documented, not validated. */
const run = createRoute({
  method: 'post',
  path: '/',
  operationId: 'runImport',
  summary:
    'Import a CSV or XLSX (template or reference layout): dryRun=true reports every error and warning by row and column; otherwise all rows or none, idempotent',
  ...runAccess,
  description: `${runAccess.description} ${LIMITS}`,
  request: {
    query: ImportQuerySchema,
    body: {
      required: true,
      content: {
        ...MULTIPART_FILE_CONTENT,
        ...CSV_CONTENT,
        ...XLSX_CONTENT,
      },
    },
  },
  responses: {
    200: jsonResponse(ImportReportResponseSchema, 'Dry run: what the import would do'),
    201: jsonResponse(ImportReportResponseSchema, 'Imported'),
    ...problems(401, 403, 409, 413),
  },
});

export const importRoutes = (deps: WorkflowDeps) =>
  createRouter()
    .openapi(templateCsvRoute, (c) =>
      c.body(templateCsv(), 200, {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': 'attachment; filename="fourp-import-template.csv"',
      }),
    )
    .openapi(templateXlsxRoute, async (c) =>
      c.body(new Uint8Array(await templateXlsx()), 200, {
        'Content-Type': XLSX_CONTENT_TYPE,
        'Content-Disposition': 'attachment; filename="fourp-import-template.xlsx"',
      }),
    )
    .openapi(list, async (c) => {
      const principal = requireAllowed(c, 'import.run');
      const batches = await listImportBatches(
        deps.db,
        principal.role === 'admin' ? undefined : principal.userId,
      );
      return c.json({ data: batches, meta: { count: batches.length } }, 200, NO_STORE);
    })
    .openapi(run, async (c) => {
      const caller = callerOf(c);
      const { dryRun, state } = c.req.valid('query');
      const { bytes, filename } = await uploadedFile(c);
      if (dryRun) {
        const report = await previewImport(deps, caller, { bytes });
        return c.json({ data: report }, 200, NO_STORE);
      }
      const report = await applyImport(deps, caller, { bytes, state, filename });
      return c.json({ data: report }, 201, NO_STORE);
    });
