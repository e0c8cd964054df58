import { createHash } from 'node:crypto';
import { csvLine, IMPORT_COLUMNS, IMPORT_LIMITS } from '@fourp/domain';
import ExcelJS from 'exceljs';
import { REFERENCE_COLUMNS } from '../reference/rows.js';
import { csvRows } from './csv.js';
import { say } from '../i18n/messages.js';
import { fileProblem, limitPassed } from './file-error.js';
import type { ImportFormat, ImportLayout, ImportRow, RowSource } from './rows.js';
import type { ReadProgress } from './stream.js';
import { xlsxRows } from './xlsx.js';

/** A file whose header has been read; `rows` streams the rest, checking the limits as it goes. */
export type OpenedImport = {
  format: ImportFormat;
  layout: ImportLayout;
  contentHash: string;
  rows: AsyncIterable<ImportRow>;
};
export type ParsedImport = Omit<OpenedImport, 'rows'> & { rows: ImportRow[] };

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
  const layouts = { template: IMPORT_COLUMNS.join(', '), reference: REFERENCE_COLUMNS.join(', ') };
  throw fileProblem(say('import_missing_columns', layouts), 1, missingTemplate.join(', '));
}

/**
 * Starts reading a CSV or XLSX import: reads up to the header, which decides the layout (template or
 * reference), and hands back the rest as a stream of rows keyed by column name. Throws ImportFileError.
 */
export async function openImport(
  bytes: Uint8Array,
  onProgress: (progress: ReadProgress) => void = () => {},
): Promise<OpenedImport> {
  if (bytes.length === 0) throw fileProblem(say('import_file_empty'));
  if (bytes.length > IMPORT_LIMITS.bytes) throw limitPassed('bytes', 1);
  const format = detectFormat(bytes);
  const source: RowSource = { header: null };
  const reading = (format === 'xlsx' ? xlsxRows : csvRows)(bytes, source, onProgress);
  const first = await reading.next();
  let layout: ImportLayout;
  try {
    if (source.header === null || source.header.length === 0) throw fileProblem(say('import_no_header'));
    layout = layoutOf(source.header);
  } catch (error) {
    await reading.return(undefined);
    throw error;
  }
  async function* rows() {
    if (!first.done) yield first.value;
    yield* reading;
  }
  return { format, layout, contentHash: createHash('sha256').update(bytes).digest('hex'), rows: rows() };
}

/** Reads a whole import into memory: for tests and small files. */
export async function parseImportFile(bytes: Uint8Array): Promise<ParsedImport> {
  const { rows, ...opened } = await openImport(bytes);
  const all: ImportRow[] = [];
  for await (const row of rows) all.push(row);
  return { ...opened, rows: all };
}

/** The template as CSV: just the header row. */
export const templateCsv = () => csvLine(IMPORT_COLUMNS, 'data');

const COLUMN_HELP: Record<(typeof IMPORT_COLUMNS)[number], string> = {
  indicator: 'Indicator id from the catalogue, e.g. victims_identified',
  jurisdiction: 'Jurisdiction id, e.g. PK-PB-GUJRAT or PK-PB-GUJRAT-KHARIAN',
  year: 'First year the figure covers, e.g. 2023',
  year_end: 'Last year for a multi-year total; leave empty for an annual figure',
  period:
    'Months covered when not whole years: 2015-01/2015-06, or 2022/P17M when only the length is known; empty for whole years',
  disaggregation:
    'Breakdown, e.g. sex=female;age_group=child; empty for the total. Sex, age_group, exploitation_form and nationality take codes from GET /v1/code-lists',
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
