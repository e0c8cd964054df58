import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { importBatches, users } from '../../db/schema-workflow.js';

export type ImportBatch = typeof importBatches.$inferSelect & { importedByEmail: string };
export type NewImportBatch = Omit<typeof importBatches.$inferInsert, 'id' | 'at'>;

export async function insertImportBatch(db: Db, batch: NewImportBatch, now: Date): Promise<number> {
  const [row] = await db
    .insert(importBatches)
    .values({ ...batch, at: now.toISOString() })
    .returning({ id: importBatches.id });
  return row!.id;
}

export async function listImportBatches(db: Db, importedBy?: string): Promise<ImportBatch[]> {
  const rows = await db
    .select({ batch: importBatches, importedByEmail: users.email })
    .from(importBatches)
    .innerJoin(users, eq(users.id, importBatches.importedBy))
    .where(importedBy === undefined ? undefined : eq(importBatches.importedBy, importedBy))
    .orderBy(desc(importBatches.id));
  return rows.map((r) => ({ ...r.batch, importedByEmail: r.importedByEmail }));
}
