import type { ImportReport, UserPrincipal } from '@fourp/domain';
import type { Db } from '../db/client.js';
import { appendAudit, type Actor, type AuditEntry } from '../repos/workflow/audit.js';
import { insertImportBatch } from '../repos/workflow/imports.js';
import {
  citationKey,
  correctObservation,
  findOrCreateSource,
  findWorkflowObservation,
  insertObservations,
} from '../repos/workflow/observations.js';
import { inTransaction } from '../repos/workflow/transaction.js';
import type { ParsedImport } from './parse.js';
import { planImport, type ImportPlan, type PlanOptions } from './plan.js';

/** The plan found errors, so nothing was written. */
export class ImportRejectedError extends Error {
  constructor(
    readonly report: ImportReport,
    readonly outOfScope: number,
  ) {
    super(`The import has ${report.errors.length} error(s); nothing was written.`);
    this.name = 'ImportRejectedError';
  }
}

export type ImportOptions = PlanOptions & {
  actor: Actor;
  principal: UserPrincipal;
  /** The workflow state of new figures. */
  state: 'draft' | 'submitted';
  filename?: string | null;
};

function reportOf(
  parsed: ParsedImport,
  plan: ImportPlan,
  dryRun: boolean,
  batchId: number | null,
): ImportReport {
  return {
    dryRun,
    format: parsed.format,
    layout: parsed.layout,
    contentHash: parsed.contentHash,
    rows: parsed.rows.length,
    inserted: plan.inserted,
    updated: plan.updated,
    unchanged: plan.unchanged,
    errors: plan.errors,
    warnings: plan.warnings,
    batchId,
  };
}

/** Checks the file against the database and reports what an import would do; writes nothing. */
export async function previewImport(
  db: Db,
  parsed: ParsedImport,
  options: PlanOptions,
): Promise<ImportReport> {
  return reportOf(parsed, await planImport(db, parsed, options), true, null);
}

/**
 * Imports every row or none, in one transaction: new sources, new figures in `state`, corrections of
 * drafts with a revision each, one audit entry per figure and a batch record. Identical rows are left alone,
 * and a file with nothing new writes nothing at all, so importing the same file twice changes nothing.
 */
export async function applyImport(
  db: Db,
  parsed: ParsedImport,
  options: ImportOptions,
): Promise<ImportReport> {
  const { now, actor, principal, state } = options;
  return inTransaction(db, async (tx) => {
    const plan = await planImport(tx, parsed, options);
    if (plan.errors.length > 0)
      throw new ImportRejectedError(reportOf(parsed, plan, false, null), plan.outOfScope);
    if (plan.inserted === 0 && plan.updated === 0) return reportOf(parsed, plan, false, null);
    const batchId = await insertImportBatch(
      tx,
      {
        contentHash: parsed.contentHash,
        filename: options.filename ?? null,
        format: parsed.format,
        layout: parsed.layout,
        importedBy: principal.userId,
        rowsTotal: parsed.rows.length,
        rowsInserted: plan.inserted,
        rowsUpdated: plan.updated,
        rowsUnchanged: plan.unchanged,
      },
      now,
    );
    const reason = `import batch ${batchId}`;

    const sourceIds = new Map<string, number>();
    for (const row of plan.rows) {
      const key = citationKey(row.source);
      if (row.action === 'unchanged' || sourceIds.has(key)) continue;
      sourceIds.set(key, (await findOrCreateSource(tx, row.source)).source.id);
    }

    const inserts = plan.rows.filter((r) => r.action === 'insert');
    const ids = await insertObservations(
      tx,
      inserts.map((r) => ({
        ...r.cell,
        value: r.value,
        status: r.status,
        unitAsRead: r.unitAsRead,
        valueAsRead: r.valueAsRead,
        note: r.note,
        sourceId: sourceIds.get(citationKey(r.source))!,
        workflowState: state,
        createdBy: principal.userId,
      })),
      now,
    );
    const entries: AuditEntry[] = inserts.map((r, i) => ({
      action: 'observation.import',
      entityType: 'observation',
      entityId: ids[i]!,
      jurisdictionId: r.cell.jurisdiction,
      newValue: {
        ...r.cell,
        value: r.value,
        status: r.status,
        note: r.note,
        sourceId: sourceIds.get(citationKey(r.source)),
        workflowState: state,
        locked: false,
        row: r.row,
      },
      reason,
    }));

    for (const r of plan.rows) {
      if (r.action !== 'update') continue;
      const before = (await findWorkflowObservation(tx, r.existing.id))!;
      const sourceId = sourceIds.get(citationKey(r.source))!;
      const change = {
        value: r.value,
        status: r.status,
        note: r.note,
        valueAsRead: r.valueAsRead,
        unitAsRead: r.unitAsRead,
      };
      await correctObservation(
        tx,
        before,
        { ...change, sourceId, workflowState: r.nextState },
        { reason, by: principal.userId },
        now,
      );
      entries.push({
        action: 'observation.update',
        entityType: 'observation',
        entityId: r.existing.id,
        jurisdictionId: r.cell.jurisdiction,
        oldValue: {
          value: r.existing.value,
          status: r.existing.status,
          note: r.existing.note,
          workflowState: r.existing.workflowState,
        },
        newValue: { ...change, sourceId, workflowState: r.nextState, locked: false, row: r.row },
        reason,
      });
    }
    entries.push({
      action: 'import.run',
      entityType: 'import_batch',
      entityId: batchId,
      newValue: {
        contentHash: parsed.contentHash,
        filename: options.filename ?? null,
        inserted: plan.inserted,
        updated: plan.updated,
        unchanged: plan.unchanged,
        warnings: plan.warnings.length,
      },
    });
    await appendAudit(tx, actor, entries, now);
    return reportOf(parsed, plan, false, batchId);
  });
}
