import { ApiError } from '../errors.js';
import { CsvParseError, parseCsv } from '../csv-rows.js';

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
      throw new ApiError('validation_failed', 'The file is not valid JSON.', [
        { path: 'file', message: (error as Error).message },
      ]);
    }
    const rows = Array.isArray(parsed) ? parsed : (parsed as { rows?: unknown }).rows;
    if (!Array.isArray(rows)) {
      throw new ApiError('validation_failed', 'Send a JSON array of rows, or an object with "rows".', [
        { path: 'file', message: 'expected an array of rows' },
      ]);
    }
    return rows;
  }
  try {
    return parseCsv(text).rows.map((row) => row.values);
  } catch (error) {
    if (error instanceof CsvParseError) {
      throw new ApiError('validation_failed', error.message, [{ path: 'file', message: error.message }]);
    }
    throw error;
  }
}
