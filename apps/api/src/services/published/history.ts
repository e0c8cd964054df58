import {
  can,
  POLICY,
  findIndicator,
  type JurisdictionTree,
  type Principal,
  type Revision,
  type UserPrincipal,
  type WorkflowObservation,
} from '@fourp/domain';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { ApiError } from '../../errors.js';
import { indicatorsOf } from '../../repos/observations.js';
import { auditFor, listAudit, type AuditRecord } from '../../repos/workflow/audit.js';
import { findWorkflowObservation, listRevisions } from '../../repos/workflow/observations.js';
import { permit } from '../caller.js';
import { isSuppressedForPublic, type ReadDeps } from './read.js';

const VALUE_KEYS = ['value', 'valueAsRead', 'note'] as const;

const redactValue = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && VALUE_KEYS.some((key) => key in value)
    ? { ...value, ...Object.fromEntries(VALUE_KEYS.map((key) => [key, null])), suppressed: true }
    : value;

const redactEntry = (entry: AuditRecord): AuditRecord => ({
  ...entry,
  oldValue: redactValue(entry.oldValue),
  newValue: redactValue(entry.newValue),
});

const redactRevision = (revision: Revision): Revision => ({
  ...revision,
  previousValue: null,
  previousValueAsRead: null,
  newValue: null,
});

/** Officials within the figure's jurisdiction and admins see figures unsuppressed; everyone else as the public. */
const seesUnsuppressed = (
  principal: Principal,
  jurisdictionId: string | null,
  tree: JurisdictionTree,
  asOf?: number,
) =>
  jurisdictionId !== null && can(principal, 'observation.read_unpublished', { jurisdictionId, tree, asOf });

export type FigureHistory = {
  observation: WorkflowObservation;
  revisions: Revision[];
  audit: AuditRecord[];
};

/**
 * A figure with its revisions and audit entries. For a caller who may not see it unsuppressed, a suppressed
 * published figure keeps its values hidden here too (value, value as read, note), and the revision and audit
 * values of any identifying figure are hidden, as in the audit log.
 */
export async function readFigureHistory(
  deps: ReadDeps,
  principal: UserPrincipal,
  id: number,
): Promise<FigureHistory> {
  const observation = await findWorkflowObservation(deps.db, id);
  const tree = jurisdictionTree(deps.db);
  const fullView =
    observation !== null && seesUnsuppressed(principal, observation.jurisdiction, tree, observation.yearEnd);
  if (!observation || (!fullView && observation.workflowState !== 'published')) {
    throw new ApiError('not_found', `There is no observation ${id}.`);
  }
  permit(principal, 'observation.history', {
    jurisdictionId: observation.jurisdiction,
    tree,
    asOf: observation.yearEnd,
  });
  const [audit, revisions] = await Promise.all([
    auditFor(deps.db, 'observation', id),
    listRevisions(deps.db, observation),
  ]);
  if (fullView) return { observation, revisions, audit };
  const suppressed = await isSuppressedForPublic(deps, observation);
  // Earlier values of an identifying figure may be small counts even when the published one is not.
  const identifying = findIndicator(observation.indicator)?.identifying ?? true;
  return {
    observation: suppressed
      ? { ...observation, value: null, valueAsRead: null, note: null, suppressed: true }
      : observation,
    revisions: suppressed || identifying ? revisions.map(redactRevision) : revisions,
    audit: suppressed || identifying ? audit.map(redactEntry) : audit,
  };
}

/**
 * The audit log for `principal` over a period: entries of jurisdictions they may read the log of. Values of
 * identifying figures are redacted for callers who could not see them unsuppressed, as small counts may be among
 * them.
 */
export async function readAuditLog(
  deps: ReadDeps,
  principal: UserPrincipal,
  period: { from?: string | undefined; to?: string | undefined },
): Promise<AuditRecord[]> {
  permit(principal, 'audit.read');
  const everywhere = POLICY[principal.role]['audit.read'] === 'anywhere';
  const tree = jurisdictionTree(deps.db);
  const rows = (await listAudit(deps.db, period)).filter(
    (row) =>
      everywhere ||
      (row.jurisdictionId !== null &&
        can(principal, 'audit.read', { jurisdictionId: row.jurisdictionId, tree })),
  );
  const hidden = rows.filter(
    (row) => row.entityType === 'observation' && !seesUnsuppressed(principal, row.jurisdictionId, tree),
  );
  const indicators = await indicatorsOf(deps.db, [...new Set(hidden.map((row) => Number(row.entityId)))]);
  const identifying = new Set(
    hidden.filter((row) => {
      const indicator = indicators.get(Number(row.entityId));
      return indicator === undefined || (findIndicator(indicator)?.identifying ?? true);
    }),
  );
  return rows.map((row) => (identifying.has(row) ? redactEntry(row) : row));
}
