import { IMPORT_LIMITS, type ImportIssue, type ImportLimit, type Locale } from '@fourp/domain';
import type { LocalisedDetail } from '../errors.js';
import { inEveryLocale, say, textIn, type MessageCode } from '../i18n/messages.js';

/** A problem with the file as a whole, its message written in every language. */
export type FileIssue = Omit<ImportIssue, 'message'> & { message: LocalisedDetail };

/** The issue in one language. */
export const issueIn = (issue: FileIssue, locale: Locale): ImportIssue => ({
  ...issue,
  message: issue.message[locale],
});

/** `row 12, value: …` in one language. */
export const issueLine = ({ row, column, message }: ImportIssue, locale: Locale) =>
  textIn(locale, 'import_issue_at', { row, column, message });

/** The file cannot be read as an import at all: wrong format, missing columns, broken CSV, a limit passed. */
export class ImportFileError extends Error {
  constructor(
    readonly issues: FileIssue[],
    readonly limit: ImportLimit | null = null,
  ) {
    super(issues.map((i) => issueLine(issueIn(i, 'en'), 'en')).join('; '));
    this.name = 'ImportFileError';
  }

  /** The issues as one sentence in one language. */
  summaryIn(locale: Locale): string {
    return this.issues.map((i) => issueLine(issueIn(i, locale), locale)).join('; ');
  }
}

const LIMIT_TEXT = {
  bytes: 'import_limit_bytes',
  rows: 'import_limit_rows',
  columns: 'import_limit_columns',
  cellCharacters: 'import_limit_cellCharacters',
  unpackedBytes: 'import_limit_unpackedBytes',
} as const satisfies Record<ImportLimit, MessageCode>;

/** The refusal of a file past one of IMPORT_LIMITS, naming the limit and where it was passed. */
export function limitPassed(limit: ImportLimit, row: number, column = '(file)'): ImportFileError {
  const text = say(LIMIT_TEXT[limit], { max: IMPORT_LIMITS[limit].toLocaleString('en-GB') });
  const message = inEveryLocale((locale) => `${text[locale]} (${limit})`);
  return new ImportFileError([{ row, column, message }], limit);
}

export const fileProblem = (message: string | LocalisedDetail, row = 1, column = '(file)') =>
  new ImportFileError([
    { row, column, message: typeof message === 'string' ? inEveryLocale(() => message) : message },
  ]);
