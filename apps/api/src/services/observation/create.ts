import {
  INDICATORS,
  validateObservation,
  type ObservationCell,
  type ObservationCreateRequest,
  type ValidationIssue,
  type WorkflowObservation,
} from '@fourp/domain';
import { ApiError } from '../../errors.js';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import {
  findSameCell,
  insertObservation,
  previousYearValue,
  type NewObservation,
} from '../../repos/workflow/observations.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { permit, type Caller, type ServiceDeps } from '../caller.js';
import { createdEntry, requireComment, requireObservation, resolveSource } from './figure.js';
import { say } from '../../i18n/messages.js';

export type ObservationWritten = { observation: WorkflowObservation; warnings: ValidationIssue[] };

/** Enters one figure as a draft; an outlier against the previous year needs a comment. */
export async function createObservation(
  { db, now }: ServiceDeps,
  { principal, actor, locale }: Caller,
  { comment, ...input }: ObservationCreateRequest,
): Promise<ObservationWritten> {
  const at = now();
  const cell: ObservationCell = {
    indicator: input.indicator,
    jurisdiction: input.jurisdiction,
    year: input.year,
    yearEnd: input.yearEnd ?? input.year,
    period: input.period ?? null,
    disaggregation: input.disaggregation,
    definition: input.definition,
  };
  const tree = jurisdictionTree(db);
  const checked = validateObservation(input, {
    indicators: INDICATORS,
    jurisdictions: tree,
    currentYear: at.getUTCFullYear(),
    previousValue: await previousYearValue(db, cell),
    ...(locale === undefined ? {} : { locale }),
  });
  if (!checked.ok) throw ApiError.fromDomain(checked.error);
  permit(principal, 'observation.create', { jurisdictionId: input.jurisdiction, tree, asOf: cell.yearEnd });
  const { warnings } = checked.value;
  requireComment(warnings, comment);
  const id = await inTransaction(db, async (tx) => {
    const sourceId = await resolveSource(tx, input);
    if ((await findSameCell(tx, cell, sourceId)) !== null) {
      throw new ApiError('conflict', say('figure_exists_use_patch'));
    }
    const figure: NewObservation = {
      ...cell,
      value: input.value,
      status: input.status,
      unitAsRead: input.unitAsRead ?? null,
      valueAsRead: input.valueAsRead ?? null,
      note: input.note ?? null,
      sourceId,
      workflowState: 'draft',
      createdBy: principal.userId,
    };
    const created = await insertObservation(tx, figure, at);
    const entry = createdEntry(
      'observation.create',
      created,
      figure,
      { warnings: warnings.map((w) => w.message) },
      comment ?? null,
    );
    await appendAudit(tx, actor, entry, at);
    return created;
  });
  return { observation: await requireObservation(db, id), warnings };
}
