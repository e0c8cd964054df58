import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './client.js';

const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
const recoding = migrations.findIndex((m) =>
  m.sql.some((statement) => statement.includes('__breakdown_recode')),
);

let sqlite: Database.Database | undefined;
afterEach(() => sqlite?.close());

/** A database migrated up to just before the recoding, holding figures with the given breakdowns. */
function storedBefore(breakdowns: string[]): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = OFF');
  for (const m of migrations.slice(0, recoding)) for (const statement of m.sql) db.exec(statement);
  db.exec(`insert into indicators (id, pillar, name, measure_type, unit) values ('victims_identified', 'protection', 'V', 'count', 'persons');
    insert into jurisdictions (id, kind, name_en, role) values ('ES', 'country', 'Spain', 'benchmark');
    insert into sources (title, publisher, year, locator, kind) values ('T', 'P', 2024, null, 'primary');`);
  const insert = db.prepare(
    `insert into observations (indicator_id, jurisdiction_id, year, year_end, disaggregation, value, source_id, created_at, updated_at)
     values ('victims_identified', 'ES', 2022, 2022, ?, 1, 1, 'now', 'now')`,
  );
  for (const breakdown of breakdowns) insert.run(breakdown);
  return db;
}

const applyRecoding = (db: Database.Database) =>
  db.transaction(() => {
    for (const statement of migrations[recoding]!.sql) db.exec(statement);
  })();

const storedBreakdowns = (db: Database.Database) =>
  (
    db.prepare('select disaggregation from observations order by id').all() as { disaggregation: string }[]
  ).map((r) => r.disaggregation);

describe('migration: breakdown categories to codes', () => {
  it('recodes known free text, splitting girls into sex and age group, and keeps codes and free dimensions', () => {
    sqlite = storedBefore([
      '{}',
      '{"sex":"women"}',
      '{"sex":"girls"}',
      '{"exploitation_form":"forced_labour","nationality":"pakistani"}',
      '{"sex":"female","tehsil":"kharian"}',
      '{"age_group":"minors","route":"sea"}',
    ]);
    applyRecoding(sqlite);
    expect(storedBreakdowns(sqlite)).toEqual([
      '{}',
      '{"sex":"female"}',
      '{"age_group":"child","sex":"female"}',
      '{"exploitation_form":"labour","nationality":"pk"}',
      '{"sex":"female","tehsil":"kharian"}',
      '{"age_group":"child","route":"sea"}',
    ]);
    const leftovers = sqlite.prepare("select name from sqlite_master where name like '__breakdown%'").all();
    expect(leftovers).toEqual([]);
  });

  it('fails, changing nothing, on a category it cannot map', () => {
    sqlite = storedBefore(['{"sex":"women"}', '{"exploitation_form":"domestic_servitude"}']);
    expect(() => applyRecoding(sqlite!)).toThrow(/breakdown_category_outside_code_lists/);
    expect(storedBreakdowns(sqlite)).toEqual([
      '{"sex":"women"}',
      '{"exploitation_form":"domestic_servitude"}',
    ]);
  });

  it('fails when recoding would give a figure one dimension twice', () => {
    sqlite = storedBefore(['{"age_group":"adult","sex":"girls"}']);
    expect(() => applyRecoding(sqlite!)).toThrow(/breakdown_recoding_gives_a_dimension_twice/);
  });
});
