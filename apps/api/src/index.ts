export { createApp, DEFAULT_WEB_ORIGIN, type App } from './app.js';
export type { AppDeps, AppEnv } from './env.js';
export { ApiError, API_ERROR_CODES, type ApiErrorCode } from './errors.js';
export { consoleLogger, silentLogger, type Logger } from './middleware/logger.js';
