import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_KEEP_ALIVE_MAX_MS, keepConnectionsAlive } from './keep-alive.js';

let server: ServerType | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

describe('keep-alive', () => {
  it('tells clients to keep idle connections longer than Node’s fetch ever keeps them', async () => {
    const app = new Hono().get('/', (c) => c.text('ok'));
    const port = await new Promise<number>((listening) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        listening(info.port),
      );
    });
    keepConnectionsAlive(server!);
    const res = await fetch(`http://127.0.0.1:${port}/`);
    await res.text();
    const seconds = Number(/timeout=(\d+)/.exec(res.headers.get('keep-alive') ?? '')?.[1]);
    expect(seconds * 1000).toBeGreaterThan(CLIENT_KEEP_ALIVE_MAX_MS);
    expect(res.headers.get('connection')).toBe('keep-alive');
  });
});
