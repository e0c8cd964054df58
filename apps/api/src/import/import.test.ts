import { IMPORT_COLUMNS, ImportReportResponseSchema } from '@fourp/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readProblem } from '../test-support/api.js';
import { tableCounts, useWorkflowTestApp } from '../test-support/workflow.js';
import { parseImportFile, templateXlsx } from './parse.js';

const TEHSILS = ['PK-PB-GUJRAT', 'PK-PB-GUJRAT-GUJRAT', 'PK-PB-GUJRAT-KHARIAN', 'PK-PB-GUJRAT-SARAI-ALAMGIR'];
const SEXES = ['', 'sex=female', 'sex=male'];

const BREAKDOWN = IMPORT_COLUMNS.indexOf('disaggregation');
const VALUE = IMPORT_COLUMNS.indexOf('value');

/** `count` distinct, valid template rows for Gujrat and its tehsils. */
function templateRows(count: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; rows.length < count; i++) {
    const jurisdiction = TEHSILS[i % 4]!;
    const sex = SEXES[Math.floor(i / 4) % 3]!;
    const year = 1995 + (Math.floor(i / 12) % 30);
    const source = Math.floor(i / 360);
    rows.push([
      'victims_identified',
      jurisdiction,
      String(year),
      '',
      '',
      sex,
      String(100 + (year % 3)),
      'A',
      '',
      `Police report ${source}`,
      'Punjab Police',
      '2024',
      '',
      'primary',
      '',
    ]);
  }
  return rows;
}

