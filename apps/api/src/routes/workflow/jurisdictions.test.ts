import {
  JURISDICTION_IMPORT_COLUMNS,
  JurisdictionImportResponseSchema,
  JurisdictionListResponseSchema,
} from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { getParsed, readProblem } from '../../test-support/api.js';
import {
  auditSince,
  json,
  lastAuditId,
  tableCounts,
  useWorkflowTestApp,
} from '../../test-support/workflow.js';

const t = useWorkflowTestApp();

const KUNJAH = {
  id: 'PK-PB-GUJRAT-KUNJAH',
  kind: 'tehsil',
  name_en: 'Kunjah Tehsil',
  name_ur: 'تحصیل کنجاہ',
  role: 'monitored',
  valid_from: '2025-07-01',
  parent_id: 'PK-PB-GUJRAT',
  source: 'Board of Revenue notification (test)',
};

const csv = (rows: Record<string, string>[]) => {
  const header = JURISDICTION_IMPORT_COLUMNS;
  return [header.join(','), ...rows.map((row) => header.map((h) => row[h] ?? '').join(','))].join('\n');
};
const upload = (headers: Record<string, string>, body: string, query = '') =>
  t.app.request(`/v1/jurisdictions/import${query}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'text/csv' },
    body,
  });
const tehsilsOf = async (district: string, asOf: string) => {
  const { body } = await getParsed(t.app, `/v1/jurisdictions?asOf=${asOf}`, JurisdictionListResponseSchema);
  return body.data.items.filter((j) => j.parentId === district).map((j) => j.id);
};

describe('POST /v1/jurisdictions/import', () => {
  it('refuses everyone but an admin', async () => {
    for (const user of [t.reviewer, t.official, t.donor]) {
      const problem = await readProblem(await upload(user.bearer, csv([KUNJAH])), 403);
      expect(problem.detail).toContain('jurisdiction.manage');
    }
    await readProblem(await upload({}, csv([KUNJAH])), 401);
  });

  it('rejects the whole file, naming each bad row and field, and writes nothing', async () => {
    const before = await tableCounts(t.db);
    const rows = [
      KUNJAH,
      { ...KUNJAH, id: 'PK-PB-GUJRAT-DINGA', name_en: 'Dinga Tehsil', parent_id: 'PK-PB-NOWHERE' },
      { ...KUNJAH, id: 'PK-PB-GUJRAT-X', valid_from: '2025-13-01', source: '' },
    ];
    const problem = await readProblem(await upload(t.admin.bearer, csv(rows)), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['rows[3].valid_from', 'rows[3].source']),
    );
    const dryRun = await readProblem(
      await upload(t.admin.bearer, csv([KUNJAH, { ...rows[1]! }]), '?dryRun=true'),
      400,
    );
    expect(dryRun.errors).toEqual([
      {
        path: 'rows[2].parents[0]',
        message: 'row 2, parents[0]: PK-PB-GUJRAT-DINGA has an unknown parent PK-PB-NOWHERE',
      },
    ]);
    expect(await tableCounts(t.db)).toEqual(before);
    expect(await tehsilsOf('PK-PB-GUJRAT', '2026-01-01')).not.toContain('PK-PB-GUJRAT-KUNJAH');
  });

  it('names the bad row in Urdu with lang=ur, at the same path', async () => {
    const orphan = { ...KUNJAH, id: 'PK-PB-GUJRAT-DINGA', parent_id: 'PK-PB-NOWHERE' };
    const problem = await readProblem(
      await upload(t.admin.bearer, csv([KUNJAH, orphan]), '?dryRun=true&lang=ur'),
      400,
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(['rows[2].parents[0]']);
    const message = problem.errors?.[0]?.message ?? '';
    expect(message).toContain('PK-PB-GUJRAT-DINGA');
    expect(message).toContain('PK-PB-NOWHERE');
    expect(message).toMatch(/نامعلوم/);
    expect(message).not.toMatch(/unknown parent/);
  });

  it('adds a tehsil from a CSV upload, with an audit entry, and the tree shows it from its first day', async () => {
    const dry = await upload(t.admin.bearer, csv([KUNJAH]), '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(JurisdictionImportResponseSchema.parse(await dry.json()).data).toEqual({
      dryRun: true,
      added: ['PK-PB-GUJRAT-KUNJAH'],
      closed: [],
    });
    const auditBefore = await lastAuditId(t.db);
    const res = await upload(t.admin.bearer, csv([KUNJAH]));
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await tehsilsOf('PK-PB-GUJRAT', '2025-06-30')).not.toContain('PK-PB-GUJRAT-KUNJAH');
    expect(await tehsilsOf('PK-PB-GUJRAT', '2025-07-01')).toContain('PK-PB-GUJRAT-KUNJAH');
    const [entry] = await auditSince(t.db, auditBefore);
    expect(entry).toMatchObject({ action: 'jurisdiction.import', entityId: 'PK-PB-GUJRAT-KUNJAH' });
    const again = await readProblem(await upload(t.admin.bearer, csv([KUNJAH])), 400);
    expect(again.errors?.[0]?.message).toContain('already exists');
  });

  it('closes a unit from JSON rows on the day given, keeping it in the trees before', async () => {
    const close = [{ id: 'PK-PB-GUJRAT-KUNJAH', valid_to: '2026-03-31', source: 'De-notification (test)' }];
    const res = await t.app.request('/v1/jurisdictions/import', json(t.admin.bearer, close));
    expect(res.status, await res.clone().text()).toBe(201);
    expect(JurisdictionImportResponseSchema.parse(await res.json()).data.closed).toEqual([
      'PK-PB-GUJRAT-KUNJAH',
    ]);
    expect(await tehsilsOf('PK-PB-GUJRAT', '2026-03-31')).toContain('PK-PB-GUJRAT-KUNJAH');
    expect(await tehsilsOf('PK-PB-GUJRAT', '2026-04-01')).not.toContain('PK-PB-GUJRAT-KUNJAH');
  });
});
