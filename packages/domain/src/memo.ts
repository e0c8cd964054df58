/**
 * A memo of at most `limit` keys, for values that repeat across a stream (a count's interval, a source's text):
 * `memo(key, make, arg)` gives the value remembered for `key`, else `make(arg)`, remembered. Past `limit` keys it
 * starts afresh, so its memory stays bounded whatever the stream holds. `make` takes its argument apart so a call
 * on a hot path builds no closure.
 */
export function boundedMemo<K, V>(limit: number): <A>(key: K, make: (arg: A) => V, arg: A) => V {
  const made = new Map<K, V>();
  return (key, make, arg) => {
    let value = made.get(key);
    if (value === undefined) {
      if (made.size >= limit) made.clear();
      made.set(key, (value = make(arg)));
    }
    return value;
  };
}
