import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = new URL('../../../', import.meta.url).pathname;
const apiEntry = join(repoRoot, 'apps/api/dist/server.js');
const webEntry = join(repoRoot, 'apps/web/build/index.js');

export type RunningStack = {
  apiUrl: string;
  webUrl: string;
  /** The API's temporary SQLite file, for CLI tools that write to the same database (e.g. user:create). */
  databasePath: string;
  stop: () => Promise<void>;
};

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitFor(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`process exited (${child.exitCode}) before ${url} answered:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${url}:\n${output()}`);
}

function start(entry: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build the apps first (pnpm run build)`);
  let log = '';
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', (code, signal) => {
    if (!stopping.has(child)) console.error(`${entry} exited early (${code ?? signal}):\n${log}`);
  });
  return { child, output: () => log };
}

const stopping = new WeakSet<ChildProcess>();

function stopChild(child: ChildProcess): Promise<void> {
  stopping.add(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts the built API on a fresh database (it seeds the reference data) and the built dashboard in front of it. */
export async function startStack(): Promise<RunningStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fourp-e2e-'));
  const [apiPort, webPort] = await Promise.all([freePort(), freePort()]);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const databasePath = join(dataDir, 'fourp.db');
  const proxySecret = randomBytes(32).toString('base64url');
  const api = start(apiEntry, {
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    DATABASE_PATH: databasePath,
    WEB_ORIGIN: webUrl,
    PROXY_SECRET: proxySecret,
  });
  const stopAll = async () => {
    await Promise.all([stopChild(api.child), ...(web ? [stopChild(web.child)] : [])]);
    rmSync(dataDir, { recursive: true, force: true });
  };
  let web: ReturnType<typeof start> | undefined;
  try {
    await waitFor(`${apiUrl}/health`, api.child, api.output);
    web = start(webEntry, {
      PORT: String(webPort),
      HOST: '127.0.0.1',
      API_URL: apiUrl,
      ORIGIN: webUrl,
      PROXY_SECRET: proxySecret,
    });
    await waitFor(`${webUrl}/`, web.child, web.output);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { apiUrl, webUrl, databasePath, stop: stopAll };
}

/** Starts only the built API on the SQLite file at `databasePath` (seeded when empty). */
export async function startApi(databasePath: string): Promise<{ apiUrl: string; stop: () => Promise<void> }> {
  const apiUrl = `http://127.0.0.1:${await freePort()}`;
  const api = start(apiEntry, {
    PORT: new URL(apiUrl).port,
    HOST: '127.0.0.1',
    DATABASE_PATH: databasePath,
  });
  try {
    await waitFor(`${apiUrl}/health`, api.child, api.output);
  } catch (error) {
    await stopChild(api.child);
    throw error;
  }
  return { apiUrl, stop: () => stopChild(api.child) };
}

/** Starts only the built dashboard, in front of whatever `apiUrl` points at (for testing an unreachable API). */
export async function startWeb(apiUrl: string): Promise<{ webUrl: string; stop: () => Promise<void> }> {
  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const web = start(webEntry, { PORT: String(webPort), HOST: '127.0.0.1', API_URL: apiUrl, ORIGIN: webUrl });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (web.child.exitCode !== null) throw new Error(`dashboard exited early:\n${web.output()}`);
    const answered = await fetch(`${webUrl}/methodology`).then(
      () => true,
      () => false,
    );
    if (answered) return { webUrl, stop: () => stopChild(web.child) };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopChild(web.child);
  throw new Error(`timed out waiting for ${webUrl}:\n${web.output()}`);
}
