import type { Db } from './client.js';

const statements = new WeakMap<Db, Map<string, unknown>>();

/**
 * A statement prepared once per database handle and reused by every request: the hot reads skip building and
 * compiling their SQL each time. `build` prepares it (Drizzle's `.prepare()` with `sql.placeholder`).
 */
export function preparedOn<T>(db: Db, name: string, build: (db: Db) => T): T {
  let byName = statements.get(db);
  if (byName === undefined) statements.set(db, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, build(db));
  return byName.get(name) as T;
}

/** The cheapest statement that proves the database file can be read. */
export const pingStatement = (db: Db): void => {
  preparedOn(db, 'ping', (db) => db.$client.prepare('select 1')).get();
};

/** Moves on whenever another connection (the import CLI, a second process) commits to this database file. */
export const readDataVersion = (db: Db): number =>
  preparedOn(db, 'data version', (db) => db.$client.prepare('PRAGMA data_version').pluck()).get() as number;
