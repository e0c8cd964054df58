import type { ImportIssue, ImportReport } from '@fourp/domain';
import { ApiError } from '../../errors.js';
import { ImportFileError } from '../../import/file-error.js';
import { openImport, type OpenedImport } from '../../import/parse.js';
import { checkRows, type CheckedRows, type ImportPlan, type PlanOptions } from '../../import/plan.js';
import type { ReadProgress } from '../../import/stream.js';

export type ImportInput = {
  bytes: Uint8Array;
  onProgress?: ((progress: ReadProgress) => void) | undefined;
};

/** The file as read, with the checks that need no database done on each row as it arrived. */
export type ReadImport = Omit<OpenedImport, 'rows'> & { checked: CheckedRows };

const ROWS_AS_IN_A_SPREADSHEET = 'Rows are numbered as a spreadsheet shows them, the header being row 1.';

/** Import issues as a problem's `errors[]`: structured `row` and `column`, and `path` for generic clients. */
const issuesAsErrors = (issues: readonly ImportIssue[]) =>
  issues.map((e) => ({
    path: `row ${e.row}, ${e.column}`,
    message: e.message,
    row: e.row,
    column: e.column,
  }));

/** A file past a size limit is too large (413); one past a shape limit, or unreadable, is invalid (400). */
function refused(error: ImportFileError): ApiError {
  const errors = issuesAsErrors(error.issues);
  if (error.limit === null) return new ApiError('validation_failed', error.message, errors);
  const tooLarge = error.limit === 'rows' || error.limit === 'bytes' || error.limit === 'unpackedBytes';
  return new ApiError(
    tooLarge ? 'payload_too_large' : 'validation_failed',
    `The file passes an import limit and was not read further, nothing was written: ${error.message}.`,
    errors,
  );
}

/**
 * Streams the uploaded CSV or XLSX and checks each row as it arrives; a file that cannot be read or
 * passes one of IMPORT_LIMITS is refused as soon as that is seen, naming the row and column.
 */
export async function readImport(
  { bytes, onProgress }: ImportInput,
  options: PlanOptions,
): Promise<ReadImport> {
  try {
    const { rows, ...opened } = await openImport(bytes, onProgress);
    return { ...opened, checked: await checkRows({ layout: opened.layout, rows }, options) };
  } catch (error) {
    if (error instanceof ImportFileError) throw refused(error);
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
  parsed: Omit<OpenedImport, 'rows'>,
  plan: ImportPlan,
  dryRun: boolean,
  batchId: number | null,
): ImportReport {
  return {
    dryRun,
    format: parsed.format,
    layout: parsed.layout,
    contentHash: parsed.contentHash,
    rows: plan.rowCount,
    inserted: plan.inserted,
    updated: plan.updated,
    unchanged: plan.unchanged,
    errors: plan.errors,
    warnings: plan.warnings,
    batchId,
  };
}
