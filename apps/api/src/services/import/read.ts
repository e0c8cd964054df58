import type { ImportIssue, ImportReport } from '@fourp/domain';
import { ApiError } from '../../errors.js';
import { ImportFileError, parseImportFile, type ParsedImport } from '../../import/parse.js';
import type { ImportPlan } from '../../import/plan.js';

export type ImportInput = {
  bytes: Uint8Array;
  onProgress?: ((done: number, total: number) => void) | undefined;
};

const ROWS_AS_IN_A_SPREADSHEET = 'Rows are numbered as a spreadsheet shows them, the header being row 1.';

/** Import issues as a problem's `errors[]`: structured `row` and `column`, and `path` for generic clients. */
const issuesAsErrors = (issues: readonly ImportIssue[]) =>
  issues.map((e) => ({
    path: `row ${e.row}, ${e.column}`,
    message: e.message,
    row: e.row,
    column: e.column,
  }));

/** The uploaded CSV or XLSX as rows; a file that cannot be read at all is a 400 naming the problems. */
export async function readImport({ bytes }: ImportInput): Promise<ParsedImport> {
  try {
    return await parseImportFile(bytes);
  } catch (error) {
    if (error instanceof ImportFileError)
      throw new ApiError('validation_failed', error.message, issuesAsErrors(error.issues));
    throw error;
  }
}

/** The refusal of a file with errors: forbidden when a row lies outside the importer's scope. */
export function rejected({ errors, outOfScope }: ImportPlan): ApiError {
  const first = errors[0]!;
  return new ApiError(
    outOfScope > 0 ? 'forbidden' : 'validation_failed',
    `${errors.length} row(s) cannot be imported, nothing was written. First: row ${first.row}, ${first.column}: ${first.message}. ${ROWS_AS_IN_A_SPREADSHEET}`,
    issuesAsErrors(errors),
  );
}

export function reportOf(
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
