import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './client.js';

const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
const moving = migrations.findIndex((m) =>
  m.sql.some((statement) => statement.includes('json_each(r.`manifest`')),
);

let sqlite: Database.Database | undefined;
afterEach(() => sqlite?.close());

const entry = (observation: number, jurisdiction: string, year: number) => ({
  observation,
  indicator: 'victims_identified',
  jurisdiction,
  year,
});

/** A database migrated up to just before the manifest moved into rows, holding two released manifests. */
function storedBefore(): Database.Database {
  const db = new Database(':memory:');
  for (const m of migrations.slice(0, moving)) for (const statement of m.sql) db.exec(statement);
  const insert = db.prepare(
    `insert into releases (id, created_at, previous_id, figure_count, manifest, checksums) values (?, 'now', ?, 2, ?, ?)`,
  );
  const checksums = JSON.stringify([{ name: 'fourp.csv', bytes: 1, sha256: 'a'.repeat(64) }]);
  insert.run(
    '2026.11',
    null,
    JSON.stringify({ added: [entry(1, 'ES', 2021), entry(2, 'IT', 2020)], corrected: [], withdrawn: [] }),
    checksums,
  );
  insert.run(
    '2026.12',
    '2026.11',
    JSON.stringify({
      added: [entry(3, 'ES', 2022)],
      corrected: [entry(1, 'ES', 2021)],
      withdrawn: [entry(2, 'IT', 2020)],
    }),
    checksums,
  );
  return db;
}

describe('migration: release manifests into rows', () => {
  it('moves each manifest entry into a row and its counts onto the release, and keeps releases immutable', () => {
    sqlite = storedBefore();
    for (const m of migrations.slice(moving)) for (const statement of m.sql) sqlite.exec(statement);
    expect(
      sqlite
        .prepare(
          `select release_id, change, observation_id, indicator_id, jurisdiction_id, year from release_changes
           order by release_id, change, observation_id`,
        )
        .raw()
        .all(),
    ).toEqual([
      ['2026.11', 'added', 1, 'victims_identified', 'ES', 2021],
      ['2026.11', 'added', 2, 'victims_identified', 'IT', 2020],
      ['2026.12', 'added', 3, 'victims_identified', 'ES', 2022],
      ['2026.12', 'corrected', 1, 'victims_identified', 'ES', 2021],
      ['2026.12', 'withdrawn', 2, 'victims_identified', 'IT', 2020],
    ]);
    expect(
      sqlite
        .prepare('select id, added_count, corrected_count, withdrawn_count from releases order by id')
        .raw()
        .all(),
    ).toEqual([
      ['2026.11', 2, 0, 0],
      ['2026.12', 1, 1, 1],
    ]);
    expect(() => sqlite!.exec("update releases set note = 'x'")).toThrow(/immutable/);
    expect(() => sqlite!.exec('delete from release_changes')).toThrow(/immutable/);
  });
});
