import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  EXPORT_FORMAT_IDS,
  JsonStatDatasetSchema,
  ObservationListResponseSchema,
  type ExportFormatId,
} from '@fourp/domain';
import { Ajv, type ValidateFunction } from 'ajv';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../csv-rows.js';
import { upsertTarget } from '../repos/workflow/targets.js';
import { EXPORT_FORMATS, readExportData, writeExport, type ExportData } from '../services/exports/index.js';
import { getParsed, insertObservations, insertSource, readProblem } from '../test-support/api.js';
import { createWorkflowTestApp, useWorkflowTestApp } from '../test-support/workflow.js';

const FIXTURES = join(import.meta.dirname, '../../test-fixtures');
const GUJRAT = 'PK-PB-GUJRAT';
const HIDDEN = 3;

const t = useWorkflowTestApp();
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fourp-exports-'));
  await insertObservations(t.db, [
    { indicator: 'victims_identified', jurisdiction: GUJRAT, year: 2022, value: HIDDEN },
    { indicator: 'victims_identified', jurisdiction: GUJRAT, year: 2023, value: 41 },
    {
      indicator: 'victims_identified',
      jurisdiction: GUJRAT,
      year: 2023,
      value: 20,
      disaggregation: { sex: 'female' },
    },
    {
      indicator: 'persons_arrested',
      jurisdiction: GUJRAT,
      year: 2023,
      value: 2,
      definition: 'thb_and_smuggling',
    },
    { indicator: 'victims_identified', jurisdiction: 'IT', year: 2022, value: 2_062 },
    { indicator: 'victims_identified', jurisdiction: 'ES', year: 2022, value: 999, workflowState: 'draft' },
  ]);
  const sourceId = await insertSource(t.db);
  await upsertTarget(
    t.db,
    {
      indicator: 'victims_identified',
      jurisdiction: GUJRAT,
      baseline: { year: 2021, value: 12, sourceId },
      target: { year: 2025, value: 60, sourceId },
      note: null,
      setBy: t.reviewer.id,
    },
    new Date('2026-01-01T00:00:00Z'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function download(format: ExportFormatId, query = '') {
  const res = await t.app.request(`/v1/exports/${format}${query}`);
  if (res.status !== 200) throw new Error(`${format}: ${res.status} ${await res.text()}`);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The bytes writeExport writes for `data`. */
async function written(format: ExportFormatId, data: ExportData): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeExport(format, data, sink);
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Rows of a CSV text keyed by header. */
const rowsOf = (csv: string) => parseCsv(csv).rows.map((r) => r.values);

const hiddenRow = (rows: Record<string, string>[], yearColumn: string, areaColumn: string) =>
  rows.find((r) => r[areaColumn] === GUJRAT && r[yearColumn] === '2022');

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

let dataPackageValidator: ValidateFunction | undefined;
/** The Data Package 2.0 profile, compiled once. */
function dataPackageProfile(): ValidateFunction {
  const profile: unknown = JSON.parse(
    readFileSync(join(FIXTURES, 'datapackage-2.0/datapackage.json'), 'utf8'),
  );
  return (dataPackageValidator ??= new Ajv({
    strict: false,
    validateFormats: false,
    allErrors: true,
  }).compile(profile as object));
}

/** xmllint's verdict on `bytes` against the IATI 2.03 activity schema. */
function iatiCheck(bytes: Uint8Array, name: string) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const schema = join(FIXTURES, 'iati-2.03/iati-activities-schema.xsd');
  return spawnSync('xmllint', ['--noout', '--schema', schema, path], { encoding: 'utf8' });
}

describe('GET /v1/exports/csv (tidy)', () => {
  it('has one row per published figure, source and flags as columns, the small count withheld', async () => {
    const { res, bytes } = await download('csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="fourp-figures.csv"');
    expect(res.headers.get('link')).toContain('creativecommons.org/licenses/by/4.0');
    const csv = bytes.toString('utf8');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const rows = rowsOf(csv);
    expect(rows).toHaveLength(5);
    expect(hiddenRow(rows, 'year', 'jurisdiction')).toMatchObject({
      value: '',
      suppressed: 'true',
      conf_status: 'C',
    });
    expect(rows.find((r) => r.jurisdiction === 'IT')).toMatchObject({
      indicator: 'victims_identified',
      value: '2062',
      unit_measure: 'persons',
      status: 'A',
      source_title: 'Test source',
      source_publisher: 'Test publisher',
      suppressed: 'false',
    });
    expect(rows.find((r) => r.sex === 'female')).toMatchObject({ disaggregation: 'sex=female', value: '20' });
  });

  it('filters by lists, years and breakdowns, and starts with a BOM when asked', async () => {
    const { bytes } = await download(
      'csv',
      `?indicator=victims_identified&jurisdiction=${GUJRAT},IT&from=2023&breakdown=total&bom=true`,
    );
    const csv = bytes.toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(rowsOf(csv.slice(1)).map((r) => [r.jurisdiction, r.year, r.value])).toEqual([
      [GUJRAT, '2023', '41'],
    ]);
  });

  it('refuses an unknown format or indicator', async () => {
    await readProblem(await t.app.request('/v1/exports/pdf'), 400);
    await readProblem(await t.app.request('/v1/exports/csv?indicator=no_such_thing'), 404);
  });
});

describe('GET /v1/exports/sdmx-csv', () => {
  it('writes SDMX-CSV 2.0 columns, SDMX codes, and the small count as OBS_VALUE empty with CONF_STATUS C', async () => {
    const { bytes } = await download('sdmx-csv');
    const { header, rows } = parseCsv(bytes.toString('utf8'));
    expect(header.slice(0, 7)).toEqual([
      'STRUCTURE',
      'STRUCTURE_ID',
      'ACTION',
      'INDICATOR',
      'REF_AREA',
      'TIME_PERIOD',
      'DEFINITION',
    ]);
    expect(header).toEqual(
      expect.arrayContaining(['SEX', 'AGE', 'OBS_VALUE', 'UNIT_MEASURE', 'OBS_STATUS', 'CONF_STATUS']),
    );
    const values = rows.map((r) => r.values);
    expect(hiddenRow(values, 'TIME_PERIOD', 'REF_AREA')).toMatchObject({ OBS_VALUE: '', CONF_STATUS: 'C' });
    expect(values.find((r) => r.SEX === 'F')).toMatchObject({
      STRUCTURE: 'dataflow',
      ACTION: 'I',
      INDICATOR: 'VICTIMS_IDENTIFIED',
      OBS_VALUE: '20',
      AGE: '_T',
    });
  });

  it('serves the code lists it uses', async () => {
    const res = await t.app.request('/v1/exports/sdmx-csv/code-lists');
    const rows = rowsOf(await res.text());
    expect(rows).toContainEqual({ CODELIST: 'CL_SEX', CODE: 'F', NAME: 'Female' });
    expect(rows).toContainEqual(expect.objectContaining({ CODELIST: 'CL_REF_AREA', CODE: GUJRAT }));
    expect(rows).toContainEqual(expect.objectContaining({ CODELIST: 'CL_CONF_STATUS', CODE: 'C' }));
  });
});

describe('GET /v1/exports/datapackage', () => {
  it('zips a datapackage.json valid against the Data Package 2.0 profile and the tidy CSV', async () => {
    const { bytes } = await download('datapackage');
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).sort()).toEqual(['datapackage.json', 'fourp-figures.csv']);
    const descriptor: unknown = JSON.parse(await zip.file('datapackage.json')!.async('string'));
    const validate = dataPackageProfile();
    expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ resources: [{ name: 'x' }] })).toBe(false);
    expect(descriptor).toMatchObject({
      licenses: [{ name: 'CC-BY-4.0' }],
      sources: [{ title: expect.any(String) }],
    });
    const csv = await zip.file('fourp-figures.csv')!.async('string');
    expect(csv).toBe((await download('csv')).bytes.toString('utf8'));
    expect(hiddenRow(rowsOf(csv), 'year', 'jurisdiction')).toMatchObject({ value: '', suppressed: 'true' });
  });
});

