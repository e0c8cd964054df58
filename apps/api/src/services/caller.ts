import {
  authorize,
  renderInEveryLocale,
  type Action,
  type AuthorizationTarget,
  type Locale,
  type UserPrincipal,
  type WorkflowErrorCode,
  type WorkflowRefusal,
} from '@fourp/domain';
import type { Db, DbOrTx } from '../db/client.js';
import { refreshDisclosure, type DisclosureScope } from '../disclosure/pattern.js';
import { sharedSolver } from '../disclosure/shared.js';
import type { ProtectOptions, Solver } from '../disclosure/solver.js';
import { ApiError } from '../errors.js';
import type { DisclosureRun } from '../repos/disclosure.js';
import { bumpPublishGeneration } from '../repos/generation.js';
import type { Actor } from '../repos/workflow/audit.js';
import { refreshSummaries } from './published/summaries.js';

export type ServiceDeps = {
  db: Db;
  now: () => Date;
  /** The LP solver disclosure control runs on; the process's shared instance when not given. */
  solver?: Solver;
};

/**
 * Recomputes the disclosure pattern and the summaries, inside the caller's transaction, if the published figures
 * changed: those of the figures in `scope` (the ids the write changed) and their families, or all when not given.
 */
export const refreshPattern = (
  tx: DbOrTx,
  deps: Pick<ServiceDeps, 'solver'>,
  at: Date,
  scope?: DisclosureScope,
  options?: ProtectOptions,
): DisclosureRun => {
  const run = refreshDisclosure(tx, deps.solver ?? sharedSolver, at, scope, options);
  refreshSummaries(tx, scope);
  bumpPublishGeneration(tx);
  return run;
};

/** Someone at the server's command line: whoever can run it can already write the database. */
export const OPERATOR = { kind: 'operator' } as const;

/**
 * Who asks for an action: the principal it is authorised for, the actor its audit entry names and the language
 * its messages are written in (English when not given).
 */
export type Caller = { principal: UserPrincipal; actor: Actor; locale?: Locale };
export type OperatorCaller = { principal: typeof OPERATOR; actor: Actor };

/** Refuses the action unless the domain's `authorize` allows it; the operator may do anything. */
export function permit(
  principal: UserPrincipal | typeof OPERATOR,
  action: Action,
  target: AuthorizationTarget = {},
): void {
  if (principal.kind === 'operator') return;
  const decision = authorize(principal, action, target);
  if (!decision.allowed) throw new ApiError(decision.reason, renderInEveryLocale(decision.why));
}

const WORKFLOW_ERROR_STATUS: Record<WorkflowErrorCode, 'conflict' | 'forbidden' | 'validation_failed'> = {
  invalid_transition: 'conflict',
  locked: 'conflict',
  same_person: 'forbidden',
  reason_required: 'validation_failed',
};

export function workflowError(error: WorkflowRefusal): ApiError {
  const code = WORKFLOW_ERROR_STATUS[error.code];
  const localised = renderInEveryLocale(error.why);
  return code === 'validation_failed'
    ? new ApiError(code, localised, [{ path: 'reason', message: error.message, localised }])
    : new ApiError(code, localised);
}
