import { IMPORT_COLUMNS, ObservationCreateRequestSchema } from '@fourp/domain';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { observations } from '../../db/schema.js';
import {
  auditSince,
  callerFor,
  gujratFigure,
  json,
  lastAuditId,
  tableCounts,
  serviceDeps,
  useWorkflowTestApp,
} from '../../test-support/workflow.js';
import { createObservation } from '../observation/create.js';
import { applyImport } from './apply.js';
import { previewImport } from './preview.js';

const t = useWorkflowTestApp();
const deps = () => serviceDeps(t.db);

type Row = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
/** A template CSV; every row cites the source gujratFigure() cites. */
const csv = (rows: Row[]) => {
  const base: Row = {
    indicator: 'victims_identified',
    jurisdiction: 'PK-PB-GUJRAT',
    status: 'A',
    source_title: 'District police annual report',
    source_publisher: 'Punjab Police, Gujrat',
    source_year: '2023',
    source_locator: 'table 4',
    source_kind: 'primary',
  };
  const lines = rows.map((row) => IMPORT_COLUMNS.map((c) => quote({ ...base, ...row }[c] ?? '')).join(','));
  return new TextEncoder().encode([IMPORT_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n');
};

const keysOf = (value: unknown) => Object.keys(value as object).sort();

describe('previewImport', () => {
  it('reports what the import would do and writes nothing', async () => {
    const before = await tableCounts(t.db);
    const report = await previewImport(deps(), callerFor(t.official), {
      bytes: csv([
        { year: '1990', value: '5' },
        { year: '1991', value: 'five' },
      ]),
    });
    expect(report).toMatchObject({ dryRun: true, rows: 2, inserted: 1, batchId: null });
    expect(report.errors).toEqual([{ row: 3, column: 'value', message: expect.any(String) }]);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('refuses a caller who may not import at all', async () => {
    await expect(
      previewImport(deps(), callerFor(t.donor), { bytes: csv([{ year: '1990', value: '5' }]) }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('applyImport', () => {
  it('stores new figures, one audit entry each and one for the batch', async () => {
    const since = await lastAuditId(t.db);
    const report = await applyImport(deps(), callerFor(t.official), {
      bytes: csv([
        { year: '2000', value: '7' },
        { year: '2001', value: '8', note: 'provisional' },
      ]),
      state: 'submitted',
      filename: 'figures.csv',
    });
    expect(report).toMatchObject({ dryRun: false, inserted: 2, updated: 0, batchId: expect.any(Number) });
    const entries = await auditSince(t.db, since);
    expect(entries.map((e) => e.action)).toEqual(['observation.import', 'observation.import', 'import.run']);
    expect(entries[1]).toMatchObject({
      entityType: 'observation',
      jurisdictionId: 'PK-PB-GUJRAT',
      reason: `import batch ${report.batchId}`,
      oldValue: null,
      newValue: { year: 2001, value: 8, note: 'provisional', workflowState: 'submitted', row: 3 },
    });
    expect(entries[2]).toMatchObject({
      entityType: 'import_batch',
      entityId: String(report.batchId),
      newValue: { filename: 'figures.csv', inserted: 2, updated: 0, unchanged: 0 },
    });
  });

  it('files a part-year row under the months its period column gives', async () => {
    const report = await applyImport(deps(), callerFor(t.official), {
      bytes: csv([{ year: '2015', value: '9', period: '2015-01/2015-06' }]),
      state: 'draft',
      filename: null,
    });
    expect(report).toMatchObject({ inserted: 1, errors: [] });
    const stored = await t.db
      .select({ period: observations.period, year: observations.year })
      .from(observations)
      .where(and(eq(observations.year, 2015), eq(observations.jurisdictionId, 'PK-PB-GUJRAT')));
    expect(stored).toEqual([{ period: '2015-01/2015-06', year: 2015 }]);
  });

  it('refuses a file with a row outside the importer’s scope, and one it cannot read, writing nothing', async () => {
    const before = await tableCounts(t.db);
    await expect(
      applyImport(deps(), callerFor(t.official), {
        bytes: csv([{ year: '2002', value: '1', jurisdiction: 'PK-PB-GUJRANWALA' }]),
        state: 'draft',
        filename: null,
      }),
    ).rejects.toMatchObject({ code: 'forbidden', errors: [{ row: 2, column: 'jurisdiction' }] });
    await expect(
      applyImport(deps(), callerFor(t.official), {
        bytes: new TextEncoder().encode('not,an,import\r\n1,2,3\r\n'),
        state: 'draft',
        filename: null,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('audits a correction by import exactly as a correction through PATCH', async () => {
    const create = (year: number) =>
      createObservation(
        deps(),
        callerFor(t.official),
        ObservationCreateRequestSchema.parse(gujratFigure({ year, value: 40 })),
      );
    const patched = (await create(2006)).observation;
    const imported = (await create(2008)).observation;

    const since = await lastAuditId(t.db);
    const res = await t.app.request(
      `/v1/observations/${patched.id}`,
      json(t.official.bearer, { value: 41, note: 'recount' }, 'PATCH'),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const upload = await t.app.request('/v1/imports', {
      method: 'POST',
      headers: { ...t.official.bearer, 'Content-Type': 'text/csv' },
      body: csv([{ year: '2008', value: '41', note: 'recount' }]),
    });
    expect(upload.status, await upload.clone().text()).toBe(201);

    const updates = (await auditSince(t.db, since)).filter((e) => e.action === 'observation.update');
    expect(updates.map((e) => e.entityId)).toEqual([String(patched.id), String(imported.id)]);
    const [viaPatch, viaImport] = updates;
    for (const entry of updates) {
      expect(entry).toMatchObject({
        oldValue: { value: 40, note: null, workflowState: 'draft', locked: false },
        newValue: { value: 41, note: 'recount', workflowState: 'draft', locked: false },
      });
      expect(entry.oldValue).toMatchObject({
        sourceId: expect.any(Number),
        valueAsRead: null,
        unitAsRead: null,
      });
    }
    expect(keysOf(viaImport!.oldValue)).toEqual(keysOf(viaPatch!.oldValue));
    expect(keysOf(viaImport!.newValue)).toEqual(keysOf(viaPatch!.newValue));
  });
});
