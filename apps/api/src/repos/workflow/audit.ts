import { and, asc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema-workflow.js';
import { auditEntryHash, sealAuditChain } from './audit-chain.js';

/** Who did something, through which session or token, in which request. */
export type Actor = {
  /** Null for the command line, which acts outside any account. */
  userId: string | null;
  email: string;
  sessionId: string | null;
  tokenId: string | null;
  requestId: string | null;
};

export type AuditEntry = {
  action: string;
  entityType:
    | 'observation'
    | 'user'
    | 'api_token'
    | 'target'
    | 'import_batch'
    | 'source'
    | 'session'
    | 'jurisdiction'
    | 'release';
  entityId: string | number;
  jurisdictionId?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
};

export type AuditRecord = {
  id: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  sessionId: string | null;
  tokenId: string | null;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  jurisdictionId: string | null;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
};

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

function toRow(actor: Actor, entry: AuditEntry, now: Date) {
  return {
    at: now.toISOString(),
    actorId: actor.userId,
    actorEmail: actor.email,
    sessionId: actor.sessionId,
    tokenId: actor.tokenId,
    requestId: actor.requestId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    jurisdictionId: entry.jurisdictionId ?? null,
    oldValue: json(entry.oldValue),
    newValue: json(entry.newValue),
    reason: entry.reason ?? null,
  };
}

/**
 * Appends to the audit log, each entry chained to the one before by its hash. There is deliberately no function
 * that edits or deletes an entry. Reading the head and inserting run in one immediate transaction, synchronously
 * (a savepoint inside the caller's), so concurrent writers, in this process or another, cannot fork the chain.
 */
export async function appendAudit(
  db: Db,
  actor: Actor,
  entries: AuditEntry | AuditEntry[],
  now: Date,
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  const CHUNK = 500;
  db.$client
    .transaction(() => {
      let { id, hash } = sealAuditChain(db);
      for (let i = 0; i < list.length; i += CHUNK) {
        const rows = list.slice(i, i + CHUNK).map((entry) => {
          id += 1;
          const row = { id, ...toRow(actor, entry, now) };
          const prevHash = hash;
          hash = auditEntryHash(row, prevHash);
          return { ...row, prevHash, hash };
        });
        db.insert(auditLog).values(rows).run();
      }
    })
    .immediate();
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
/** The chain's hashes stay in the database: over a small redacted count, a hash would give the count away. */
const toRecord = ({
  prevHash: _prevHash,
  hash: _hash,
  ...row
}: typeof auditLog.$inferSelect): AuditRecord => ({
  ...row,
  oldValue: parse(row.oldValue),
  newValue: parse(row.newValue),
});

export async function auditFor(
  db: Db,
  entityType: AuditEntry['entityType'],
  entityId: string | number,
): Promise<AuditRecord[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId))))
    .orderBy(asc(auditLog.id));
  return rows.map(toRecord);
}

export type AuditFilter = { from?: string; to?: string; entityTypes?: string[] };

export async function listAudit(db: Db, filter: AuditFilter = {}): Promise<AuditRecord[]> {
  const conditions: SQL[] = [];
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lte(auditLog.at, filter.to));
  if (filter.entityTypes) conditions.push(inArray(auditLog.entityType, filter.entityTypes));
  const rows = await db
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(auditLog.id));
  return rows.map(toRecord);
}

/** Who last submitted the observation for review (also through an import), or null. */
const FIGURE_WRITES = ['observation.create', 'observation.import', 'observation.update'];

/** Who entered the figure, who last changed its value and who last submitted it, from its audit entries. */
export async function figureAuthors(
  db: Db,
  observationId: number,
): Promise<{ createdBy: string | null; lastEditedBy: string | null; submittedBy: string | null }> {
  const rows = await db
    .select({ action: auditLog.action, actorId: auditLog.actorId, newValue: auditLog.newValue })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'observation'), eq(auditLog.entityId, String(observationId))))
    .orderBy(asc(auditLog.id));
  const authors = {
    createdBy: null as string | null,
    lastEditedBy: null as string | null,
    submittedBy: null as string | null,
  };
  for (const row of rows) {
    if (FIGURE_WRITES.includes(row.action)) {
      authors.createdBy ??= row.actorId;
      authors.lastEditedBy = row.actorId;
    }
    const state = (parse(row.newValue) as { workflowState?: string } | null)?.workflowState;
    if (state === 'submitted') authors.submittedBy = row.actorId;
  }
  return authors;
}
