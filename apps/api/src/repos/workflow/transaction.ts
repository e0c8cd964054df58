import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * Runs `work` in one transaction. better-sqlite3's own transaction() refuses async callbacks; the awaited
 * queries resolve synchronously, so no other request can interleave. On PostgreSQL: db.transaction(work).
 */
export async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  await db.run(sql`begin immediate`);
  try {
    const result = await work(db);
    await db.run(sql`commit`);
    return result;
  } catch (error) {
    await db.run(sql`rollback`);
    throw error;
  }
}
