import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp, DEFAULT_WEB_ORIGIN } from './app.js';
import { openDatabase } from './db/client.js';
import { keepConnectionsAlive } from './keep-alive.js';
import { loadSolver } from './disclosure/solver.js';
import { consoleLogger } from './middleware/logger.js';
import { seedIfEmpty } from './seed/index.js';
import { refreshPattern } from './services/caller.js';

const DEFAULT_DATABASE_PATH = fileURLToPath(new URL('../data/fourp.db', import.meta.url));

function readConfig(env: NodeJS.ProcessEnv) {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0–65535, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databasePath: env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH,
    webOrigin: env.WEB_ORIGIN ?? DEFAULT_WEB_ORIGIN,
    proxySecret: env.PROXY_SECRET || null,
  };
}

const config = readConfig(process.env);
const logger = consoleLogger;
const database = openDatabase(config.databasePath);
await seedIfEmpty(database.db);
const solver = await loadSolver();
// A new build may answer differently from the same data: caches are revalidated once after each start.
database.db.transaction((tx) => refreshPattern(tx, { solver }, new Date()));
const app = createApp({
  db: database.db,
  solver,
  webOrigin: config.webOrigin,
  logger,
  proxySecret: config.proxySecret,
});

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info(`FourP API listening on http://${info.address}:${info.port}`, {
    database: config.databasePath,
  });
});

keepConnectionsAlive(server);

const shutdown = () => {
  server.close(() => {
    database.close();
    process.exit(0);
  });
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
