import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Db } from '../db/client.js';
import { insertSource } from './api.js';

/** A full garbage collection, so the heap measured is what is still held. */
export function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Publishes `rows` figures of `indicator` for `jurisdiction` in one transaction, one per definition, each with
 * a value read and `note`, so a stream has many rows to write.
 */
export async function insertManyFigures(
  db: Db,
  {
    rows,
    indicator,
    jurisdiction,
    note = null,
  }: { rows: number; indicator: string; jurisdiction: string; note?: string | null },
): Promise<void> {
  const sourceId = await insertSource(db, 'Bulk source');
  const sqlite = db.$client;
  const insert = sqlite.prepare(
    `insert into observations (indicator_id, jurisdiction_id, year, year_end, value, definition, source_id,
       workflow_state, value_as_read, note, created_at, updated_at)
     values (?, ?, ?, ?, 2, ?, ?, 'published', '2', ?, '', '')`,
  );
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const year = 1990 + (i % 30);
      insert.run(indicator, jurisdiction, year, year, `definition_${i}`, sourceId, note);
    }
  })();
}

/** Reads a streamed body whole, counting its bytes and lines, and how far the retained heap rose meanwhile. */
export async function readMeasuringHeap(res: Response) {
  const collectGarbage = gcFunction();
  const retained = () => {
    collectGarbage();
    return process.memoryUsage().heapUsed;
  };
  const baseline = retained();
  let peak = baseline;
  let bytes = 0;
  let lines = 0;
  let chunks = 0;
  const reader = res.body!.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    const part = Buffer.from(chunk.value.buffer, chunk.value.byteOffset, chunk.value.byteLength);
    bytes += part.byteLength;
    for (let at = part.indexOf(10); at >= 0; at = part.indexOf(10, at + 1)) lines++;
    if (++chunks % 20 === 0) peak = Math.max(peak, retained());
  }
  return { bytes, lines, growth: peak - baseline };
}

/** A statement that reads a keyset batch of observations. */
export const KEYSET_BATCH = /from "observations".* limit \?$/s;

/**
 * How many times `request` makes the database read rows with a statement whose SQL matches `reads`, the body
 * read whole or cancelled after its first chunk (then given 100 ms to stop).
 */
export async function batchesRead(
  db: Db,
  request: () => Response | Promise<Response>,
  cancelAfterFirst: boolean,
  reads = KEYSET_BATCH,
) {
  const sqlite = db.$client;
  const prepare = sqlite.prepare.bind(sqlite);
  let batches = 0;
  sqlite.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (!reads.test(sql)) return statement;
    const all = statement.all.bind(statement);
    statement.all = ((...params: unknown[]) => {
      batches++;
      return all(...params);
    }) as typeof statement.all;
    return statement;
  }) as typeof sqlite.prepare;
  try {
    const reader = (await request()).body?.getReader();
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
      if (cancelAfterFirst) await reader!.cancel();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    return batches;
  } finally {
    sqlite.prepare = prepare as typeof sqlite.prepare;
  }
}
