import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { indicators, jurisdictions, observations } from '../db/schema.js';
import { createTestDb, type TestDb } from '../test-support/db.js';
import { seedIfEmpty } from './seed.js';
import { CODED_DIMENSIONS, categoryProblem, INDICATORS } from '@fourp/domain';
import { readJurisdictionFile } from './jurisdictions-file.js';

let testDb: TestDb | undefined;
afterEach(() => testDb?.close());

describe('seedIfEmpty', () => {
  it('loads the reference dataset from apps/api/seed into an empty database, and only then', async () => {
    testDb = createTestDb();
    const { db } = testDb;
    expect(await seedIfEmpty(db)).toMatchObject({ rows: 362, inserted: 362 });
    expect(await seedIfEmpty(db)).toBeNull();
    expect((await db.select({ n: count() }).from(observations))[0]?.n).toBe(362);
    expect((await db.select({ n: count() }).from(indicators))[0]?.n).toBe(INDICATORS.length);
    expect((await db.select({ n: count() }).from(jurisdictions))[0]?.n).toBe(
      readJurisdictionFile().units.length,
    );
  });

  it('stores every breakdown category of a coded dimension as a code from its list', async () => {
    testDb = createTestDb();
    const { db } = testDb;
    await seedIfEmpty(db);
    const stored = await db.selectDistinct({ d: observations.disaggregation }).from(observations);
    const pairs = stored.flatMap(({ d }) => Object.entries(JSON.parse(d) as Record<string, string>));
    const outside = pairs.filter(([dimension, category]) => categoryProblem(dimension, category) !== null);
    expect(outside).toEqual([]);
    const coded = pairs.filter(([dimension]) => (CODED_DIMENSIONS as readonly string[]).includes(dimension));
    expect(coded.length).toBeGreaterThan(0);
  });
});
