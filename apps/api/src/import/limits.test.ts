import { IMPORT_COLUMNS, IMPORT_LIMITS, ImportReportResponseSchema } from '@fourp/domain';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readProblem } from '../test-support/api.js';
import { tableCounts, useWorkflowTestApp } from '../test-support/workflow.js';

const t = useWorkflowTestApp();

const post = (body: string | Uint8Array, query = '?dryRun=true') =>
  t.app.request(`/v1/imports${query}`, {
    method: 'POST',
    headers: { ...t.official.bearer, 'Content-Type': 'application/octet-stream' },
    body,
  });

const HEADER = IMPORT_COLUMNS.join(',');
const row = (year: number, note = '') =>
  `victims_identified,PK-PB-GUJRAT,${year},,,,5,A,,Police report ${year},Punjab Police,2024,,primary,${note}`;

async function xlsx(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('observations');
  sheet.addRow([...IMPORT_COLUMNS]);
  fill(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A valid workbook whose shared strings unpack to just past the limit and pack to a few hundred KiB. */
async function zipBomb(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await xlsx((sheet) => sheet.addRow(['victims_identified'])));
  const huge = Buffer.alloc(IMPORT_LIMITS.unpackedBytes + 1, 'A');
  const sst = Buffer.concat([Buffer.from('<sst><si><t>'), huge, Buffer.from('</t></si></sst>')]);
  zip.file('xl/sharedStrings.xml', sst);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('import limits', () => {
  it('refuses 20 MB of newlines at the row limit, without reading the rest of the file', async () => {
    const newlines = new Uint8Array(20_000_000).fill(0x0a);
    const problem = await readProblem(await post(newlines), 413);
    expect(problem.code).toBe('payload_too_large');
    expect(problem.errors).toEqual([
      {
        path: `row ${IMPORT_LIMITS.rows + 2}, (file)`,
        row: IMPORT_LIMITS.rows + 2,
        column: '(file)',
        message: 'the file has more than the limit of 100,000 rows after the header (rows)',
      },
    ]);
  });

  it('refuses a CSV with one row too many as it reaches it, before a broken row further on', async () => {
    const lines = [HEADER];
    const unchecked = row(2000).replace(',2000,', ',soon,');
    for (let i = 0; i <= IMPORT_LIMITS.rows; i++) lines.push(unchecked);
    lines.push('"never closed,');
    const before = await tableCounts(t.db);
    const problem = await readProblem(await post(lines.join('\n'), ''), 413);
    expect(problem.detail).toMatch(/import limit/);
    expect(problem.errors?.map((e) => [e.row, e.column])).toEqual([[IMPORT_LIMITS.rows + 2, '(file)']]);
    expect(await tableCounts(t.db)).toEqual(before);
  }, 60_000);

  it('refuses an XLSX with a row past the limit', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.getRow(IMPORT_LIMITS.rows + 2).getCell(1).value = 'victims_identified';
    });
    const problem = await readProblem(await post(bytes), 413);
    expect(problem.errors?.[0]).toMatchObject({ row: IMPORT_LIMITS.rows + 2, message: /\(rows\)$/ });
  });

  it('refuses an oversized cell, naming its row and column, in a CSV and an XLSX', async () => {
    const long = 'x'.repeat(IMPORT_LIMITS.cellCharacters + 1);
    const csv = await readProblem(await post([HEADER, row(2000), row(2001, long)].join('\r\n')), 400);
    expect(csv.errors).toEqual([
      {
        path: 'row 3, note',
        row: 3,
        column: 'note',
        message: 'the cell is longer than the limit of 5,000 characters (cellCharacters)',
      },
    ]);
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['victims_identified', long]);
    });
    const workbook = await readProblem(await post(bytes), 400);
    expect(workbook.errors?.map((e) => [e.row, e.column])).toEqual([[2, 'jurisdiction']]);
  });

  it('refuses a record that runs on past every cell limit (an unclosed quote), at the line it starts', async () => {
    const runaway = `${HEADER}\n${row(2000)}\n"${'x,'.repeat(IMPORT_LIMITS.cellCharacters * IMPORT_LIMITS.columns)}`;
    const problem = await readProblem(await post(runaway), 400);
    expect(problem.errors?.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, '(row)', expect.stringMatching(/\(cellCharacters\)$/)],
    ]);
  });

  it('refuses a header with too many columns', async () => {
    const header = [...IMPORT_COLUMNS, ...Array.from({ length: IMPORT_LIMITS.columns }, (_, i) => `x${i}`)];
    const problem = await readProblem(await post(`${header.join(',')}\n`), 400);
    expect(problem.errors?.map((e) => [e.row, e.message])).toEqual([
      [1, 'the header has more than the limit of 50 columns (columns)'],
    ]);
  });

  it('refuses a zip bomb by its unpacked size, as soon as the limit is passed', async () => {
    const bomb = await zipBomb();
    expect(bomb.length).toBeLessThan(IMPORT_LIMITS.unpackedBytes / 100);
    const started = performance.now();
    const problem = await readProblem(await post(bomb), 413);
    expect(problem.errors?.map((e) => e.message)).toEqual([
      'the workbook unpacks to more than the limit of 104,857,600 bytes (unpackedBytes)',
    ]);
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 60_000);

  it('lists the first 1,000 problems of a dry run and counts the rest, so bad rows cost bounded memory', async () => {
    const bad = row(2000).replace(',2000,', ',soon,');
    const res = await post([HEADER, ...Array.from({ length: 1200 }, () => bad)].join('\n'));
    const report = ImportReportResponseSchema.parse(await res.json()).data;
    expect(report.rows).toBe(1200);
    expect(report.errors).toHaveLength(1001);
    expect(report.errors.at(-1)).toEqual({
      row: 1201,
      column: '(file)',
      message: 'and 200 more problem(s) not listed',
    });
  });

  it('documents every limit on the import operation', async () => {
    const document = (await (await t.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { description?: string }>>;
    };
    const description = document.paths['/v1/imports']?.post?.description ?? '';
    for (const value of Object.values(IMPORT_LIMITS)) expect(description).toContain(String(value));
  });

  it('refuses a file over the size limit', async () => {
    const problem = await readProblem(await post(new Uint8Array(IMPORT_LIMITS.bytes + 1).fill(0x41)), 413);
    expect(problem.code).toBe('payload_too_large');
  });
});
