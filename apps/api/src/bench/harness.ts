import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';

/**
 * The reference point: a bare Hono JSON route on the same Node, in its own process like the API; `extend` may
 * add more bare routes to it.
 */
export function serveBare(extend: (app: Hono) => void = () => {}) {
  const app = new Hono().get('/', (c) => c.json({ ok: true }));
  extend(app);
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    process.stdout.write(`listening ${info.port}\n`),
  );
}

/** Starts a child and resolves with it and its URL once it prints the port it listens on. */
export function startChild(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (?:on )?(?:http:\/\/[\d.]+:)?(\d+)/.exec(output)?.[1];
      if (!port) return;
      // From here on the child's access log is drained unread: keeping it would grow without bound.
      child.stdout!.off('data', onData).resume();
      child.stderr!.off('data', onData).resume();
      resolve({ child, url: `http://127.0.0.1:${port}` });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}):\n${output}`)));
  });
}

/** Resident set size of a process in MB, as `ps` reports it. */
export const rssMb = (pid: number) =>
  Number(
    execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
      .toString()
      .trim(),
  ) / 1024;

/** CPU time (user + system) a process has used so far, in ms, from `/proc` (Linux). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

/** Runs autocannon over `paths` in turn; `reqErrors` tallies why requests failed to get an answer. */
export function load(
  url: string,
  seconds: number,
  connections: number,
  paths: readonly string[],
  headers: Record<string, string> = {},
) {
  const reqErrors = new Map<string, number>();
  return new Promise<autocannon.Result & { reqErrors: Map<string, number> }>((resolve, reject) => {
    const requests = paths.map((path) => ({ method: 'GET' as const, path, headers }));
    const instance = autocannon({ url, connections, duration: seconds, requests }, (error, result) =>
      error ? reject(error) : resolve({ ...result, reqErrors }),
    );
    instance.on('reqError', (error: NodeJS.ErrnoException) => {
      const key = error.code ?? error.message;
      reqErrors.set(key, (reqErrors.get(key) ?? 0) + 1);
    });
  });
}

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
