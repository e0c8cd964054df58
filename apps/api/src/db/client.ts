import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { sealAuditChain } from '../repos/workflow/audit-chain.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A Drizzle handle inside or outside a better-sqlite3 transaction (whose statements run synchronously). */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export type OpenedDatabase = {
  db: Db;
  sqlite: Database.Database;
  close: () => void;
};

/** Both src/db and dist/db sit two levels below apps/api, where the committed migrations live. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Opens (creating if needed) the SQLite file at `path`, applies the committed migrations, seals the audit chain. */
export function openDatabase(path: string): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  // Migrations that rebuild a table (SQLite cannot alter a CHECK) drop a table others reference: as SQLite
  // documents, keys are off while migrating and checked once after.
  // The check reads every table, so it runs only on the start that applied migrations.
  sqlite.pragma('foreign_keys = OFF');
  const applied = appliedMigrations(sqlite);
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  if (appliedMigrations(sqlite) !== applied) {
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`Migrating left ${broken.length} broken foreign keys`);
  }
  sqlite.pragma('foreign_keys = ON');
  sealAuditChain(db);
  return { db, sqlite, close: () => sqlite.close() };
}

function appliedMigrations(sqlite: Database.Database): number {
  const table = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  return table === undefined
    ? 0
    : (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
}
