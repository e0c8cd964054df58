import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes a chunk, waiting for the sink to drain when it asks to, so a large export never piles up in memory. */
export async function put(sink: Writable, chunk: string | Uint8Array): Promise<void> {
  if (!sink.write(chunk)) await once(sink, 'drain');
}

/** Ends the sink and waits until everything written has been flushed. */
export async function close(sink: Writable): Promise<void> {
  sink.end();
  if (!sink.writableFinished) await once(sink, 'finish');
}
