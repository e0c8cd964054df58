import { IMPORT_LIMITS } from '@fourp/domain';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import unzipper from 'unzipper';
import { say } from '../i18n/messages.js';
import { fileProblem, ImportFileError, limitPassed } from './file-error.js';
import type { ImportRow, RowSource } from './rows.js';
import { bytesStream, type ReadProgress } from './stream.js';

const unreadable = () => fileProblem(say('import_not_xlsx'));

/** ExcelJS 4.4.0's own parsers of the workbook-level parts (not in its typings). */
type WorkbookParts = {
  sharedStrings?: unknown[];
  workbookRels?: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
};

async function drain(items: AsyncIterable<unknown>): Promise<void> {
  for await (const item of items) void item;
}

const PART_PARSERS: Record<string, (parts: WorkbookParts, entry: Readable) => Promise<unknown>> = {
  'xl/_rels/workbook.xml.rels': (parts, entry) => parts._parseRels(entry),
  'xl/workbook.xml': (parts, entry) => parts._parseWorkbook(entry),
  'xl/styles.xml': (parts, entry) => parts._parseStyles(entry),
  'xl/sharedStrings.xml': (parts, entry) => drain(parts._parseSharedStrings(entry)),
};

/**
 * Unpacks every entry, stopping at the first byte past the limit, and parses the workbook-level parts into
 * the reader: knowing them, ExcelJS streams a sheet from the zip instead of through a temporary file, whose
 * asynchronous open and deletion would outlive a read refused part way.
 */
async function readWorkbookParts(
  bytes: Uint8Array,
  reader: ExcelJS.stream.xlsx.WorkbookReader,
): Promise<void> {
  const parts = reader as unknown as WorkbookParts;
  const input = bytesStream(bytes);
  const zip = input.stream.pipe(unzipper.Parse({ forceStream: true }));
  let unpacked = 0;
  async function* counted(entry: unzipper.Entry) {
    for await (const chunk of entry as AsyncIterable<Buffer>) {
      unpacked += chunk.length;
      if (unpacked > IMPORT_LIMITS.unpackedBytes) throw limitPassed('unpackedBytes', 1);
      yield chunk;
    }
  }
  try {
    for await (const entry of zip as AsyncIterable<unzipper.Entry>) {
      const parse = PART_PARSERS[entry.path];
      const chunks = counted(entry);
      if (parse) await parse(parts, Readable.from(chunks));
      await drain(chunks);
    }
  } catch (error) {
    throw error instanceof ImportFileError ? error : unreadable();
  } finally {
    input.stream.destroy();
    zip.destroy();
  }
  // The sheet pass then passes over these parts instead of parsing them a second time.
  parts.sharedStrings ??= [];
  parts.workbookRels ??= [];
  for (const name of ['_parseRels', '_parseWorkbook', '_parseStyles'] as const) parts[name] = async () => {};
  parts._parseSharedStrings = async function* () {};
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

/** The rows of the first sheet; the other sheets are passed over, unread. */
async function* firstSheetRows(bytes: Uint8Array) {
  const input = bytesStream(bytes);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input.stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  await readWorkbookParts(bytes, workbook);
  const sheets = workbook[Symbol.asyncIterator]();
  try {
    const first = await sheets.next();
    if (first.done) throw fileProblem(say('import_no_sheet'));
    yield* first.value;
  } finally {
    await sheets.return(undefined);
    input.stream.destroy();
  }
}

/**
 * Streams the first sheet of an XLSX: row 1 is the header, blank rows are skipped, and the limits are
 * checked on each row as it arrives, after the unpacked size was checked.
 */
export async function* xlsxRows(
  bytes: Uint8Array,
  source: RowSource,
  onProgress: (progress: ReadProgress) => void,
): AsyncGenerator<ImportRow> {
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
