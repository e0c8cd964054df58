import { openSync, writeSync, closeSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../repos/workflow/audit.js';
import { verifyAuditChain } from '../repos/workflow/audit-chain.js';
import { seedIfEmpty } from '../seed/seed.js';
import { createTestDb, type TestDb } from '../test-support/db.js';
import { backupDatabase, restoreDatabase } from './backup.js';
import { openDatabase, type Db } from './client.js';
import { observations } from './schema.js';
import { auditLog } from './schema-workflow.js';

let testDb: TestDb | undefined;
afterEach(() => testDb?.close());

const actor = { userId: null, email: 'cli:test', sessionId: null, tokenId: null, requestId: null };

async function liveDb() {
  testDb = createTestDb();
  await seedIfEmpty(testDb.db);
  for (let n = 1; n <= 3; n++)
    await appendAudit(testDb.db, actor, { action: 'test', entityType: 'target', entityId: n }, new Date());
  return testDb;
}

const snapshot = (db: Db) => ({
  figures: db.select().from(observations).orderBy(asc(observations.id)).all(),
  audit: db.select().from(auditLog).orderBy(asc(auditLog.id)).all(),
});

const beside = (name: string) => join(testDb!.path, '..', name);

describe('backup and restore', () => {
  it('restores a backup taken while the database is open to identical figures and audit chain', async () => {
    const live = await liveDb();
    const backup = beside('backup.db');
    await backupDatabase(live.path, backup);
    const target = beside('restored.db');
    writeFileSync(target, 'an older database file');
    expect(await restoreDatabase(backup, target)).toEqual({ auditEntries: 3 });
    const restored = openDatabase(target);
    try {
      expect(snapshot(restored.db)).toEqual(snapshot(live.db));
      expect(snapshot(restored.db).figures).toHaveLength(362);
      expect(verifyAuditChain(restored.db)).toEqual({ ok: true, count: 3 });
    } finally {
      restored.close();
    }
  });

  it('refuses a corrupt file and leaves the database as it was', async () => {
    const live = await liveDb();
    const backup = beside('backup.db');
    await backupDatabase(live.path, backup);
    const fd = openSync(backup, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096 * 3);
    closeSync(fd);
    const before = readFileSync(live.path);
    await expect(restoreDatabase(backup, live.path)).rejects.toThrow(/integrity check|cannot be opened/);
    expect(readFileSync(live.path).equals(before)).toBe(true);
    const text = beside('notes.txt');
    writeFileSync(text, 'not a database at all, just some text that is long enough to look like a header');
    await expect(restoreDatabase(text, live.path)).rejects.toThrow(/cannot be opened|integrity check/);
  });

  it('refuses a database that is not FourP, or one with a migration newer than this build knows', async () => {
    const live = await liveDb();
    const foreign = beside('foreign.db');
    const other = new Database(foreign);
    other.exec('create table notes (id integer primary key, body text)');
    other.close();
    await expect(restoreDatabase(foreign, live.path)).rejects.toThrow(/not a FourP database/);
    const newer = beside('newer.db');
    await backupDatabase(live.path, newer);
    const future = new Database(newer);
    future
      .prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)')
      .run('f'.repeat(64), 4102444800000);
    future.close();
    await expect(restoreDatabase(newer, live.path)).rejects.toThrow(/newer than this build knows/);
    expect(existsSync(live.path)).toBe(true);
    expect(verifyAuditChain(live.db)).toEqual({ ok: true, count: 3 });
  });
});
