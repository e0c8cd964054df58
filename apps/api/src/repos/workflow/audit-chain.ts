import { createHash } from 'node:crypto';
import { asc, desc, eq, gt } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { auditLog } from '../../db/schema-workflow.js';

type AuditRow = typeof auditLog.$inferSelect;
type AnyDb = BetterSQLite3Database<Record<string, unknown>> & { $client: Database.Database };

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 (hex) over the entry's fields, in a fixed order, and the previous entry's hash. */
export function auditEntryHash(row: Omit<AuditRow, 'hash' | 'prevHash'>, prevHash: string): string {
  const fields = [
    row.id,
    row.at,
    row.actorId,
    row.actorEmail,
    row.sessionId,
    row.tokenId,
    row.requestId,
    row.action,
    row.entityType,
    row.entityId,
    row.jurisdictionId,
    row.oldValue,
    row.newValue,
    row.reason,
    prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

type ChainHead = { id: number; hash: string };

/** The newest entry's id and hash (id 0 and the genesis hash when the log is empty). */
export function chainHead(db: AnyDb): { id: number; hash: string | null } {
  const last = db
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  return last ?? { id: 0, hash: GENESIS_HASH };
}

const PAGE = 1000;

/** Every entry in id order, read a page at a time so a long log is never held in memory at once. */
function* auditRows(db: AnyDb): Generator<AuditRow> {
  let afterId = 0;
  for (;;) {
    const page = db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, afterId))
      .orderBy(asc(auditLog.id))
      .limit(PAGE)
      .all();
    yield* page;
    if (page.length < PAGE) return;
    afterId = page[page.length - 1]!.id;
  }
}

/**
 * Hashes entries written before the chain existed, in id order, and returns the newest entry's id and hash.
 * Reads only the newest entry once the chain is sealed. Synchronous, so nothing interleaves.
 */
export function sealAuditChain(db: AnyDb): ChainHead {
  const head = chainHead(db);
  if (head.hash !== null) return { id: head.id, hash: head.hash };
  return db.$client
    .transaction(() => {
      let prevHash = GENESIS_HASH;
      for (const row of auditRows(db)) {
        if (row.hash === null) {
          const hash = auditEntryHash(row, prevHash);
          db.update(auditLog).set({ prevHash, hash }).where(eq(auditLog.id, row.id)).run();
          prevHash = hash;
        } else prevHash = row.hash;
      }
      return { id: head.id, hash: prevHash };
    })
    .immediate();
}

export type AuditChainReport =
  { ok: true; count: number } | { ok: false; count: number; brokenId: number; problem: string };

/** Walks the whole log in id order and names the first entry whose link or content does not match. */
export function verifyAuditChain(db: AnyDb): AuditChainReport {
  let expectedPrev = GENESIS_HASH;
  let count = 0;
  for (const row of auditRows(db)) {
    const broken = (problem: string): AuditChainReport => ({ ok: false, count, brokenId: row.id, problem });
    if (row.hash === null || row.prevHash === null) return broken('it has no hash (never sealed)');
    if (row.prevHash !== expectedPrev)
      return broken(
        `its prev_hash ${row.prevHash} is not the hash of the entry before it (${expectedPrev}): an entry before it was removed, reordered or rewritten`,
      );
    const computed = auditEntryHash(row, row.prevHash);
    if (computed !== row.hash)
      return broken(`its fields no longer match its hash (stored ${row.hash}, computed ${computed})`);
    expectedPrev = row.hash;
    count += 1;
  }
  return { ok: true, count };
}
