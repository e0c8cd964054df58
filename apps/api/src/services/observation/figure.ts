import { cellOf, type ValidationIssue, type WorkflowObservation, type WorkflowState } from '@fourp/domain';
import type { Db } from '../../db/client.js';
import { ApiError } from '../../errors.js';
import { findSource } from '../../repos/sources.js';
import type { AuditEntry } from '../../repos/workflow/audit.js';
import {
  saveCorrection,
  findOrCreateSource,
  findWorkflowObservation,
  type NewObservation,
  type ObservationCorrection,
  type SourceInput,
} from '../../repos/workflow/observations.js';
import { say } from '../../i18n/messages.js';

type AuditedFigure = Pick<
  WorkflowObservation,
  'value' | 'status' | 'valueAsRead' | 'unitAsRead' | 'note' | 'workflowState' | 'locked'
> & { sourceId: number };

/** What the audit log keeps of a figure before and after a change. */
export const auditView = (o: AuditedFigure) => ({
  value: o.value,
  status: o.status,
  valueAsRead: o.valueAsRead,
  unitAsRead: o.unitAsRead,
  note: o.note,
  sourceId: o.sourceId,
  workflowState: o.workflowState,
  locked: o.locked,
});

/** The audit entry of a new figure, entered one at a time or imported. */
export function createdEntry(
  action: 'observation.create' | 'observation.import',
  id: number,
  figure: NewObservation,
  extra: Record<string, unknown>,
  reason: string | null,
): AuditEntry {
  return {
    action,
    entityType: 'observation',
    entityId: id,
    jurisdictionId: figure.jurisdiction,
    newValue: { ...cellOf(figure), ...auditView({ ...figure, locked: false }), ...extra },
    reason,
  };
}

export type FigureRevision = ObservationCorrection & { sourceId: number; workflowState: WorkflowState };

/**
 * Corrects a stored figure, keeping the previous value as a revision, and returns its audit entry:
 * the same for a correction through the API and one through an import.
 */
export async function reviseFigure(
  tx: Db,
  before: WorkflowObservation,
  change: FigureRevision,
  by: { userId: string; reason: string | null },
  at: Date,
): Promise<AuditEntry> {
  await saveCorrection(
    tx,
    before,
    change,
    { reason: by.reason ?? 'Corrected before review', by: by.userId },
    at,
  );
  return {
    action: 'observation.update',
    entityType: 'observation',
    entityId: before.id,
    jurisdictionId: before.jurisdiction,
    oldValue: auditView({ ...before, sourceId: before.source.id }),
    newValue: auditView({ ...before, ...change, locked: false }),
    reason: by.reason,
  };
}

/** The id of a cited source: an existing one by id (404 when unknown), or a new citation found or stored. */
export async function resolveSource(
  db: Db,
  ref: { sourceId?: number | undefined; source?: SourceInput | undefined },
  path = 'sourceId',
): Promise<number> {
  if (ref.sourceId !== undefined) {
    if (!(await findSource(db, ref.sourceId))) {
      throw new ApiError('unknown_source', say('source_not_found', { id: ref.sourceId }), [
        { path, message: say('source_not_found_give_new', { id: ref.sourceId }) },
      ]);
    }
    return ref.sourceId;
  }
  return (await findOrCreateSource(db, ref.source!)).source.id;
}

/** An outlier is saved only with a comment explaining it. */
export function requireComment(warnings: ValidationIssue[], comment: string | undefined) {
  if (warnings.length > 0 && !comment) {
    throw new ApiError('validation_failed', say('figure_outlier_needs_comment'), [
      { path: 'comment', message: warnings.map((w) => w.message).join(' ') },
    ]);
  }
}

export async function requireObservation(db: Db, id: number): Promise<WorkflowObservation> {
  const observation = await findWorkflowObservation(db, id);
  if (!observation) throw new ApiError('not_found', say('figure_not_found', { id }));
  return observation;
}

/** True for a UNIQUE constraint failure (SQLite) or unique_violation (PostgreSQL). */
export const isUniqueViolation = (error: unknown) =>
  error instanceof Error &&
  (/UNIQUE constraint failed/.test(error.message) || (error as { code?: string }).code === '23505');
