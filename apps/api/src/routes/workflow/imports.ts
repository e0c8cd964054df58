import { ImportQuerySchema, type ImportReport } from '@fourp/domain';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env.js';
import { actorOf, requireAllowed } from '../../auth/guard.js';
import { ApiError } from '../../errors.js';
import { ImportRejectedError, applyImport, previewImport } from '../../import/apply.js';
import {
  ImportFileError,
  XLSX_CONTENT_TYPE,
  parseImportFile,
  templateCsv,
  templateXlsx,
} from '../../import/parse.js';
import { validQuery } from '../../middleware/validate.js';
import { listImportBatches } from '../../repos/workflow/imports.js';
import type { WorkflowDeps } from './shared.js';

const ROWS_AS_IN_A_SPREADSHEET = 'Rows are numbered as a spreadsheet shows them, the header being row 1.';

/** Import issues as a problem's `errors[]`: structured `row` and `column`, and `path` for generic clients. */
const issuesAsErrors = (report: Pick<ImportReport, 'errors'>) =>
  report.errors.map((e) => ({
    path: `row ${e.row}, ${e.column}`,
    message: e.message,
    row: e.row,
    column: e.column,
  }));

/** The uploaded file: the `file` field of a multipart form, or the raw body. */
async function uploadedFile(c: Context): Promise<{ bytes: Uint8Array; filename: string | null }> {
  if (c.req.header('content-type')?.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form['file'];
    if (!(file instanceof File)) {
      throw new ApiError('validation_failed', 'Send the file in the "file" field of the form.', [
        { path: 'file', message: 'required' },
      ]);
    }
    return { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name || null };
  }
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), filename: null };
}

export const importRoutes = ({ db, now }: WorkflowDeps) =>
  new Hono<AppEnv>()
    .get('/template.csv', (c) =>
      c.body(templateCsv(), 200, {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': 'attachment; filename="fourp-import-template.csv"',
      }),
    )
    .get('/template.xlsx', async (c) =>
      c.body(new Uint8Array(await templateXlsx()), 200, {
        'Content-Type': XLSX_CONTENT_TYPE,
        'Content-Disposition': 'attachment; filename="fourp-import-template.xlsx"',
      }),
    )
    .get('/', async (c) => {
      const principal = requireAllowed(c, 'import.run');
      const batches = await listImportBatches(db, principal.role === 'admin' ? undefined : principal.userId);
      return c.json({ data: batches, meta: { count: batches.length } }, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/', validQuery(ImportQuerySchema), async (c) => {
      const principal = requireAllowed(c, 'import.run');
      const { dryRun, state } = c.req.valid('query');
      const { bytes, filename } = await uploadedFile(c);
      try {
        const parsed = await parseImportFile(bytes);
        const options = { principal, now: now() };
        if (dryRun)
          return c.json({ data: await previewImport(db, parsed, options) }, 200, {
            'Cache-Control': 'no-store',
          });
        const report = await applyImport(db, parsed, { ...options, actor: actorOf(c), state, filename });
        return c.json({ data: report }, 201, { 'Cache-Control': 'no-store' });
      } catch (error) {
        if (error instanceof ImportFileError) {
          throw new ApiError('validation_failed', error.message, issuesAsErrors({ errors: error.issues }));
        }
        if (error instanceof ImportRejectedError) {
          const { errors } = error.report;
          const first = errors[0]!;
          throw new ApiError(
            error.outOfScope > 0 ? 'forbidden' : 'validation_failed',
            `${errors.length} row(s) cannot be imported, nothing was written. First: row ${first.row}, ${first.column}: ${first.message}. ${ROWS_AS_IN_A_SPREADSHEET}`,
            issuesAsErrors(error.report),
          );
        }
        throw error;
      }
    });
