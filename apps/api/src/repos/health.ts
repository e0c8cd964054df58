import { count, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { pingStatement } from '../db/prepared.js';
import { indicators, jurisdictions, measureAssessments, sources } from '../db/schema.js';
import { auditLog } from '../db/schema-workflow.js';
import { countObservations } from './observations.js';
import { chainHead } from './workflow/audit-chain.js';

export type DatabaseCounts = {
  observations: number;
  publishedObservations: number;
  sources: number;
  jurisdictions: number;
  indicators: number;
  measureAssessments: number;
};

export async function countRecords(db: Db): Promise<DatabaseCounts> {
  const rows = async (
    table: typeof sources | typeof indicators | typeof jurisdictions | typeof measureAssessments,
  ) => {
    const [row] = await db.select({ n: count() }).from(table);
    return row?.n ?? 0;
  };
  const [obs, sourceCount, jurisdictionCount, indicatorCount, assessmentCount] = await Promise.all([
    countObservations(db),
    rows(sources),
    rows(jurisdictions),
    rows(indicators),
    rows(measureAssessments),
  ]);
  return {
    observations: obs.all,
    publishedObservations: obs.published,
    sources: sourceCount,
    jurisdictions: jurisdictionCount,
    indicators: indicatorCount,
    measureAssessments: assessmentCount,
  };
}

/** Throws when the database cannot be read. */
export async function pingDatabase(db: Db): Promise<void> {
  pingStatement(db);
}

/** How many committed migrations are applied, and when the newest of them was written. */
export async function readMigrations(db: Db): Promise<{ applied: number; latestAt: string | null }> {
  const row = await db.get<{ applied: number; latest: number | null }>(
    sql`select count(*) as applied, max(created_at) as latest from __drizzle_migrations`,
  );
  const latest = row?.latest ?? null;
  return {
    applied: row?.applied ?? 0,
    latestAt: latest === null ? null : new Date(Number(latest)).toISOString(),
  };
}

/** The audit log's length and newest entry (constant work: the chain itself is checked by `audit:verify`). */
export async function readAuditChainHead(
  db: Db,
): Promise<{ entries: number; headId: number; headHash: string | null }> {
  const [row] = await db.select({ n: count() }).from(auditLog);
  const head = chainHead(db);
  return { entries: row?.n ?? 0, headId: head.id, headHash: head.hash };
}
