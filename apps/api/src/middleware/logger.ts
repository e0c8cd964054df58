import type { MiddlewareHandler } from 'hono';
import type { AppEnv, LogFields, Logger } from '../env.js';

export type { LogFields, Logger };

const line = (level: string, message: string, fields?: LogFields) =>
  JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });

let pending = '';
const flush = () => {
  if (pending === '') return;
  process.stdout.write(pending);
  pending = '';
};
process.once('exit', flush);

/**
 * One JSON line per event: info to stdout, errors to stderr. Writes to a pipe block on Linux, so info lines are
 * written once per turn of the event loop, together, rather than one system call per request.
 */
export const consoleLogger: Logger = {
  info: (message, fields) => {
    if (pending === '') setImmediate(flush);
    pending += `${line('info', message, fields)}\n`;
  },
  error: (message, fields) => process.stderr.write(`${line('error', message, fields)}\n`),
};

export const silentLogger: Logger = { info: () => {}, error: () => {} };

export const accessLog = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const started = performance.now();
  await next();
  c.get('logger').info('request', {
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Math.round(performance.now() - started),
  });
};
