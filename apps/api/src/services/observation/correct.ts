import {
  INDICATORS,
  applyWorkflowEvent,
  cellOf,
  validateObservation,
  type ObservationCorrectionRequest,
} from '@fourp/domain';
import { ApiError } from '../../errors.js';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { previousYearValue } from '../../repos/workflow/observations.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { permit, refreshPattern, workflowError, type Caller, type ServiceDeps } from '../caller.js';
import type { ObservationWritten } from './create.js';
import {
  isUniqueViolation,
  requireComment,
  requireObservation,
  resolveSource,
  reviseFigure,
} from './figure.js';
import { say } from '../../i18n/messages.js';

export type ObservationCorrectionInput = ObservationCorrectionRequest & { id: number };

/**
 * Corrects a figure that is not locked, keeping the previous value as a revision; the figure returns to draft.
 * A reviewed (approved or published) figure needs a reason.
 */
export async function correctObservation(
  deps: ServiceDeps,
  { principal, actor, locale }: Caller,
  { id, reason, comment, sourceId, source, ...fields }: ObservationCorrectionInput,
): Promise<ObservationWritten> {
  const { db, now } = deps;
  const before = await requireObservation(db, id);
  const tree = jurisdictionTree(db);
  permit(principal, 'observation.update', {
    jurisdictionId: before.jurisdiction,
    tree,
    asOf: before.yearEnd,
  });
  if (sourceId !== undefined && source !== undefined) {
    throw new ApiError('validation_failed', say('source_either'), [
      { path: 'sourceId', message: say('source_either') },
    ]);
  }
  const next = applyWorkflowEvent(
    { state: before.workflowState, locked: before.locked, submittedBy: null },
    { type: 'edit', actorId: principal.userId },
  );
  if (!next.ok) throw workflowError(next.error);
  const wasReviewed = before.workflowState === 'approved' || before.workflowState === 'published';
  if (wasReviewed && !reason) {
    throw new ApiError('validation_failed', say('correction_reason'), [
      { path: 'reason', message: say('correction_reason_required') },
    ]);
  }
  const at = now();
  const merged = { ...before, ...fields };
  const checked = validateObservation(
    {
      ...cellOf(before),
      value: merged.value,
      status: merged.status,
      sourceId: sourceId ?? before.source.id,
    },
    {
      indicators: INDICATORS,
      jurisdictions: tree,
      currentYear: at.getUTCFullYear(),
      previousValue: fields.value === undefined ? null : await previousYearValue(db, cellOf(before)),
      ...(locale === undefined ? {} : { locale }),
    },
  );
  if (!checked.ok) throw ApiError.fromDomain(checked.error);
  requireComment(checked.value.warnings, comment);
  try {
    await inTransaction(db, async (tx) => {
      const newSourceId =
        sourceId === undefined && source === undefined
          ? before.source.id
          : await resolveSource(tx, { sourceId, source });
      const entry = await reviseFigure(
        tx,
        before,
        { ...fields, sourceId: newSourceId, workflowState: next.value.state },
        { userId: principal.userId, reason: reason ?? comment ?? null },
        at,
      );
      await appendAudit(tx, actor, entry, at);
      if (before.workflowState === 'published') refreshPattern(tx, deps, at, { observationIds: [id] });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError('conflict', say('figure_exists'));
    throw error;
  }
  return { observation: await requireObservation(db, id), warnings: checked.value.warnings };
}
