import type { Source, SourceKind } from '@fourp/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sources } from '../db/schema.js';

export async function findSource(db: Db, id: number): Promise<Source | null> {
  const [row] = await db.select().from(sources).where(eq(sources.id, id)).limit(1);
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    publisher: row.publisher,
    year: row.year,
    locator: row.locator,
    kind: row.kind as SourceKind,
  };
}
