import { ApiError, inLocale } from '../errors.js';
import { CsvParseError, parseCsv } from '../csv-rows.js';
import { inEveryLocale, say, textIn } from '../i18n/messages.js';

/**
 * The rows of a jurisdiction import: a JSON array of row objects (or `{ "rows": [...] }`), or a CSV file
 * with a header of the import's columns. Row numbers in later messages count data rows from 1.
 */
export function readJurisdictionRows(bytes: Uint8Array): unknown[] {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const start = text.trimStart()[0];
  if (start === '[' || start === '{') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ApiError('validation_failed', say('jurisdiction_file_not_json'), [
        { path: 'file', message: (error as Error).message },
      ]);
    }
    const rows = Array.isArray(parsed) ? parsed : (parsed as { rows?: unknown }).rows;
    if (!Array.isArray(rows)) {
      throw new ApiError('validation_failed', say('jurisdiction_file_not_rows'), [
        { path: 'file', message: say('jurisdiction_file_expected_rows') },
      ]);
    }
    return rows;
  }
  try {
    return parseCsv(text).rows.map((row) => row.values);
  } catch (error) {
    if (error instanceof CsvParseError) {
      const message = inEveryLocale((locale) =>
        textIn(locale, 'csv_line', { line: error.line, message: inLocale(error.reason, locale) }),
      );
      throw new ApiError('validation_failed', message, [{ path: 'file', message }]);
    }
    throw error;
  }
}
