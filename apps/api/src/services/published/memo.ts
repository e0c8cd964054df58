import type { Db } from '../../db/client.js';
import { readDataVersion } from '../../db/prepared.js';
import { readPublishGeneration } from '../../repos/generation.js';

const MAX_ENTRIES = 2000;
/** How many of the most recently used answers a publish computes again before anyone asks. */
export const WARMED_AFTER_PUBLISH = 100;
/** How many of those are computed before the publish is answered, so a request sent the instant it returns waits for none. */
export const WARMED_BEFORE_ANSWER = 8;

type Entry = { value: Promise<unknown>; compute: () => Promise<unknown> };
type Memo = { stamp: string; values: Map<string, Entry> };
const memos = new WeakMap<Db, Memo>();

const stampOf = (db: Db) => `${readPublishGeneration(db)}:${readDataVersion(db)}`;

function kept<T>(memo: Memo, key: string, compute: () => Promise<T>): Promise<T> {
  const values = memo.values;
  const found = values.get(key);
  if (found !== undefined) {
    // Least recently used first out, and last warmed.
    values.delete(key);
    values.set(key, found);
    return found.value as Promise<T>;
  }
  if (values.size >= MAX_ENTRIES) values.delete(values.keys().next().value!);
  const value = compute();
  values.set(key, { value, compute });
  value.catch(() => values.delete(key));
  return value;
}

/**
 * The answer computed for `key` since the last publish (the publish generation) and the last commit by another
 * connection: what only a publish can change is computed once, and the next request after one sees it.
 * `compute` must read everything it needs afresh: a publish runs it again (`warmAfterWrite`).
 */
export function memoUntilPublish<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const stamp = stampOf(db);
  let memo = memos.get(db);
  if (memo?.stamp !== stamp) memos.set(db, (memo = { stamp, values: new Map() }));
  return kept(memo, key, compute);
}

/**
 * Call after a write has committed. When it moved what public reads answer on, the most recently used answers
 * are computed again, one per turn of the event loop and most recent first, so the first request after a
 * publish finds its answer ready (or being computed) instead of starting on it. Resolves once the `ready` most
 * recent are computed; the others follow.
 */
export async function warmAfterWrite(db: Db, { ready = WARMED_AFTER_PUBLISH } = {}): Promise<void> {
  const memo = memos.get(db);
  if (memo === undefined) return;
  let stamp: string;
  try {
    stamp = stampOf(db);
  } catch {
    return;
  }
  if (memo.stamp === stamp) return;
  const fresh: Memo = { stamp, values: new Map() };
  memos.set(db, fresh);
  const recent = [...memo.values].slice(-WARMED_AFTER_PUBLISH).reverse();
  const warm = async (entries: typeof recent) => {
    for (const [key, { compute }] of entries) {
      if (memos.get(db) !== fresh) return;
      await kept(fresh, key, compute).catch(() => undefined);
      await new Promise(setImmediate);
    }
  };
  await warm(recent.slice(0, ready));
  void warm(recent.slice(ready));
}