describe('GET /v1/exports/xlsx', () => {
  it('re-reads in ExcelJS with data, definitions, sources and read-me sheets, the small count empty', async () => {
    const { bytes } = await download('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Data', 'Indicators', 'Sources', 'Read me']);
    const data = workbook.getWorksheet('Data')!;
    const header = (data.getRow(1).values as unknown[]).slice(1);
    const rows = data
      .getSheetValues()
      .slice(2)
      .map((row) => {
        const cells = (row as unknown[]).slice(1);
        return Object.fromEntries(header.map((name, i) => [String(name), cells[i] ?? null]));
      });
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.jurisdiction === GUJRAT && r.year === 2022)).toMatchObject({
      value: null,
      suppressed: true,
      conf_status: 'C',
    });
    expect(rows.find((r) => r.jurisdiction === 'IT')).toMatchObject({ value: 2062 });
    const readMe = JSON.stringify(workbook.getWorksheet('Read me')!.getSheetValues());
    expect(readMe).toMatch(/Comparability grade A/);
    expect(readMe).toMatch(/Suppression/);
    expect(readMe).toMatch(/Citation/);
    expect(workbook.getWorksheet('Indicators')!.rowCount).toBeGreaterThan(10);
  });
});

describe('GET /v1/exports/json-stat', () => {
  it('is a JSON-stat 2.0 dataset whose withheld value is null with status C', async () => {
    const { bytes } = await download('json-stat');
    const dataset = JsonStatDatasetSchema.parse(JSON.parse(bytes.toString('utf8')));
    expect(dataset).toMatchObject({ version: '2.0', class: 'dataset' });
    expect(dataset.size).toEqual(dataset.id.map((id) => dataset.dimension[id]!.category.index.length));
    const at = (cell: Record<string, string>) =>
      String(
        dataset.id.reduce(
          (n, id, i) =>
            n * dataset.size[i]! + dataset.dimension[id]!.category.index.indexOf(cell[id] ?? '_T'),
          0,
        ),
      );
    const hidden = at({
      indicator: 'victims_identified',
      jurisdiction: GUJRAT,
      time: '2022',
      definition: 'standard',
    });
    expect(dataset.value[hidden]).toBeNull();
    expect(dataset.status[hidden]).toBe('C');
    const female = at({
      indicator: 'victims_identified',
      jurisdiction: GUJRAT,
      time: '2023',
      definition: 'standard',
      sex: 'female',
    });
    expect(dataset.value[female]).toBe(20);
    expect(Object.keys(dataset.value)).toHaveLength(5);
  });
});

