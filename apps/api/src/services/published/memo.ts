import type { Db } from '../../db/client.js';
import { readDataVersion } from '../../db/prepared.js';
import { readPublishGeneration } from '../../repos/generation.js';

const MAX_ENTRIES = 2000;
const memos = new WeakMap<Db, { stamp: string; values: Map<string, Promise<unknown>> }>();

/**
 * The answer computed for `key` since the last publish (the publish generation) and the last commit by another
 * connection: what only a publish can change is computed once, and the next request after one sees it.
 */
export function memoUntilPublish<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const stamp = `${readPublishGeneration(db)}:${readDataVersion(db)}`;
  let memo = memos.get(db);
  if (memo?.stamp !== stamp) memos.set(db, (memo = { stamp, values: new Map() }));
  const found = memo.values.get(key) as Promise<T> | undefined;
  if (found !== undefined) return found;
  const values = memo.values;
  if (values.size >= MAX_ENTRIES) values.delete(values.keys().next().value!);
  const computed = compute();
  values.set(key, computed);
  computed.catch(() => values.delete(key));
  return computed;
}
