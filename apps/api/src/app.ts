import { createHash } from 'node:crypto';
import { DEFAULT_SUPPRESSION_K, IMPORT_LIMITS } from '@fourp/domain';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { sharedSolver } from './disclosure/shared.js';
import type { AppDeps, RouteDeps } from './env.js';
import { ApiError, handleError, handleNotFound, problemResponse } from './errors.js';
import { cacheControl, publishedEtag, warmAfterWrites } from './middleware/cache.js';
import { compressAnswers } from './middleware/compress.js';
import { dashboardCors } from './middleware/cors.js';
import { dataLicence } from './middleware/data-licence.js';
import { earlyAnswers } from './middleware/early.js';
import { negotiatedLocale } from './middleware/locale.js';
import { accessLog, consoleLogger } from './middleware/logger.js';
import { docsRoutes } from './openapi/docs.js';
import { openApiDocument, registerSharedComponents, type OpenApiDocument } from './openapi/document.js';
import { createRouter } from './openapi/router.js';
import { releaseExportFiles } from './services/release/files.js';
import { codeListRoutes } from './routes/code-lists.js';
import { comparisonRoutes } from './routes/compare.js';
import { coverageRoutes } from './routes/coverage.js';
import { exportRoutes } from './routes/exports.js';
import { healthRoutes } from './routes/health.js';
import { indicatorRoutes } from './routes/indicators.js';
import { jurisdictionRoutes } from './routes/jurisdictions.js';
import { measureRoutes } from './routes/measures.js';
import { observationRoutes } from './routes/observations.js';
import { pillarRoutes } from './routes/pillars.js';
import { releaseRoutes } from './routes/releases.js';
import { scorecardRoutes } from './routes/scorecard.js';
import { sourceRoutes } from './routes/sources.js';
import { authMiddleware, createWorkflowRoutes } from './routes/workflow/index.js';
import { say } from './i18n/messages.js';

export const DEFAULT_WEB_ORIGIN = 'http://127.0.0.1:3000';
const MB = 1024 * 1024;
/** A 304 must still carry the request id and, for the dashboard's cross-origin revalidation, the CORS answer. */
const HEADERS_KEPT_ON_304 = [
  'x-request-id',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-expose-headers',
];

/** The public reads whose answers are published data, under the data licence. */
const PUBLISHED_DATA = [
  '/v1/pillars',
  '/v1/indicators/*',
  '/v1/jurisdictions',
  '/v1/observations',
  '/v1/observations/bulk',
  '/v1/compare',
  '/v1/scorecard',
  '/v1/measures/*',
  '/v1/coverage',
  '/v1/sources/*',
  '/v1/exports/*',
  '/v1/releases/*',
  '/v1/progress',
] as const;

/**
 * `middleware` for requests that may carry a body: a GET or HEAD has none, and asking (`c.req.raw.body`) would
 * build the request object node's server otherwise leaves unbuilt.
 */
const withBody =
  (middleware: MiddlewareHandler): MiddlewareHandler =>
  (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : middleware(c, next);

/** Builds the HTTP app from its dependencies; never listens. */
export function createApp(deps: AppDeps) {
  const routeDeps: RouteDeps = {
    db: deps.db,
    logger: deps.logger ?? consoleLogger,
    now: deps.now ?? (() => new Date()),
    suppressionK: deps.suppressionK ?? DEFAULT_SUPPRESSION_K,
    solver: deps.solver ?? sharedSolver,
    proxySecret: deps.proxySecret || null,
  };
  const app = createRouter();
  registerSharedComponents(app);

  const security = secureHeaders({
    overwrite: false,
    crossOriginResourcePolicy: 'same-site',
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      connectSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
  });
  const webOrigin = deps.webOrigin ?? DEFAULT_WEB_ORIGIN;
  app.use(earlyAnswers({ ...routeDeps, webOrigin, security, published: PUBLISHED_DATA }));
  app.use(requestId());
  app.use(warmAfterWrites(deps.db));
  app.use(async (c, next) => {
    c.set('logger', routeDeps.logger);
    await next();
  });
  app.use(accessLog());
  app.use(negotiatedLocale());
  app.use(security);
  app.use(dashboardCors(webOrigin));
  // Liveness is answered before compression, caching, tags and body limits: a tiny no-store answer needs none.
  const auth = authMiddleware(routeDeps);
  app.get('/health', auth);
  app.route('/health', healthRoutes(routeDeps));
  app.use(compressAnswers());
  app.use(cacheControl());
  // A streamed export is never hashed whole (anonymous ones carry the publish generation's tag instead);
  // Hono's default digest is a thread-pool job per response, node's hash is not.
  app.use(
    except(
      '/v1/observations/bulk',
      etag({
        weak: true,
        retainedHeaders: [...RETAINED_304_HEADERS, ...HEADERS_KEPT_ON_304],
        generateDigest: (body) => new Uint8Array(createHash('sha1').update(body).digest()).buffer,
      }),
    ),
  );
  // Room for a multipart envelope around a file of the largest size; the file itself is checked exactly.
  app.use('/v1/imports/*', withBody(bodyLimit({ maxSize: IMPORT_LIMITS.bytes + 64 * 1024 })));
  app.use(except('/v1/imports/*', withBody(bodyLimit({ maxSize: 1 * MB }))));
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problemResponse(
          c,
          new ApiError(
            'method_not_allowed',
            say('method_not_allowed', { method: c.req.method, path: c.req.path }),
          ),
          { Allow: methods.join(', ') },
        ),
    }),
  );

  app.use(auth);

  for (const path of PUBLISHED_DATA) app.use(path, dataLicence(), publishedEtag(deps.db));
  app.route('/v1/pillars', pillarRoutes());
  app.route('/v1/code-lists', codeListRoutes());
  app.route('/v1/indicators', indicatorRoutes(routeDeps));
  app.route('/v1/jurisdictions', jurisdictionRoutes(routeDeps));
  app.route('/v1/observations', observationRoutes(routeDeps));
  app.route('/v1/compare', comparisonRoutes(routeDeps));
  app.route('/v1/scorecard', scorecardRoutes(routeDeps));
  app.route('/v1/measures', measureRoutes(routeDeps));
  app.route('/v1/coverage', coverageRoutes(routeDeps));
  app.route('/v1/sources', sourceRoutes(routeDeps));
  app.route('/v1/exports', exportRoutes(routeDeps));
  app.route(
    '/v1/releases',
    releaseRoutes({
      ...routeDeps,
      exportFiles: deps.releaseFiles ?? releaseExportFiles(routeDeps),
      webOrigin,
    }),
  );
  app.route('/', createWorkflowRoutes(routeDeps));
  let document: OpenApiDocument | undefined;
  app.get('/openapi.json', (c) => c.json((document ??= openApiDocument(app))));
  app.route('/docs', docsRoutes());

  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
