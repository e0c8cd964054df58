import type { ServerType } from '@hono/node-server';

/** undici's (Node's fetch) `keepAliveMaxTimeout`: the longest it keeps a pooled connection, whatever the server says. */
export const CLIENT_KEEP_ALIVE_MAX_MS = 600_000;

/**
 * Idle connections are kept open a minute longer than Node's fetch keeps them, so a client never sends a
 * request on a connection the server is closing, even when a busy event loop delays the client's timers.
 */
export const KEEP_ALIVE_MS = CLIENT_KEEP_ALIVE_MAX_MS + 60_000;

export function keepConnectionsAlive(server: ServerType): void {
  if (!('keepAliveTimeout' in server)) return;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // A long write (a large import is one transaction) can hold the event loop for seconds: headers already
  // sent get more than Node's default minute.
  server.headersTimeout = 66_000;
}
