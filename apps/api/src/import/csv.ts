import { isUtf8 } from 'node:buffer';
import { IMPORT_LIMITS } from '@fourp/domain';
import { parse, type Options } from 'csv-parse';
import { CsvParseError, CsvRows, CSV_OPTIONS, type CsvRow } from '../csv-rows.js';
import { say } from '../i18n/messages.js';
import { fileProblem, ImportFileError, limitPassed } from './file-error.js';
import type { ImportRow, RowSource } from './rows.js';
import { bytesStream, type ReadProgress } from './stream.js';

/** A record longer than this has a cell or a column past the limits; csv-parse stops before buffering more. */
const MAX_RECORD_CHARACTERS = IMPORT_LIMITS.cellCharacters * IMPORT_LIMITS.columns;

/** Streams a UTF-8 CSV through csv-parse, checking the limits on each record as it arrives. */
export async function* csvRows(
  bytes: Uint8Array,
  source: RowSource,
  onProgress: (progress: ReadProgress) => void,
): AsyncGenerator<ImportRow> {
  if (!isUtf8(bytes)) throw fileProblem(say('import_not_utf8'));
  const input = bytesStream(bytes);
  const reader = new CsvRows();
  // Checked in on_record, as csv-parse reads ahead of the consumer: lines and limits are where it is.
  const readRecord = (fields: string[]) => {
    const line = reader.line;
    if (line > IMPORT_LIMITS.rows + 1) throw limitPassed('rows', line);
    const long = fields.findIndex((field) => field.length > IMPORT_LIMITS.cellCharacters);
    if (long !== -1) throw limitPassed('cellCharacters', line, reader.header?.[long] ?? `column ${long + 1}`);
    const row = reader.read(fields);
    if (reader.header && source.header === null) {
      if (reader.header.length > IMPORT_LIMITS.columns) throw limitPassed('columns', line);
      source.header = reader.header;
    }
    return row;
  };
  const options: Options<CsvRow, string[]> = {
    ...CSV_OPTIONS,
    max_record_size: MAX_RECORD_CHARACTERS,
    on_record: readRecord,
  };
  // csv-parse's overloads type on_record as returning fields; it passes on whatever it returns.
  const parser = input.stream.pipe(parse(options as unknown as Options));
  let rows = 0;
  try {
    for await (const row of parser as AsyncIterable<CsvRow>) {
      if (++rows % 1000 === 0) onProgress({ rows, bytesRead: input.read(), bytesTotal: bytes.length });
      yield { row: row.line, values: row.values };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const failure = reader.failure(error);
    if (failure instanceof CsvParseError && (error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
      throw limitPassed('cellCharacters', failure.line, '(row)');
    }
    if (failure instanceof CsvParseError) {
      throw fileProblem(failure.reason, failure.line, '(row)');
    }
    throw failure;
  } finally {
    input.stream.destroy();
  }
  onProgress({ rows, bytesRead: bytes.length, bytesTotal: bytes.length });
}
