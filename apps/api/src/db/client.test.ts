import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../test-support/db.js';
import { openDatabase } from './client.js';
import { jurisdictions, measureAssessments, observations, sources, indicators } from './schema.js';

let testDb: TestDb | undefined;
afterEach(() => testDb?.close());

describe('openDatabase', () => {
  it('checks foreign keys only on a start that migrates, so a start does not read every table', () => {
    testDb = createTestDb();
    const sqlite = testDb.db.$client;
    sqlite.pragma('foreign_keys = OFF');
    sqlite.prepare("insert into disclosure_states (observation_id, state) values (999999, 'public')").run();
    const again = openDatabase(testDb.path);
    expect(again.sqlite.prepare('select count(*) as n from disclosure_states').get()).toEqual({ n: 1 });
    again.close();
  });

  it('applies the committed migrations with foreign keys and WAL on', async () => {
    testDb = createTestDb();
    const { db } = testDb;
    const fk = await db.get<{ foreign_keys: number }>(sql`pragma foreign_keys`);
    expect(fk.foreign_keys).toBe(1);
    const mode = await db.get<{ journal_mode: string }>(sql`pragma journal_mode`);
    expect(mode.journal_mode).toBe('wal');
    expect(await db.select().from(observations)).toEqual([]);
  });

  it('enforces the schema checks and foreign keys', async () => {
    testDb = createTestDb();
    const { db } = testDb;
    await db.insert(jurisdictions).values({ id: 'IT', kind: 'country', nameEn: 'Italy', role: 'benchmark' });
    await db.insert(indicators).values({
      id: 'population',
      pillar: 'context',
      name: 'Population',
      measureType: 'count',
      unit: 'persons',
    });
    const [source] = await db
      .insert(sources)
      .values({ title: 'T', publisher: 'P', year: 2024, locator: null, kind: 'primary' })
      .returning();
    const base = {
      indicatorId: 'population',
      jurisdictionId: 'IT',
      year: 2024,
      yearEnd: 2024,
      value: 1,
      sourceId: source!.id,
    };
    await expect(db.insert(observations).values({ ...base, yearEnd: 2023 })).rejects.toThrow(/CHECK/);
    await expect(db.insert(observations).values({ ...base, jurisdictionId: 'XX' })).rejects.toThrow(
      /FOREIGN KEY/,
    );
    await expect(
      db.insert(measureAssessments).values({
        measureId: 'national_action_plan',
        jurisdictionId: 'IT',
        year: 2024,
        level: 5,
        evidence: 'e',
        sourceId: source!.id,
      }),
    ).rejects.toThrow(/CHECK/);
  });
});
