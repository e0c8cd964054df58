export { createApp, DEFAULT_WEB_ORIGIN, type App, type AppDeps, type AppEnv } from './app.js';
export { ApiError, API_ERROR_CODES, type ApiErrorCode } from './errors.js';
export { buildOpenApiDocument } from './openapi.js';
export { consoleLogger, silentLogger, type Logger } from './middleware/logger.js';
