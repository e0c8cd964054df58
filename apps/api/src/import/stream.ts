import { Readable } from 'node:stream';

/** What has been read of a file so far. */
export type ReadProgress = { rows: number; bytesRead: number; bytesTotal: number };

const CHUNK_BYTES = 64 * 1024;

/** The bytes as a stream of 64 KiB views (no copy); `read()` tells how many the consumer has pulled. */
export function bytesStream(bytes: Uint8Array) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let bytesRead = 0;
  function* chunks() {
    for (let start = 0; start < buffer.length; start += CHUNK_BYTES) {
      const chunk = buffer.subarray(start, start + CHUNK_BYTES);
      bytesRead += chunk.length;
      yield chunk;
    }
  }
  return { stream: Readable.from(chunks(), { objectMode: false }), read: () => bytesRead };
}