describe('GET /v1/exports/iati', () => {
  it.skipIf(!hasXmllint && !process.env.CI)(
    'is valid against the IATI 2.03 activity schema, with baseline, target and actuals, the small count without a value',
    async () => {
      const { bytes } = await download('iati');
      const check = iatiCheck(bytes, 'iati.xml');
      expect(check.stderr).toContain('validates');
      expect(check.status).toBe(0);
      const xml = bytes.toString('utf8');
      expect(xml).toContain('<baseline year="2021" iso-date="2021-12-31" value="12"');
      expect(xml).toMatch(
        /<period-start iso-date="2022-01-01"\/>\s*<period-end iso-date="2022-12-31"\/>\s*<actual>/,
      );
      expect(xml).toMatch(/<period-start iso-date="2023-01-01"\/>[\s\S]*?<actual value="41">/);
      expect(xml).toMatch(/<period-start iso-date="2025-01-01"\/>[\s\S]*?<target value="60"\/>/);
      expect(xml).not.toContain(`value="${HIDDEN}"`);
    },
  );
});

describe('every format', () => {
  it('gives the same bytes for the same figures, by the API and by writeExport', async () => {
    const data = await readExportData({ db: t.db, suppressionK: 5 }, {});
    for (const format of EXPORT_FORMAT_IDS) {
      const first = await download(format);
      const second = await download(format);
      expect(sha256(second.bytes), format).toBe(sha256(first.bytes));
      expect(sha256(await written(format, data)), format).toBe(sha256(first.bytes));
      expect(first.res.headers.get('content-type')).toBe(EXPORT_FORMATS[format].mediaType);
      expect(first.res.headers.get('etag')).toBe(second.res.headers.get('etag'));
    }
  });

  it('dates the entries of zipped formats from the data, never the clock', async () => {
    const stamp = new Date('2020-06-15T12:00:00Z');
    const data = { ...(await readExportData({ db: t.db, suppressionK: 5 }, {})), stamp };
    for (const format of ['datapackage', 'xlsx'] as const) {
      const zip = await JSZip.loadAsync(await written(format, data));
      const gaps = Object.values(zip.files).map((entry) => Math.abs(entry.date.getTime() - stamp.getTime()));
      expect(Math.max(...gaps), format).toBeLessThanOrEqual(2000);
    }
  });

  it.skipIf(!hasXmllint && !process.env.CI)('stays valid for a selection with no figure', async () => {
    const empty = '?jurisdiction=ES';
    const zip = await JSZip.loadAsync((await download('datapackage', empty)).bytes);
    expect(dataPackageProfile()(JSON.parse(await zip.file('datapackage.json')!.async('string')))).toBe(true);
    expect(iatiCheck((await download('iati', empty)).bytes, 'empty.xml').status).toBe(0);
    expect(rowsOf((await download('csv', empty)).bytes.toString('utf8'))).toEqual([]);
  });

  it('never contains a draft', async () => {
    const { bytes } = await download('csv');
    expect(bytes.toString('utf8')).not.toContain('999');
  });
});

