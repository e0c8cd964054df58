import type { Source, SourceKind, SourceSummary } from '@fourp/domain';
import { and, asc, count, eq, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { observations, sources } from '../db/schema.js';

/** The columns a source is read with when joined to what it backs. */
export const sourceColumns = {
  id: sources.id,
  title: sources.title,
  publisher: sources.publisher,
  year: sources.year,
  locator: sources.locator,
  kind: sources.kind,
};

export const toSource = (row: typeof sources.$inferSelect): Source => ({
  id: row.id,
  title: row.title,
  publisher: row.publisher,
  year: row.year,
  locator: row.locator,
  kind: row.kind,
});

/** The SQL condition for the source with exactly this citation (a missing year or locator matches only null). */
export const citationWhere = (citation: Omit<Source, 'id' | 'kind'>): SQL | undefined =>
  and(
    eq(sources.title, citation.title),
    eq(sources.publisher, citation.publisher),
    citation.year === null ? isNull(sources.year) : eq(sources.year, citation.year),
    citation.locator === null ? isNull(sources.locator) : eq(sources.locator, citation.locator),
  );

export async function findSource(db: Db, id: number): Promise<Source | null> {
  const [row] = await db.select().from(sources).where(eq(sources.id, id)).limit(1);
  return row ? toSource(row) : null;
}

/** Case-insensitive match of `text` anywhere in the title, publisher or locator (LIKE wildcards taken literally). */
function textWhere(text: string | undefined): SQL | undefined {
  if (text === undefined || text === '') return undefined;
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const contains = (column: AnyColumn) => sql`lower(${column}) like ${pattern} escape '\\'`;
  return or(contains(sources.title), contains(sources.publisher), contains(sources.locator));
}

/** Sources matching `text`, by title, each with the number of published observations it backs; `total` before `limit`. */
export async function listSources(
  db: Db,
  { text, limit, publishedOnly }: { text?: string; limit: number; publishedOnly: boolean },
): Promise<{ sources: SourceSummary[]; total: number }> {
  const backsPublished = sql`exists (select 1 from ${observations} where ${observations.sourceId} = ${sources.id} and ${observations.workflowState} = 'published')`;
  const where = and(textWhere(text), publishedOnly ? backsPublished : undefined);
  const [rows, [counted]] = await Promise.all([
    db
      .select({ ...sourceColumns, observationCount: count(observations.id) })
      .from(sources)
      .leftJoin(
        observations,
        and(eq(observations.sourceId, sources.id), eq(observations.workflowState, 'published')),
      )
      .where(where)
      .groupBy(sources.id)
      .orderBy(asc(sql`lower(${sources.title})`), asc(sources.title), asc(sources.year), asc(sources.id))
      .limit(limit),
    db.select({ n: count() }).from(sources).where(where),
  ]);
  return { sources: rows, total: counted?.n ?? 0 };
}

/** The id of the source with exactly this citation, inserting it when new. Synchronous: runs inside transactions. */
export function storeCitation(
  db: DbOrTx,
  citation: Omit<Source, 'id' | 'kind'>,
  kind: SourceKind,
): { id: number; inserted: boolean } {
  const found = db.select({ id: sources.id }).from(sources).where(citationWhere(citation)).get();
  if (found !== undefined) return { id: found.id, inserted: false };
  const created = db
    .insert(sources)
    .values({ ...citation, kind })
    .returning({ id: sources.id })
    .get();
  return { id: created.id, inserted: true };
}

/** Every source, for matching citations in bulk. */
export async function listAllSources(db: Db): Promise<Source[]> {
  return (await db.select().from(sources)).map(toSource);
}
