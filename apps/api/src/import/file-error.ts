import { IMPORT_LIMITS, type ImportIssue, type ImportLimit } from '@fourp/domain';

/** The file cannot be read as an import at all: wrong format, missing columns, broken CSV, a limit passed. */
export class ImportFileError extends Error {
  constructor(
    readonly issues: ImportIssue[],
    readonly limit: ImportLimit | null = null,
  ) {
    super(issues.map((i) => `row ${i.row}, ${i.column}: ${i.message}`).join('; '));
    this.name = 'ImportFileError';
  }
}

const LIMIT_TEXT: Record<ImportLimit, (max: string) => string> = {
  bytes: (max) => `the file is larger than the limit of ${max} bytes`,
  rows: (max) => `the file has more than the limit of ${max} rows after the header`,
  columns: (max) => `the header has more than the limit of ${max} columns`,
  cellCharacters: (max) => `the cell is longer than the limit of ${max} characters`,
  unpackedBytes: (max) => `the workbook unpacks to more than the limit of ${max} bytes`,
};

/** The refusal of a file past one of IMPORT_LIMITS, naming the limit and where it was passed. */
export function limitPassed(limit: ImportLimit, row: number, column = '(file)'): ImportFileError {
  const message = LIMIT_TEXT[limit](IMPORT_LIMITS[limit].toLocaleString('en-GB'));
  return new ImportFileError([{ row, column, message: `${message} (${limit})` }], limit);
}

export const fileProblem = (message: string, row = 1, column = '(file)') =>
  new ImportFileError([{ row, column, message }]);
