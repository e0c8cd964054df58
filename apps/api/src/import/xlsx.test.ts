import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_COLUMNS, IMPORT_LIMITS } from '@fourp/domain';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportFileError } from './file-error.js';
import { parseImportFile, templateXlsx } from './parse.js';

const openFiles = () => readdirSync('/proc/self/fd').length;

async function xlsxBytes(workbook: ExcelJS.Workbook) {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('reading an XLSX', () => {
  const systemTmp = process.env.TMPDIR;
  // ExcelJS writes the shared strings after the sheets, the order that used to send a sheet through a temporary file.
  beforeEach(() => {
    process.env.TMPDIR = join(tmpdir(), 'fourp-xlsx-no-such-folder');
  });
  afterEach(() => {
    if (systemTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = systemTmp;
  });

  it('reads shared strings, dates and numbers without a temporary file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('observations');
    sheet.addRow([...IMPORT_COLUMNS]);
    const cells = {
      indicator: 'victims_identified',
      year: 2021,
      value: 14,
      note: new Date(Date.UTC(2021, 5, 30)),
    };
    sheet.addRow(IMPORT_COLUMNS.map((column) => cells[column as keyof typeof cells] ?? null));
    sheet.getCell(2, IMPORT_COLUMNS.indexOf('note') + 1).numFmt = 'yyyy-mm-dd';
    workbook.addWorksheet('more').addRow(['ignored']);

    const [row] = (await parseImportFile(await xlsxBytes(workbook))).rows;
    expect(row?.values).toMatchObject({
      indicator: 'victims_identified',
      year: '2021',
      value: '14',
      note: '2021-06-30',
    });
  });

  it('leaves no temporary file or open file behind, read to the end or refused part way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('observations');
    sheet.addRow([...IMPORT_COLUMNS]);
    sheet.addRow(['victims_identified']);
    sheet.getRow(IMPORT_LIMITS.rows + 2).getCell(1).value = 'victims_identified';
    workbook.addWorksheet('more').addRow(['x']);
    const refused = await xlsxBytes(workbook);
    const template = new Uint8Array(await templateXlsx());

    const before = openFiles();
    for (let i = 0; i < 3; i++) {
      expect((await parseImportFile(template)).layout).toBe('template');
      const error = await parseImportFile(refused).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).limit).toBe('rows');
    }
    expect(openFiles()).toBeLessThanOrEqual(before);
  });
});
