import { DEFAULT_LOCALE, type ImportReport } from '@fourp/domain';
import { planImport } from '../../import/plan.js';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { appendAudit, type AuditEntry } from '../../repos/workflow/audit.js';
import { insertImportBatch } from '../../repos/workflow/imports.js';
import {
  citationKey,
  findOrCreateSource,
  findWorkflowObservation,
  insertObservations,
  type NewObservation,
} from '../../repos/workflow/observations.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { permit, refreshPattern, type Caller, type ServiceDeps } from '../caller.js';
import { createdEntry, reviseFigure } from '../observation/figure.js';
import { readImport, rejected, reportOf, type ImportInput } from './read.js';

export type ApplyImportInput = ImportInput & {
  /** The workflow state of new figures. */
  state: 'draft' | 'submitted';
  filename: string | null;
};

/**
 * Imports every row or none, in one transaction: new sources, new figures in `state`, corrections of
 * drafts with a revision each, one audit entry per figure and a batch record. Identical rows are left alone,
 * and a file with nothing new writes nothing at all, so importing the same file twice changes nothing.
 */
export async function applyImport(
  deps: ServiceDeps,
  { principal, actor, locale = DEFAULT_LOCALE }: Caller,
  input: ApplyImportInput,
): Promise<ImportReport> {
  const { db, now } = deps;
  permit(principal, 'import.run');
  const at = now();
  const { state, filename } = input;
  const options = { principal, now: at, tree: jurisdictionTree(db), locale };
  const parsed = await readImport(input, options);
  return inTransaction(db, async (tx) => {
    const plan = await planImport(tx, parsed.checked, options);
    if (plan.errors.length > 0) throw rejected(plan, locale);
    if (plan.inserted === 0 && plan.updated === 0) return reportOf(parsed, plan, false, null);
    const batchId = await insertImportBatch(
      tx,
      {
        contentHash: parsed.contentHash,
        filename,
        format: parsed.format,
        layout: parsed.layout,
        importedBy: principal.userId,
        rowsTotal: plan.rowCount,
        rowsInserted: plan.inserted,
        rowsUpdated: plan.updated,
        rowsUnchanged: plan.unchanged,
      },
      at,
    );
    const reason = `import batch ${batchId}`;

    const sourceIds = new Map<string, number>();
    for (const row of plan.rows) {
      const key = citationKey(row.source);
      if (row.action === 'unchanged' || sourceIds.has(key)) continue;
      sourceIds.set(key, (await findOrCreateSource(tx, row.source)).source.id);
    }
    const sourceIdOf = (row: (typeof plan.rows)[number]) => sourceIds.get(citationKey(row.source))!;

    const inserts = plan.rows.filter((r) => r.action === 'insert');
    const figures = inserts.map((r): NewObservation => ({
      ...r.cell,
      value: r.value,
      status: r.status,
      unitAsRead: r.unitAsRead,
      valueAsRead: r.valueAsRead,
      note: r.note,
      sourceId: sourceIdOf(r),
      workflowState: state,
      createdBy: principal.userId,
    }));
    const ids = await insertObservations(tx, figures, at);
    const entries: AuditEntry[] = figures.map((figure, i) =>
      createdEntry('observation.import', ids[i]!, figure, { row: inserts[i]!.row }, reason),
    );

    for (const r of plan.rows) {
      if (r.action !== 'update') continue;
      const before = (await findWorkflowObservation(tx, r.existing.id))!;
      const change = {
        value: r.value,
        status: r.status,
        note: r.note,
        valueAsRead: r.valueAsRead,
        unitAsRead: r.unitAsRead,
        sourceId: sourceIdOf(r),
        workflowState: r.nextState,
      };
      entries.push(await reviseFigure(tx, before, change, { userId: principal.userId, reason }, at));
    }
    entries.push({
      action: 'import.run',
      entityType: 'import_batch',
      entityId: batchId,
      newValue: {
        contentHash: parsed.contentHash,
        filename,
        inserted: plan.inserted,
        updated: plan.updated,
        unchanged: plan.unchanged,
        warnings: plan.warnings.length,
      },
    });
    await appendAudit(tx, actor, entries, at);
    const updated = plan.rows.flatMap((r) => (r.action === 'update' ? [r.existing.id] : []));
    refreshPattern(tx, deps, at, { observationIds: [...ids, ...updated] });
    return reportOf(parsed, plan, false, batchId);
  });
}
