import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_COLUMNS, IMPORT_LIMITS } from '@fourp/domain';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportFileError } from './file-error.js';
import { parseImportFile, templateXlsx } from './parse.js';

const openFiles = () => readdirSync('/proc/self/fd').length;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The folder's listing once it has stayed the same for a quiet spell (or after a few seconds): on a loaded machine
 * ExcelJS's temporary-file callbacks can still be running when a refused read returns.
 */
async function settledListing(folder: string): Promise<string[]> {
  let listing = readdirSync(folder);
  for (let waited = 0, quiet = 0; waited < 5000 && quiet < 500; waited += 50) {
    await pause(50);
    const now = readdirSync(folder);
    quiet = now.join() === listing.join() ? quiet + 50 : 0;
    listing = now;
  }
  return listing;
}

describe('reading an XLSX', () => {
  const systemTmp = process.env.TMPDIR;
  let scratch = '';
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'fourp-xlsx-'));
    process.env.TMPDIR = scratch;
  });
  afterEach(async () => {
    await settledListing(scratch);
    if (systemTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = systemTmp;
    rmSync(scratch, { recursive: true, force: true });
  });

  it('leaves no temporary file or open file behind, read to the end or refused part way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('observations');
    sheet.addRow([...IMPORT_COLUMNS]);
    sheet.addRow(['victims_identified']);
    sheet.getRow(IMPORT_LIMITS.rows + 2).getCell(1).value = 'victims_identified';
    workbook.addWorksheet('more').addRow(['x']);
    const refused = new Uint8Array(await workbook.xlsx.writeBuffer());
    const template = new Uint8Array(await templateXlsx());

    const before = openFiles();
    for (let i = 0; i < 3; i++) {
      expect((await parseImportFile(template)).layout).toBe('template');
      const error = await parseImportFile(refused).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).limit).toBe('rows');
    }
    expect(await settledListing(scratch)).toEqual([]);
    expect(openFiles()).toBeLessThanOrEqual(before);
  });
});
