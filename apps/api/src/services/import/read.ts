import type { ImportIssue, ImportReport, Locale } from '@fourp/domain';
import { ApiError } from '../../errors.js';
import { ImportFileError, issueIn, issueLine } from '../../import/file-error.js';
import { textIn } from '../../i18n/messages.js';
import { openImport, type OpenedImport } from '../../import/parse.js';
import { checkRows, type CheckedRows, type ImportPlan, type PlanOptions } from '../../import/plan.js';
import type { ReadProgress } from '../../import/stream.js';

export type ImportInput = {
  bytes: Uint8Array;
  onProgress?: ((progress: ReadProgress) => void) | undefined;
};

/** The file as read, with the checks that need no database done on each row as it arrived. */
export type ReadImport = Omit<OpenedImport, 'rows'> & { checked: CheckedRows };

/** Import issues as a problem's `errors[]`: structured `row` and `column`, and `path` for generic clients. */
const issuesAsErrors = (issues: readonly ImportIssue[]) =>
  issues.map((e) => ({
    path: `row ${e.row}, ${e.column}`,
    message: e.message,
    row: e.row,
    column: e.column,
  }));

/** A file past a size limit is too large (413); one past a shape limit, or unreadable, is invalid (400). */
function refused(error: ImportFileError, locale: Locale): ApiError {
  const errors = issuesAsErrors(error.issues.map((issue) => issueIn(issue, locale)));
  const summary = error.summaryIn(locale);
  if (error.limit === null) return new ApiError('validation_failed', summary, errors);
  const tooLarge = error.limit === 'rows' || error.limit === 'bytes' || error.limit === 'unpackedBytes';
  return new ApiError(
    tooLarge ? 'payload_too_large' : 'validation_failed',
    textIn(locale, 'import_limit_passed', { issues: summary }),
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
    if (error instanceof ImportFileError) throw refused(error, options.locale);
    throw error;
  }
}

/** The refusal of a file with errors, in the language its row messages are in: forbidden when a row lies outside the importer's scope. */
export function rejected({ errors, outOfScope }: ImportPlan, locale: Locale): ApiError {
  const first = issueLine(errors[0]!, locale);
  return new ApiError(
    outOfScope > 0 ? 'forbidden' : 'validation_failed',
    textIn(locale, 'import_rows_refused', { count: errors.length, first }),
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
