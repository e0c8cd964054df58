import type { Source } from '@fourp/domain';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sources } from '../db/schema.js';

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
