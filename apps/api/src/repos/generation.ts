import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { preparedOn } from '../db/prepared.js';
import { publishGeneration } from '../db/schema.js';

/** Moves the publish generation on; call inside the transaction that changes what public reads answer. */
export function bumpPublishGeneration(db: DbOrTx): void {
  db.insert(publishGeneration)
    .values({ id: 1, generation: 1 })
    .onConflictDoUpdate({
      target: publishGeneration.id,
      set: { generation: sql`${publishGeneration.generation} + 1` },
    })
    .run();
}

/** The current publish generation; 0 before anything was published. */
export function readPublishGeneration(db: Db): number {
  const read = preparedOn(db, 'publish generation', (db) =>
    db
      .select({ generation: publishGeneration.generation })
      .from(publishGeneration)
      .where(eq(publishGeneration.id, 1))
      .prepare(),
  );
  return read.get()?.generation ?? 0;
}
