import { createHash } from 'node:crypto';
import {
  EXPORT_FORMAT_IDS,
  MAX_WHOLE_FILE_EXPORT_FIGURES,
  ProblemSchema,
  WHOLE_FILE_EXPORT_FORMATS,
} from '@fourp/domain';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readPublishGeneration } from '../repos/generation.js';
import { addReleaseFigures, insertRelease } from '../repos/releases.js';
import { readFigures } from '../services/published/read.js';
import { releaseExportFiles, RELEASE_FORMATS } from '../services/release/files.js';
import { EXPORT_FORMATS } from '../services/exports/index.js';
import { insertObservations, useTestApp } from '../test-support/api.js';
import { batchesRead, insertManyFigures, readMeasuringHeap } from '../test-support/streaming.js';

const t = useTestApp({
  observations: [
    { indicator: 'victims_identified', jurisdiction: 'IT', year: 2021, value: 2_062 },
    { indicator: 'victims_identified', jurisdiction: 'ES', year: 2021, value: 999 },
    { indicator: 'victims_identified', jurisdiction: 'ES', year: 2019, value: 850 },
  ],
});

const MANY = { indicator: 'tip_tier', jurisdiction: 'ES' } as const;

describe('GET /v1/exports/csv and sdmx-csv: streamed', () => {
  it('holds memory roughly flat while writing 100,000 figures', async () => {
    const ROWS = 100_000;
    await insertManyFigures(t.db, { ...MANY, rows: ROWS, note: 'a note '.repeat(20) });
    const res = await t.app.request('/v1/exports/csv?indicator=tip_tier');
    expect(res.status).toBe(200);
    const { bytes, lines, growth } = await readMeasuringHeap(res);
    expect(lines).toBe(ROWS + 1);
    expect(bytes).toBeGreaterThan(20 * 1024 * 1024);
    expect(growth).toBeLessThan(16 * 1024 * 1024);
  }, 60_000);

  it('stops reading figures when the client goes away', async () => {
    await insertManyFigures(t.db, { ...MANY, rows: 30_000 });
    for (const format of ['csv', 'sdmx-csv', 'datapackage']) {
      const read = (cancelAfterFirst: boolean) =>
        batchesRead(t.db, () => t.app.request(`/v1/exports/${format}?indicator=tip_tier`), cancelAfterFirst);
      expect(await read(false), format).toBeGreaterThan(20);
      // The zip's deflate holds a few more chunks than a plain CSV stream.
      expect(await read(true), format).toBeLessThanOrEqual(5);
    }
  });

  it('writes the figures in the order of /v1/observations: indicator, jurisdiction, first year, id', async () => {
    const csv = await (await t.app.request('/v1/exports/csv')).text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.jurisdiction, r.year, r.value])).toEqual([
      ['ES', '2019', '850'],
      ['ES', '2021', '999'],
      ['IT', '2021', '2062'],
    ]);
  });
});

describe('GET /v1/exports/*: ETag from the publish generation', () => {
  it('answers 304 without reading a figure until a figure is published, then a new tag and new bytes', async () => {
    for (const [format, year] of [
      ['csv', 2024],
      ['sdmx-csv', 2025],
    ] as const) {
      const path = `/v1/exports/${format}?jurisdiction=ES`;
      const first = await t.app.request(path);
      const tag = first.headers.get('etag')!;
      const bytes = await first.text();
      expect(tag, format).toMatch(/^"/);
      let again: Response | undefined;
      const request = async () => (again = await t.app.request(path, { headers: { 'If-None-Match': tag } }));
      const reads = await batchesRead(t.db, request, false, /from "observations"/);
      expect(again!.status, format).toBe(304);
      expect(reads, format).toBe(0);
      const unconditional = () => t.app.request(path);
      expect(await batchesRead(t.db, unconditional, false, /from "observations"/), format).toBeGreaterThan(0);
      const other = await t.app.request(`${path}&from=2020`, { headers: { 'If-None-Match': tag } });
      expect(other.status, format).toBe(200);

      await insertObservations(t.db, [
        { indicator: 'victims_identified', jurisdiction: 'ES', year, value: 1_234 },
      ]);
      const changed = await t.app.request(path, { headers: { 'If-None-Match': tag } });
      expect(changed.status, format).toBe(200);
      expect(changed.headers.get('etag'), format).not.toBe(tag);
      const text = await changed.text();
      expect(text, format).not.toBe(bytes);
      expect(text, format).toContain('1234');
    }
  });
});

describe('GET /v1/exports/{xlsx,json-stat,iati}: a maximum', () => {
  it('refuses a selection above the maximum with a problem that says what to do, and changes nothing', async () => {
    await insertManyFigures(t.db, { ...MANY, rows: MAX_WHOLE_FILE_EXPORT_FIGURES + 1 });
    const generation = readPublishGeneration(t.db);
    const count = () => t.db.$client.prepare('select count(*) as n from observations').get();
    const before = count();
    const whole = EXPORT_FORMAT_IDS.filter((id) => !EXPORT_FORMATS[id].streamed);
    expect(whole).toEqual([...WHOLE_FILE_EXPORT_FORMATS]);
    for (const format of whole) {
      const res = await t.app.request(`/v1/exports/${format}`);
      expect(res.status, format).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = ProblemSchema.parse(await res.json());
      expect(problem.code).toBe('selection_too_large');
      expect(problem.detail).toContain(`${MAX_WHOLE_FILE_EXPORT_FIGURES + 4} figures`);
      expect(problem.detail).toContain(`at most ${MAX_WHOLE_FILE_EXPORT_FIGURES}`);
      expect(problem.detail).toMatch(/Narrow the selection.*csv.*\/v1\/observations\/bulk/);
    }
    expect(count()).toEqual(before);
    expect(readPublishGeneration(t.db)).toBe(generation);
    const narrowed = await t.app.request('/v1/exports/xlsx?indicator=victims_identified');
    expect(narrowed.status).toBe(200);
    expect((await narrowed.arrayBuffer()).byteLength).toBeGreaterThan(0);
  }, 60_000);

  it('leaves a release above the maximum checksums for the files a researcher can download, and they match', async () => {
    await insertManyFigures(t.db, { ...MANY, rows: MAX_WHOLE_FILE_EXPORT_FIGURES + 1 });
    const deps = { db: t.db, suppressionK: 5 };
    const figures = await readFigures(deps, null);
    const id = '2026.12';
    insertRelease(t.db, {
      id,
      createdAt: '2026-12-01T00:00:00.000Z',
      createdBy: null,
      previousId: null,
      note: null,
    });
    addReleaseFigures(t.db, id, figures);
    const files = [];
    for await (const file of releaseExportFiles(deps)(id)) files.push(file);
    const streamed = RELEASE_FORMATS.filter((format) => EXPORT_FORMATS[format].streamed);
    expect(files.map((f) => f.name)).toEqual(streamed.map((format) => EXPORT_FORMATS[format].fileName));
    const res = await t.app.request(`/v1/exports/csv?release=${id}`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(files[0]).toEqual({
      name: EXPORT_FORMATS.csv.fileName,
      bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect((await t.app.request(`/v1/exports/xlsx?release=${id}`)).status).toBe(422);
  }, 120_000);
});
