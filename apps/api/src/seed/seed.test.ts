import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { indicators, jurisdictions, observations } from '../db/schema.js';
import { createTestDb, type TestDb } from '../test-support/db.js';
import { seedIfEmpty } from './seed.js';
import { INDICATORS } from '@fourp/domain';
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
});
