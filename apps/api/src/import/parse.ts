import { createHash } from 'node:crypto';
import { IMPORT_COLUMNS, type ImportIssue } from '@fourp/domain';
import ExcelJS from 'exceljs';
import { CsvParseError, parseCsv } from '../csv-parse.js';
import { REFERENCE_COLUMNS } from '../reference/rows.js';

export type ImportFormat = 'csv' | 'xlsx';
export type ImportLayout = 'template' | 'reference';
/** One data row; `row` is the 1-based line (CSV) or row number (XLSX), the header being row 1. */
export type ImportRow = { row: number; values: Record<string, string> };
export type ParsedImport = {
  format: ImportFormat;
  layout: ImportLayout;
  contentHash: string;
  rows: ImportRow[];
};

/** The file cannot be read as an import at all: wrong format, missing columns, broken CSV. */
export class ImportFileError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(issues.map((i) => `row ${i.row}, ${i.column}: ${i.message}`).join('; '));
    this.name = 'ImportFileError';
  }
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** XLSX when the bytes are a zip archive (whatever the name says), CSV otherwise. */
export function detectFormat(bytes: Uint8Array): ImportFormat {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b) ? 'xlsx' : 'csv';
}

function layoutOf(header: string[]): ImportLayout {
  const has = (columns: readonly string[]) => columns.filter((c) => !header.includes(c));
  const missingTemplate = has([
    'indicator',
    'jurisdiction',
    'year',
    'value',
    'source_title',
    'source_publisher',
  ]);
  if (missingTemplate.length === 0 && !header.includes('unit')) return 'template';
  const missingReference = has(REFERENCE_COLUMNS);
  if (missingReference.length === 0) return 'reference';
  throw new ImportFileError([
    {
      row: 1,
      column: missingTemplate.join(', '),
      message: `missing columns; use the template (${IMPORT_COLUMNS.join(', ')}) or the reference layout (${REFERENCE_COLUMNS.join(', ')})`,
    },
  ]);
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

async function readXlsx(bytes: Uint8Array): Promise<{ header: string[]; rows: ImportRow[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportFileError([
      { row: 1, column: '(file)', message: 'the file is not a readable XLSX workbook' },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError([{ row: 1, column: '(file)', message: 'the workbook has no sheet' }]);
  let header: string[] = [];
  const rows: ImportRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    if (rowNumber === 1) {
      header = cells.map((h) => h.trim());
      return;
    }
    if (cells.every((cell) => cell.trim() === '')) return;
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = cells[i] ?? '';
    });
    rows.push({ row: rowNumber, values });
  });
  return { header, rows };
}

function readCsv(bytes: Uint8Array): { header: string[]; rows: ImportRow[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError([
      { row: 1, column: '(file)', message: 'the CSV is not UTF-8 text; save it as "CSV UTF-8"' },
    ]);
  }
  try {
    const { header, rows } = parseCsv(text);
    return { header, rows: rows.map(({ line, values }) => ({ row: line, values })) };
  } catch (error) {
    if (error instanceof CsvParseError) {
      throw new ImportFileError([
        { row: error.line, column: '(row)', message: error.message.replace(/^line \d+: /, '') },
      ]);
    }
    throw error;
  }
}

/** Reads a CSV or XLSX import into rows keyed by column name, in the template or the reference layout. */
export async function parseImportFile(bytes: Uint8Array): Promise<ParsedImport> {
  if (bytes.length === 0)
    throw new ImportFileError([{ row: 1, column: '(file)', message: 'the file is empty' }]);
  const format = detectFormat(bytes);
  const { header, rows } = format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  if (header.length === 0)
    throw new ImportFileError([{ row: 1, column: '(file)', message: 'the file has no header row' }]);
  return {
    format,
    layout: layoutOf(header),
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    rows,
  };
}

/** The template as CSV: just the header row. */
export const templateCsv = () => `${IMPORT_COLUMNS.join(',')}\r\n`;

const COLUMN_HELP: Record<(typeof IMPORT_COLUMNS)[number], string> = {
  indicator: 'Indicator id from the catalogue, e.g. victims_identified',
  jurisdiction: 'Jurisdiction id, e.g. PK-PB-GUJRAT or PK-PB-GUJRAT-KHARIAN',
  year: 'First year the figure covers, e.g. 2023',
  year_end: 'Last year for a multi-year total; leave empty for an annual figure',
  disaggregation: 'Breakdown, e.g. sex=female;age_group=child; empty for the total',
  value: 'The number, without thousands separators (1234.5); yes/no as 1/0',
  status:
    'A normal (default), E estimated, P provisional, B break in series, U low reliability, D definition differs',
  definition: 'standard (default) or a definition variant id of the indicator',
  source_title: 'Title of the document the figure comes from',
  source_publisher: 'Who published it',
  source_year: 'Year of publication (optional)',
  source_locator: 'URL, page or table (optional)',
  source_kind: 'primary (the publisher itself) or secondary (default)',
  note: 'Anything a reviewer should know; explains an unusual value',
};

/** The template as an XLSX workbook: a header row to fill in and a sheet that explains each column. */
export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('observations');
  sheet.addRow([...IMPORT_COLUMNS]).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  const help = workbook.addWorksheet('columns');
  help.addRow(['column', 'what to write']).font = { bold: true };
  for (const column of IMPORT_COLUMNS) help.addRow([column, COLUMN_HELP[column]]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
