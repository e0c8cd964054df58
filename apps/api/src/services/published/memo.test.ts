import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { bumpPublishGeneration } from '../../repos/generation.js';
import { createTestDb, type TestDb } from '../../test-support/db.js';
import { warmAfterWrites } from '../../middleware/cache.js';
import { memoUntilPublish, WARMED_AFTER_PUBLISH, WARMED_BEFORE_ANSWER, warmAfterWrite } from './memo.js';

let t: TestDb | undefined;
afterEach(() => t?.close());

/** A compute that answers how many times it ran. */
const counter = () => {
  let runs = 0;
  const compute = async () => ++runs;
  return { compute, runs: () => runs };
};

describe('answers kept until the next publish', () => {
  it('are computed again after a publish, before anyone asks, and served from there', async () => {
    t = createTestDb();
    const kept = counter();
    expect(await memoUntilPublish(t.db, 'a', kept.compute)).toBe(1);
    expect(await memoUntilPublish(t.db, 'a', kept.compute)).toBe(1);
    bumpPublishGeneration(t.db);
    await warmAfterWrite(t.db);
    expect(kept.runs()).toBe(2);
    const never = counter();
    expect(await memoUntilPublish(t.db, 'a', never.compute)).toBe(2);
    expect(never.runs()).toBe(0);
  });

  it('are left alone by a write that published nothing', async () => {
    t = createTestDb();
    const kept = counter();
    await memoUntilPublish(t.db, 'a', kept.compute);
    await warmAfterWrite(t.db);
    expect(kept.runs()).toBe(1);
  });

  it('warms only the most recently used', async () => {
    t = createTestDb();
    const computes = Array.from({ length: WARMED_AFTER_PUBLISH + 1 }, counter);
    for (const [i, c] of computes.entries()) await memoUntilPublish(t.db, String(i), c.compute);
    await memoUntilPublish(t.db, '0', computes[0]!.compute);
    bumpPublishGeneration(t.db);
    await warmAfterWrite(t.db);
    expect(computes.map((c) => c.runs())).toEqual([2, 1, ...Array(WARMED_AFTER_PUBLISH - 1).fill(2)]);
  });

  it('are computed again before a publish is answered, the most recently used first', async () => {
    t = createTestDb();
    const db = t.db;
    const computes = Array.from({ length: WARMED_BEFORE_ANSWER + 2 }, counter);
    for (const [i, c] of computes.entries()) await memoUntilPublish(db, String(i), c.compute);
    const app = new Hono()
      .use(warmAfterWrites(db))
      .post('/publish', (c) => {
        bumpPublishGeneration(db);
        return c.body(null, 204);
      })
      .post('/other', (c) => c.body(null, 204));
    expect((await app.request('/other', { method: 'POST' })).status).toBe(204);
    expect(computes.map((c) => c.runs())).toEqual(computes.map(() => 1));
    expect((await app.request('/publish', { method: 'POST' })).status).toBe(204);
    const warmedFirst = computes.slice(-WARMED_BEFORE_ANSWER);
    expect(warmedFirst.map((c) => c.runs())).toEqual(warmedFirst.map(() => 2));
    const asked = counter();
    expect(await memoUntilPublish(db, String(computes.length - 1), asked.compute)).toBe(2);
    expect(asked.runs()).toBe(0);
  });
});
