import { ImportQuerySchema } from '@fourp/domain';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env.js';
import { callerOf, requireAllowed } from '../../auth/guard.js';
import { ApiError } from '../../errors.js';
import { XLSX_CONTENT_TYPE, templateCsv, templateXlsx } from '../../import/parse.js';
import { validQuery } from '../../middleware/validate.js';
import { listImportBatches } from '../../repos/workflow/imports.js';
import { applyImport } from '../../services/import/apply.js';
import { previewImport } from '../../services/import/preview.js';
import type { WorkflowDeps } from './shared.js';

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

export const importRoutes = (deps: WorkflowDeps) =>
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
      const batches = await listImportBatches(
        deps.db,
        principal.role === 'admin' ? undefined : principal.userId,
      );
      return c.json({ data: batches, meta: { count: batches.length } }, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/', validQuery(ImportQuerySchema), async (c) => {
      const caller = callerOf(c);
      const { dryRun, state } = c.req.valid('query');
      const { bytes, filename } = await uploadedFile(c);
      if (dryRun) {
        const report = await previewImport(deps, caller, { bytes });
        return c.json({ data: report }, 200, { 'Cache-Control': 'no-store' });
      }
      const report = await applyImport(deps, caller, { bytes, state, filename });
      return c.json({ data: report }, 201, { 'Cache-Control': 'no-store' });
    });