const PYTHON = '/usr/bin/python3';
const hasPandas = spawnSync(PYTHON, ['-c', 'import pandas']).status === 0;

describe('read by pandas', () => {
  it.skipIf(!hasPandas && !process.env.CI)(
    'reads the tidy CSV and the Data Package CSV in one line each (skipped locally without python3-pandas)',
    async () => {
      writeFileSync(join(dir, 'figures.csv'), (await download('csv')).bytes);
      writeFileSync(join(dir, 'figures.zip'), (await download('datapackage')).bytes);
      const script = [
        'import sys, zipfile, pandas as pd',
        `a = pd.read_csv("${join(dir, 'figures.csv')}")`,
        `b = pd.read_csv(zipfile.ZipFile("${join(dir, 'figures.zip')}").open("fourp-figures.csv"))`,
        'print(len(a), len(b), int(a.loc[a.jurisdiction == "IT", "value"].iloc[0]), a["value"].isna().sum())',
      ].join('\n');
      expect(execFileSync(PYTHON, ['-c', script], { encoding: 'utf8' }).trim()).toBe('5 5 2062 1');
    },
  );
});

describe('round trip through the import', () => {
  it('re-imports the tidy CSV as the same figures', async () => {
    const query = `?jurisdiction=${GUJRAT}&from=2023`;
    const csv = (await download('csv', query)).bytes;
    const exported = await getParsed(t.app, `/v1/observations${query}`, ObservationListResponseSchema);
    const other = await createWorkflowTestApp();
    try {
      const res = await other.app.request('/v1/imports?state=draft', {
        method: 'POST',
        headers: { ...other.official.bearer, 'Content-Type': 'text/csv' },
        body: csv,
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const imported = await getParsed(
        other.app,
        `/v1/observations?jurisdiction=${GUJRAT}`,
        ObservationListResponseSchema,
        other.official.bearer,
      );
      const figure = (o: (typeof exported.body.data)[number]) => ({
        indicator: o.indicator,
        jurisdiction: o.jurisdiction,
        year: o.year,
        yearEnd: o.yearEnd,
        period: o.period,
        disaggregation: o.disaggregation,
        value: o.value,
        status: o.status,
        definition: o.definition,
        note: o.note,
        source: { ...o.source, id: 0 },
      });
      const sorted = (list: typeof exported.body.data) =>
        list.map(figure).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(exported.body.data).toHaveLength(3);
      expect(sorted(imported.body.data)).toEqual(sorted(exported.body.data));
    } finally {
      other.close();
    }
  });
});

describe('exports in Urdu', () => {
  const URDU = /[\u0600-\u06FF]/;

  it('keeps the machine-read formats byte for byte', async () => {
    for (const format of ['csv', 'sdmx-csv', 'json-stat'] as const) {
      const en = await download(format);
      const ur = await download(format, '?lang=ur');
      expect(sha256(ur.bytes), format).toBe(sha256(en.bytes));
    }
  });

  it('labels the workbook’s indicators and read-me in Urdu, with the same ids and data columns', async () => {
    const load = async (query: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await download('xlsx', query)).bytes as unknown as ArrayBuffer);
      return workbook;
    };
    const [en, ur] = [await load(''), await load('?lang=ur')];
    const column = (book: ExcelJS.Workbook, sheet: string, n: number) =>
      book.getWorksheet(sheet)!.getColumn(n).values.slice(2).map(String);
    expect(ur.worksheets.map((s) => s.name)).toEqual(en.worksheets.map((s) => s.name));
    expect(ur.getWorksheet('Data')!.getRow(1).values).toEqual(en.getWorksheet('Data')!.getRow(1).values);
    expect(column(ur, 'Indicators', 1)).toEqual(column(en, 'Indicators', 1));
    for (const name of column(ur, 'Indicators', 2)) expect(name).toMatch(URDU);
    for (const text of column(ur, 'Read me', 2)) expect(text).toMatch(URDU);
    for (const text of column(en, 'Read me', 2)) expect(text).not.toMatch(URDU);
  });

  it('titles the Data Package in Urdu and keeps its CSV and field names', async () => {
    const read = async (query: string) => JSZip.loadAsync((await download('datapackage', query)).bytes);
    const [en, ur] = [await read(''), await read('?lang=ur')];
    const descriptor = async (zip: JSZip) =>
      JSON.parse(await zip.file('datapackage.json')!.async('string')) as {
        title: string;
        description: string;
        resources: { schema: { fields: { name: string }[] } }[];
      };
    const [d, u] = [await descriptor(en), await descriptor(ur)];
    expect(u.title).toMatch(URDU);
    expect(u.description).toMatch(URDU);
    expect(d.title).not.toMatch(URDU);
    expect(dataPackageProfile()(u)).toBe(true);
    const names = (x: typeof d) => x.resources[0]!.schema.fields.map((f) => f.name);
    expect(names(u)).toEqual(names(d));
    const csv = (zip: JSZip) => zip.file('fourp-figures.csv')!.async('string');
    expect(await csv(ur)).toBe(await csv(en));
  });

  it.skipIf(!hasXmllint && !process.env.CI)(
    'adds Urdu IATI narratives beside the English ones, still valid',
    async () => {
      const en = (await download('iati')).bytes.toString('utf8');
      const { bytes } = await download('iati', '?lang=ur');
      expect(iatiCheck(bytes, 'iati-ur.xml').status).toBe(0);
      const xml = bytes.toString('utf8');
      const english = en.match(/<narrative>/g)!.length;
      expect(xml.match(/<narrative>/g)).toHaveLength(english);
      const urdu = [...xml.matchAll(/<narrative xml:lang="ur">([^<]*)</g)].map((m) => m[1]!);
      expect(urdu.length).toBeGreaterThan(2);
      for (const text of urdu) expect(text).toMatch(URDU);
      expect(en).not.toContain('xml:lang="ur"');
    },
  );
});
