import { asc, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { auditLog } from '../../db/schema-workflow.js';
import { createTestDb, type TestDb } from '../../test-support/db.js';
import { appendAudit, auditFor, listAudit, type Actor } from './audit.js';
import { GENESIS_HASH, verifyAuditChain } from './audit-chain.js';

const actor: Actor = { userId: null, email: 'cli:test', sessionId: null, tokenId: null, requestId: 'r1' };
const at = new Date('2025-03-01T10:00:00Z');
const entry = (n: number) => ({
  action: 'test.write',
  entityType: 'target' as const,
  entityId: n,
  newValue: { n },
});

let testDb: TestDb | undefined;
afterEach(() => testDb?.close());

async function loggedDb(entries = 4) {
  testDb = createTestDb();
  for (let n = 1; n <= entries; n++) await appendAudit(testDb.db, actor, entry(n), at);
  return testDb.db;
}

const dropAppendOnlyTriggers = (db: TestDb['db']) => {
  db.run(sql`drop trigger audit_log_no_update`);
  db.run(sql`drop trigger audit_log_no_delete`);
};

describe('audit chain', () => {
  it('links every entry to the hash of the one before, and verifies', async () => {
    const db = await loggedDb();
    await appendAudit(db, actor, [entry(5), entry(6)], at);
    const rows = db.select().from(auditLog).orderBy(asc(auditLog.id)).all();
    expect(rows.map((row) => row.prevHash)).toEqual([
      GENESIS_HASH,
      ...rows.slice(0, -1).map((row) => row.hash),
    ]);
    expect(new Set(rows.map((row) => row.hash)).size).toBe(6);
    expect(verifyAuditChain(db)).toEqual({ ok: true, count: 6 });
  });

  it('names an entry edited directly in the database', async () => {
    const db = await loggedDb();
    dropAppendOnlyTriggers(db);
    db.run(sql`update audit_log set new_value = '{"n":99}' where id = 3`);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenId: 3, count: 2 });
    expect(verifyAuditChain(db)).toMatchObject({ problem: expect.stringMatching(/fields no longer match/) });
  });

  it('names the entry after one that was deleted', async () => {
    const db = await loggedDb();
    dropAppendOnlyTriggers(db);
    db.run(sql`delete from audit_log where id = 2`);
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      brokenId: 3,
      problem: expect.stringMatching(/prev_hash/),
    });
  });

  it('keeps one chain when two connections append in turn', async () => {
    const db = await loggedDb(1);
    const other = openDatabase(testDb!.path);
    try {
      for (let n = 0; n < 3; n++) {
        await appendAudit(other.db, actor, entry(10 + n), at);
        await appendAudit(db, actor, entry(20 + n), at);
      }
    } finally {
      other.close();
    }
    expect(verifyAuditChain(db)).toEqual({ ok: true, count: 7 });
  });

  it('seals entries written before the chain on open, and then refuses to edit them', async () => {
    testDb = createTestDb();
    testDb.db.run(
      sql`insert into audit_log (at, action, entity_type, entity_id) values ('2024-01-01T00:00:00Z', 'legacy', 'target', '1'), ('2024-01-02T00:00:00Z', 'legacy', 'target', '2')`,
    );
    expect(verifyAuditChain(testDb.db)).toMatchObject({ ok: false, brokenId: 1 });
    const reopened = openDatabase(testDb.path);
    try {
      expect(verifyAuditChain(reopened.db)).toEqual({ ok: true, count: 2 });
      await appendAudit(reopened.db, actor, entry(3), at);
      expect(verifyAuditChain(reopened.db)).toEqual({ ok: true, count: 3 });
      const unseal = reopened.db.$client.prepare('update audit_log set hash = null where id = 1');
      expect(() => unseal.run()).toThrow('audit_log is append-only');
    } finally {
      reopened.close();
    }
  });

  it('keeps the hashes out of the records callers read', async () => {
    const db = await loggedDb(1);
    const [listed] = await listAudit(db);
    const [forEntity] = await auditFor(db, 'target', 1);
    for (const record of [listed, forEntity]) {
      expect(record).toMatchObject({ id: 1, newValue: { n: 1 } });
      expect(Object.keys(record!)).not.toContain('hash');
      expect(Object.keys(record!)).not.toContain('prevHash');
    }
  });
});
