import { IMPORT_LIMITS } from '@fourp/domain';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { say } from '../i18n/messages.js';
import { fileProblem, ImportFileError, limitPassed } from './file-error.js';
import type { ImportRow, RowSource } from './rows.js';
import { bytesStream, type ReadProgress } from './stream.js';

const unreadable = () => fileProblem(say('import_not_xlsx'));

/**
 * Unpacks every entry into nothing, with the zip reader ExcelJS uses (so the same entries), and stops at
 * the first byte past the limit: a zip bomb costs at most the limit in CPU and a 64 KiB buffer in memory.
 */
async function checkUnpackedSize(bytes: Uint8Array): Promise<void> {
  const input = bytesStream(bytes);
  const zip = input.stream.pipe(unzipper.Parse({ forceStream: true }));
  let unpacked = 0;
  try {
    for await (const entry of zip as AsyncIterable<unzipper.Entry>) {
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        unpacked += chunk.length;
        if (unpacked > IMPORT_LIMITS.unpackedBytes) throw limitPassed('unpackedBytes', 1);
      }
    }
  } catch (error) {
    throw error instanceof ImportFileError ? error : unreadable();
  } finally {
    input.stream.destroy();
    zip.destroy();
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/** Stops reading a sheet: closes its temporary file or its zip entry. */
function closeSheet(sheet: ExcelJS.stream.xlsx.WorksheetReader) {
  const { iterator } = sheet as unknown as { iterator?: { destroy?: () => void; return?: () => unknown } };
  if (iterator?.destroy) iterator.destroy();
  else void iterator?.return?.();
}

/**
 * The rows of the first sheet. ExcelJS deletes a sheet's temporary file (written when the shared strings
 * come after the sheets in the zip) only once asked for the next sheet, so the rest are passed over, unread.
 */
async function* firstSheetRows(bytes: Uint8Array) {
  const input = bytesStream(bytes);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input.stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = workbook[Symbol.asyncIterator]();
  let sheet: ExcelJS.stream.xlsx.WorksheetReader | null = null;
  try {
    const first = await sheets.next();
    if (first.done) throw fileProblem(say('import_no_sheet'));
    sheet = first.value;
    for await (const row of sheet) yield row;
  } finally {
    if (sheet) closeSheet(sheet);
    try {
      for (let next = await sheets.next(); !next.done; next = await sheets.next()) closeSheet(next.value);
    } catch {
      // The workbook was already refused; what is left of it does not matter.
    }
    input.stream.destroy();
  }
}

/**
 * Streams the first sheet of an XLSX: row 1 is the header, blank rows are skipped, and the limits are
 * checked on each row as it arrives, after the unpacked size was checked without keeping anything.
 */
export async function* xlsxRows(
  bytes: Uint8Array,
  source: RowSource,
  onProgress: (progress: ReadProgress) => void,
): AsyncGenerator<ImportRow> {
  await checkUnpackedSize(bytes);
  let rows = 0;
  const sheetRows = firstSheetRows(bytes);
  try {
    for (;;) {
      let next: IteratorResult<ExcelJS.Row>;
      try {
        next = await sheetRows.next();
      } catch (error) {
        throw error instanceof ImportFileError ? error : unreadable();
      }
      if (next.done) break;
      const row = next.value;
      if (row.number > IMPORT_LIMITS.rows + 1) throw limitPassed('rows', row.number);
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      // row.values is sparse: an empty cell is a hole, which findIndex visits as undefined.
      const long = cells.findIndex(
        (cell: string | undefined) => cell !== undefined && cell.length > IMPORT_LIMITS.cellCharacters,
      );
      if (long !== -1) {
        throw limitPassed('cellCharacters', row.number, source.header?.[long] ?? `column ${long + 1}`);
      }
      if (row.number === 1) {
        source.header = cells.map((name) => name.trim());
        if (source.header.length > IMPORT_LIMITS.columns) throw limitPassed('columns', 1);
        continue;
      }
      if (source.header === null || cells.every((cell) => cell.trim() === '')) continue;
      const values: Record<string, string> = {};
      source.header.forEach((name, i) => {
        values[name] = cells[i] ?? '';
      });
      if (++rows % 1000 === 0) onProgress({ rows, bytesRead: bytes.length, bytesTotal: bytes.length });
      yield { row: row.number, values };
    }
  } finally {
    await sheetRows.return(undefined);
  }
  onProgress({ rows, bytesRead: bytes.length, bytesTotal: bytes.length });
}
