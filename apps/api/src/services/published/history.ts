import {
  can,
  POLICY,
  findIndicator,
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
import { seesUnsuppressed } from './scope.js';
import { say } from '../../i18n/messages.js';

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

const redactBaseline = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && 'baseline' in value
    ? { ...value, baseline: { ...(value.baseline as object), value: null } }
    : value;

const redactTargetEntry = (entry: AuditRecord): AuditRecord => ({
  ...entry,
  oldValue: redactBaseline(entry.oldValue),
  newValue: redactBaseline(entry.newValue),
});

const identifyingIndicator = (indicator: string | undefined) =>
  indicator === undefined || (findIndicator(indicator)?.identifying ?? true);

const redactRevision = (revision: Revision): Revision => ({
  ...revision,
  previousValue: null,
  previousValueAsRead: null,
  newValue: null,
});

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
    throw new ApiError('not_found', say('figure_not_found', { id }));
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
 * identifying figures, and the baselines of their targets, are redacted for callers who could not see them
 * unsuppressed, as small counts may be among them.
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
  const hidden = rows.filter((row) => !seesUnsuppressed(principal, row.jurisdictionId, tree));
  const figures = hidden.filter((row) => row.entityType === 'observation');
  const indicators = await indicatorsOf(deps.db, [...new Set(figures.map((row) => Number(row.entityId)))]);
  const redacted = new Map<AuditRecord, AuditRecord>();
  for (const row of figures) {
    if (identifyingIndicator(indicators.get(Number(row.entityId)))) redacted.set(row, redactEntry(row));
  }
  // A baseline may restate a small count or a suppressed figure of the same indicator.
  for (const row of hidden.filter((r) => r.entityType === 'target')) {
    const indicator = (row.newValue as { indicator?: string } | null)?.indicator;
    if (identifyingIndicator(indicator)) redacted.set(row, redactTargetEntry(row));
  }
  return rows.map((row) => redacted.get(row) ?? row);
}