const toCsv = (rows: string[][]) =>
  [IMPORT_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';

async function toXlsx(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('observations');
  sheet.addRow([...IMPORT_COLUMNS]);
  for (const row of rows)
    sheet.addRow(
      row.map((cell, i) =>
        ['year', 'value', 'source_year'].includes(IMPORT_COLUMNS[i]!) && cell !== '' ? Number(cell) : cell,
      ),
    );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const t = useWorkflowTestApp();

const post = (body: string | Uint8Array, query = '', contentType = 'text/csv') =>
  t.app.request(`/v1/imports${query}`, {
    method: 'POST',
    headers: { ...t.official.bearer, 'Content-Type': contentType },
    body,
  });

describe('bulk import', () => {
  it('rejects a 1,000-row file with one bad row, naming the row, and writes nothing', async () => {
    const rows = templateRows(1000);
    rows[536]![VALUE] = '1.234.5';
    const before = await tableCounts(t.db);
    const problem = await readProblem(await post(toCsv(rows)), 400);
    expect(problem.errors).toEqual([
      {
        path: 'row 538, value',
        row: 538,
        column: 'value',
        message: expect.stringContaining('"1.234.5" is not a plain number'),
      },
    ]);
    expect(problem.detail).toMatch(/nothing was written/);
    expect(problem.detail).toMatch(/the header being row 1/);
    expect(await tableCounts(t.db)).toEqual(before);

    const preview = ImportReportResponseSchema.parse(
      await (await post(toCsv(rows), '?dryRun=true')).json(),
    ).data;
    expect(preview).toMatchObject({
      dryRun: true,
      rows: 1000,
      inserted: 999,
      errors: [{ row: 538, column: 'value' }],
    });
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('imports a good file in one go, and the same file again changes nothing', async () => {
    const csv = toCsv(templateRows(1000));
    const first = await post(csv);
    expect(first.status).toBe(201);
    expect(ImportReportResponseSchema.parse(await first.json()).data).toMatchObject({
      inserted: 1000,
      unchanged: 0,
      errors: [],
    });
    const after = await tableCounts(t.db);
    const second = ImportReportResponseSchema.parse(await (await post(csv)).json()).data;
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 1000 });
    expect(second.batchId).toBeNull();
    expect(await tableCounts(t.db)).toEqual(after);
    const drafts = (await (
      await t.app.request('/v1/reviews?state=draft', { headers: t.official.bearer })
    ).json()) as { meta: { count: number } };
    expect(drafts.meta.count).toBe(1000);
  });

  it('reads XLSX and CSV to the same rows and the same report', async () => {
    const rows = templateRows(50);
    rows[7]![1] = 'IT';
    rows[9]![0] = 'not_an_indicator';
    const fromCsv = await parseImportFile(new TextEncoder().encode(toCsv(rows)));
    const fromXlsx = await parseImportFile(await toXlsx(rows));
    expect(fromXlsx.format).toBe('xlsx');
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
    const csvReport = ImportReportResponseSchema.parse(
      await (await post(toCsv(rows), '?dryRun=true')).json(),
    ).data;
    const xlsxReport = ImportReportResponseSchema.parse(
      await (
        await post(
          await toXlsx(rows),
          '?dryRun=true',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
      ).json(),
    ).data;
    expect({ ...xlsxReport, format: 'csv', contentHash: '' }).toEqual({ ...csvReport, contentHash: '' });
    expect(csvReport.errors.map((e) => [e.row, e.column])).toEqual([
      [9, 'jurisdiction'],
      [11, 'indicator'],
    ]);
  });

  it('accepts a multipart upload and the reference CSV layout, and warns about outliers', async () => {
    const reference = [
      'jurisdiction,indicator,pillar,year,value,unit,source_title,source_publisher,source_year,source_locator,note',
      'PK-PB-GUJRAT,population,context,2021,3000000,persons,District census tables,Pakistan Bureau of Statistics,2023,,',
      'PK-PB-GUJRAT,population,context,2022,9100000,persons,District census tables,Pakistan Bureau of Statistics,2023,,',
    ].join('\n');
    const form = new FormData();
    form.append('file', new File([reference], 'reference.csv', { type: 'text/csv' }));
    const res = await t.app.request('/v1/imports?state=submitted', {
      method: 'POST',
      headers: t.official.bearer,
      body: form,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const report = ImportReportResponseSchema.parse(await res.json()).data;
    expect(report).toMatchObject({ layout: 'reference', inserted: 2, errors: [] });
    expect(report.warnings).toEqual([
      { row: 3, column: 'value', message: expect.stringMatching(/3\.0 times/) },
    ]);
    const queue = (await (
      await t.app.request('/v1/reviews?state=submitted', { headers: t.reviewer.bearer })
    ).json()) as { meta: { count: number } };
    expect(queue.meta.count).toBe(2);
  });

  it('serves the template in both formats with the same columns', async () => {
    const csv = await t.app.request('/v1/imports/template.csv');
    expect((await csv.text()).trim()).toBe(IMPORT_COLUMNS.join(','));
    const xlsx = await t.app.request('/v1/imports/template.xlsx');
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const parsed = await parseImportFile(new Uint8Array(await xlsx.arrayBuffer()));
    expect(parsed).toMatchObject({ format: 'xlsx', layout: 'template', rows: [] });
    expect((await templateXlsx()).length).toBeGreaterThan(1000);
  });

  it('refuses a file with neither layout, naming the missing columns', async () => {
    const problem = await readProblem(await post('a,b\n1,2\n'), 400);
    expect(problem.errors?.[0]?.path).toMatch(/^row 1, indicator, jurisdiction/);
    expect(problem.errors?.[0]).toMatchObject({ row: 1, column: expect.stringMatching(/^indicator, /) });
  });

  it('reads a breakdown written in any order as one cell, and names a malformed breakdown', async () => {
    const rows = templateRows(4);
    rows[0]![BREAKDOWN] = 'sex=female; age_group=child';
    rows[1] = [...rows[0]!];
    rows[1][BREAKDOWN] = 'age_group=child;sex=female';
    rows[2]![BREAKDOWN] = 'sex=female;sex=male';
    rows[3]![BREAKDOWN] = 'sex female';
    const problem = await readProblem(await post(toCsv(rows)), 400);
    expect(problem.errors?.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, 'indicator', 'repeats the figure of row 2 (same cell and source)'],
      [4, 'disaggregation', 'sex is given twice'],
      [5, 'disaggregation', '"sex female" is not dimension=category'],
    ]);
  });

  it('names a category outside its code list on its row, with the allowed codes', async () => {
    const rows = templateRows(3);
    rows[1]![BREAKDOWN] = 'sex=women';
    rows[2]![BREAKDOWN] = 'nationality=pakistani; tehsil=kharian';
    const problem = await readProblem(await post(toCsv(rows)), 400);
    expect(problem.errors?.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, 'disaggregation', 'sex "women" is not in the sex code list; allowed: female, male, unknown'],
      [
        4,
        'disaggregation',
        'nationality "pakistani" is not in the citizenship code list; allowed: an ISO 3166-1 alpha-2 code in lower case (pk, it, es, …) or unknown',
      ],
    ]);
  });

  it('numbers rows as a spreadsheet does, in an XLSX and in a CSV with a blank line', async () => {
    const rows = templateRows(3);
    rows[2]![VALUE] = 'many';
    const xlsx = await readProblem(
      await post(await toXlsx(rows), '', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      400,
    );
    expect(xlsx.errors?.map((e) => [e.row, e.column])).toEqual([[4, 'value']]);
    const [header, ...lines] = toCsv(rows).split('\r\n');
    const csv = await readProblem(await post([header, lines[0], '', lines[1], lines[2]].join('\r\n')), 400);
    expect(csv.errors?.map((e) => [e.row, e.column])).toEqual([[5, 'value']]);
  });
});
