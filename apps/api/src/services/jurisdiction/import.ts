import { planJurisdictionImport, type JurisdictionImportReport } from '@fourp/domain';
import { ApiError } from '../../errors.js';
import {
  invalidateJurisdictionTree,
  readJurisdictions,
  saveJurisdiction,
} from '../../repos/jurisdictions.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { permit, refreshPattern, type Caller, type OperatorCaller, type ServiceDeps } from '../caller.js';
import { inEveryLocale, say, textIn } from '../../i18n/messages.js';

export type JurisdictionImportInput = { rows: readonly unknown[]; dryRun: boolean; filename?: string | null };

/**
 * Adds units to the jurisdiction tree or closes them (an admin's import, no code change): every row is checked
 * against the tree first, and then all are written in one transaction with one audit entry, or none is.
 */
export async function importJurisdictions(
  deps: ServiceDeps,
  { principal, actor }: Caller | OperatorCaller,
  { rows, dryRun, filename = null }: JurisdictionImportInput,
): Promise<JurisdictionImportReport> {
  const { db, now } = deps;
  permit(principal, 'jurisdiction.manage');
  if (rows.length === 0) {
    throw new ApiError('validation_failed', say('jurisdiction_file_empty'), [
      { path: 'rows', message: 'empty' },
    ]);
  }
  const before = readJurisdictions(db);
  const plan = planJurisdictionImport(before, rows);
  if (!plan.ok) {
    const issues = plan.issues.map((issue) => ({
      path: `rows[${issue.row}].${issue.field}`,
      message: inEveryLocale((locale) =>
        textIn(locale, 'import_issue_at', { row: issue.row, column: issue.field, message: issue.message }),
      ),
    }));
    throw new ApiError(
      'validation_failed',
      say('jurisdiction_rows_refused', { count: plan.issues.length }),
      issues,
    );
  }
  const report = {
    dryRun,
    added: plan.added.map((unit) => unit.id),
    closed: plan.closed.map((unit) => unit.id),
  };
  if (dryRun) return report;
  const at = now();
  await inTransaction(db, async (tx) => {
    for (const unit of [...plan.added, ...plan.closed]) saveJurisdiction(tx, unit);
    await appendAudit(
      tx,
      actor,
      {
        action: 'jurisdiction.import',
        entityType: 'jurisdiction',
        entityId: [...report.added, ...report.closed].join(','),
        oldValue: plan.closed.map((unit) => before.find((b) => b.id === unit.id) ?? null),
        newValue: { added: plan.added, closed: plan.closed, filename },
      },
      at,
    );
    refreshPattern(tx, deps, at);
  });
  invalidateJurisdictionTree();
  return report;
}
