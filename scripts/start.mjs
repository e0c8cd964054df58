// Starts the built API (seeding its SQLite file on first run) and the dashboard together.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const root = new URL('..', import.meta.url).pathname;
const apiPort = process.env.API_PORT ?? '8787';
const webPort = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
const apiUrl = process.env.API_URL ?? `http://${host}:${apiPort}`;
// Lets the API believe the client address the dashboard forwards, and nobody else's.
const proxySecret = process.env.PROXY_SECRET ?? randomBytes(32).toString('base64url');

const children = [
  spawn('node', ['dist/server.js'], {
    cwd: `${root}apps/api`,
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: apiPort,
      HOST: host,
      PROXY_SECRET: proxySecret,
      WEB_ORIGIN: `http://${host}:${webPort}`,
    },
  }),
  spawn('node', ['build/index.js'], {
    cwd: `${root}apps/web`,
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: webPort,
      HOST: host,
      API_URL: apiUrl,
      PROXY_SECRET: proxySecret,
      ORIGIN: `http://${host}:${webPort}`,
      BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '20M',
    },
  }),
];

console.log(`FourP: dashboard http://${host}:${webPort}  API ${apiUrl}  (Ctrl+C stops both)`);

const stop = (code) => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
for (const child of children) child.on('exit', (code) => stop(code ?? 1));
