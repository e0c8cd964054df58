import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, createAccount, runApiCli, withSqlite } from '../support/cli.js';
import { startApi } from '../support/servers.js';

const READS = [
  '/v1/observations?indicator=victims_identified&jurisdiction=PK-PB-GUJRAT',
  '/v1/observations?indicator=victims_identified&jurisdiction=PK-PB-GUJRAT&format=csv',
  '/v1/scorecard?jurisdiction=PK-PB-GUJRAT',
  '/v1/coverage',
  '/v1/sources',
];

type Signed = Record<string, string>;

async function signIn(apiUrl: string, email: string): Promise<Signed> {
  const res = await fetch(`${apiUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  const { data } = (await res.json()) as { data: { csrfToken: string } };
  return { Cookie: res.headers.get('set-cookie')!.split(';')[0]!, 'X-FourP-CSRF': data.csrfToken };
}

async function post(apiUrl: string, path: string, headers: Signed, body: unknown) {
  const res = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { data: { id: number } };
}

type Published = { id: number; value: number };
const published = (db: Database.Database) =>
  db
    .prepare(`select id, value from observations where workflow_state = 'published' order by id`)
    .all() as Published[];
const auditChain = (db: Database.Database) =>
  db.prepare('select id, hash from audit_log order by id').all() as { id: number; hash: string }[];

describe('a backup taken under load', () => {
  let dir: string;
  let databasePath: string;
  let api: Awaited<ReturnType<typeof startApi>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fourp-backup-load-'));
    databasePath = join(dir, 'fourp.db');
    api = await startApi(databasePath);
    await createAccount(databasePath, 'official@example.org', 'district_official', 'PK-PB-GUJRAT');
    await createAccount(databasePath, 'reviewer@example.org', 'provincial_reviewer');
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores to the published figures and audit chain the source held when it was taken', async () => {
    const official = await signIn(api.apiUrl, 'official@example.org');
    const reviewer = await signIn(api.apiUrl, 'reviewer@example.org');
    let running = true;
    let errors = 0;
    let reads = 0;
    let figures = 0;
    const reader = async () => {
      for (let i = 0; running; i++) {
        const res = await fetch(`${api.apiUrl}${READS[i % READS.length]}`);
        await res.arrayBuffer();
        if (res.status !== 200) errors += 1;
        reads += 1;
      }
    };
    const writer = async (lane: number) => {
      for (let n = 0; running; n++) {
        const { data } = await post(api.apiUrl, '/v1/observations', official, {
          indicator: 'victims_identified',
          jurisdiction: 'PK-PB-GUJRAT',
          year: 2000 + (n % 20),
          value: 100 + n,
          source: {
            title: `Load report ${lane}.${n}`,
            publisher: 'Punjab Police',
            year: 2024,
            kind: 'primary',
          },
        });
        await post(api.apiUrl, `/v1/observations/${data.id}/submit`, official, {});
        await post(api.apiUrl, `/v1/observations/${data.id}/approve`, reviewer, {});
        await post(api.apiUrl, `/v1/observations/${data.id}/publish`, reviewer, {});
        figures += 1;
      }
    };
    const load = Promise.all([reader(), reader(), reader(), writer(1), writer(2)]).finally(() => {
      running = false;
    });
    load.catch(() => undefined);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

    await settle();
    const before = withSqlite(databasePath, (db) => ({ published: published(db), audit: auditChain(db) }));
    const backupFile = join(dir, 'backup.db');
    await runApiCli('cli/db-backup.js', ['--to', backupFile], databasePath);
    const figuresAtBackup = figures;
    await settle();
    running = false;
    await load;
    expect(errors).toBe(0);
    expect(figures).toBeGreaterThan(figuresAtBackup);
    expect(reads).toBeGreaterThan(0);

    const restoredPath = join(dir, 'fresh', 'fourp.db');
    const restore = await runApiCli(
      'cli/db-restore.js',
      ['--from', backupFile, '--database', restoredPath],
      databasePath,
    );
    expect(restore.stdout).toMatch(/audit chain intact/);
    expect((await runApiCli('cli/audit-verify.js', [], restoredPath)).stdout).toMatch(/Audit log OK/);

    const source = withSqlite(databasePath, (db) => ({
      published: published(db),
      audit: auditChain(db),
      publishedAt: db
        .prepare(
          `select cast(entity_id as integer) as id, id as auditId from audit_log where action = 'observation.publish'`,
        )
        .all() as { id: number; auditId: number }[],
    }));
    const restored = withSqlite(restoredPath, (db) => ({ published: published(db), audit: auditChain(db) }));

    expect(restored.audit.length).toBeGreaterThanOrEqual(before.audit.length);
    expect(restored.audit.length).toBeLessThan(source.audit.length);
    expect(source.audit.slice(0, restored.audit.length)).toEqual(restored.audit);

    const lastRestoredAudit = restored.audit.at(-1)!.id;
    const publishedAfterBackup = new Set(
      source.publishedAt.filter((entry) => entry.auditId > lastRestoredAudit).map((entry) => entry.id),
    );
    expect(publishedAfterBackup.size).toBeGreaterThan(0);
    expect(restored.published).toEqual(
      source.published.filter((figure) => !publishedAfterBackup.has(figure.id)),
    );
    expect(restored.published.length).toBeGreaterThanOrEqual(before.published.length);
  }, 120_000);
});
