import { sources } from '../db/schema.js';
import { citationWhere } from '../repos/sources.js';
import type { DbOrTx } from './catalogue.js';

export type Citation = { title: string; publisher: string; year: number | null; locator: string | null };

/** The id of the source with exactly this citation, inserting it when new. Synchronous: runs inside transactions. */
export function upsertSource(
  db: DbOrTx,
  citation: Citation,
  kind: 'primary' | 'secondary',
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
