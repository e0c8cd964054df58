import { createRouter } from '../../openapi/router.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { importRoutes } from './imports.js';
import { jurisdictionImportRoutes } from './jurisdictions.js';
import { observationWriteRoutes } from './observations.js';
import { reviewRoutes } from './reviews.js';
import type { WorkflowDeps } from './shared.js';
import { progressRoutes, targetRoutes } from './targets.js';
import { tokenRoutes } from './tokens.js';
import { userRoutes } from './users.js';

export { authMiddleware } from '../../auth/middleware.js';
export type { WorkflowDeps } from './shared.js';

/** The officials' workflow: accounts, tokens, figure entry and review, imports, audit, targets and progress. */
export const createWorkflowRoutes = (deps: WorkflowDeps) =>
  createRouter()
    .route('/v1/auth', authRoutes(deps))
    .route('/v1/users', userRoutes(deps))
    .route('/v1/tokens', tokenRoutes(deps))
    .route('/v1/observations', observationWriteRoutes(deps))
    .route('/v1/reviews', reviewRoutes(deps))
    .route('/v1/imports', importRoutes(deps))
    .route('/v1/jurisdictions', jurisdictionImportRoutes(deps))
    .route('/v1', auditRoutes(deps))
    .route('/v1/targets', targetRoutes(deps))
    .route('/v1/progress', progressRoutes(deps));
