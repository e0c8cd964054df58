import {
  ObservationListResponseSchema,
  ProblemSchema,
  type ListedObservation,
  type ObservationListResponse,
} from '@fourp/domain';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { observations } from '../db/schema.js';
import { getParsed, insertObservations, readProblem, useTestApp } from '../test-support/api.js';
import { batchesRead, insertManyFigures, readMeasuringHeap } from '../test-support/streaming.js';

const figure = (jurisdiction: string, year: number, value = 100) => ({
  indicator: 'victims_identified',
  jurisdiction,
  year,
  value,
});

const t = useTestApp({
  observations: [
    figure('ES', 2019),
    figure('ES', 2020),
    figure('ES', 2021),
    figure('IT', 2019),
    figure('IT', 2020),
    figure('IT', 2021),
    figure('PK-PB-GUJRAT', 2020),
    { indicator: 'persons_arrested', jurisdiction: 'IT', year: 2020, value: 80 },
  ],
});

const key = (o: ListedObservation) => `${o.indicator}/${o.jurisdiction}/${o.year}/${o.id}`;

/** Reads every page from `path`, running `between` after each page; returns the figures in the order read. */
async function readAllPages(path: string, between: (page: number) => Promise<void> = async () => {}) {
  const read: ListedObservation[] = [];
  const links: (string | null)[] = [];
  for (let next: string | null = path, page = 0; next !== null; page++) {
    const { res, body }: { res: Response; body: ObservationListResponse } = await getParsed(
      t.app,
      next,
      ObservationListResponseSchema,
    );
    expect(res.status).toBe(200);
    read.push(...body.data);
    links.push(res.headers.get('link'));
    expect(body.meta.count).toBe(body.data.length);
    next = body.meta.next;
    await between(page);
  }
  return { read, links };
}

describe('GET /v1/observations: paging', () => {
  it('gives the whole selection a page at a time, in list order, with rel="next" until the last page', async () => {
    const { body: whole } = await getParsed(t.app, '/v1/observations', ObservationListResponseSchema);
    expect(whole.meta).toMatchObject({ count: 8, limit: 1000, next: null });
    const { read, links } = await readAllPages('/v1/observations?limit=3');
    expect(read.map(key)).toEqual(whole.data.map(key));
    expect(links).toHaveLength(3);
    expect(links[0]).toMatch(/^<\/v1\/observations\?limit=3&cursor=[A-Za-z0-9_-]+>; rel="next"/);
    expect(links[2]).not.toContain('rel="next"');
    expect(read.map((o) => o.indicator)).toEqual([
      'persons_arrested',
      ...Array.from({ length: 7 }, () => 'victims_identified'),
    ]);
  });

  it('keeps the filters in the next link', async () => {
    const { read } = await readAllPages('/v1/observations?jurisdiction=IT&from=2020&limit=1');
    expect(read.map((o) => [o.indicator, o.jurisdiction, o.year])).toEqual([
      ['persons_arrested', 'IT', 2020],
      ['victims_identified', 'IT', 2020],
      ['victims_identified', 'IT', 2021],
    ]);
  });

  it('repeats and skips no figure while figures are published between pages', async () => {
    const before = await readAllPages('/v1/observations?limit=2');
    const published: number[] = [];
    const { read } = await readAllPages('/v1/observations?limit=2', async (page) => {
      if (page > 2) return;
      // One figure sorting before the pages read so far, one after.
      const ids = await insertObservations(t.db, [
        figure('ES', 2000 + page),
        figure('PK-PB-GUJRAT', 2010 + page),
      ]);
      published.push(...ids);
    });
    const ids = read.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of before.read) expect(ids).toContain(o.id);
    expect(
      ids.filter((id) => !before.read.some((o) => o.id === id)).every((id) => published.includes(id)),
    ).toBe(true);
    expect(ids).toContain(published[1]);
  });

  it('refuses a cursor it did not give and a limit above the maximum', async () => {
    const bad = await readProblem(await t.app.request('/v1/observations?cursor=bm90LWEtY3Vyc29y'), 400);
    expect(bad.errors?.map((e) => e.path)).toEqual(['cursor']);
    const tooMany = await readProblem(await t.app.request('/v1/observations?limit=10001'), 400);
    expect(tooMany.errors?.map((e) => e.path)).toEqual(['limit']);
  });
});

describe('GET /v1/observations: breakdown and jurisdictions filters', () => {
  const addBreakdowns = () =>
    insertObservations(t.db, [
      { ...figure('IT', 2019, 40), disaggregation: { sex: 'female' as const } },
      { ...figure('IT', 2020, 30), disaggregation: { sex: 'male' as const } },
      { ...figure('PK-PB-GUJRAT', 2020, 9), disaggregation: { sex: 'female' as const } },
    ]);

  it('breakdown=total keeps only figures without a breakdown, page by page and in the bulk export', async () => {
    await addBreakdowns();
    const { read: everything } = await readAllPages('/v1/observations?jurisdictions=IT,PK-PB-GUJRAT');
    expect(everything).toHaveLength(8);
    const { read, links } = await readAllPages(
      '/v1/observations?jurisdictions=IT,PK-PB-GUJRAT&breakdown=total&limit=2',
    );
    expect(read.map((o) => [o.indicator, o.jurisdiction, o.year, o.disaggregation])).toEqual([
      ['persons_arrested', 'IT', 2020, {}],
      ['victims_identified', 'IT', 2019, {}],
      ['victims_identified', 'IT', 2020, {}],
      ['victims_identified', 'IT', 2021, {}],
      ['victims_identified', 'PK-PB-GUJRAT', 2020, {}],
    ]);
    expect(links[0]).toContain('breakdown=total');
    const bulk = await t.app.request('/v1/observations/bulk?jurisdictions=IT,PK-PB-GUJRAT&breakdown=total');
    const lines = (await bulk.text()).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as ListedObservation).id)).toEqual(read.map((o) => o.id));
  });

  it('with jurisdiction and jurisdictions, keeps the ids in both', async () => {
    const both = await getParsed(
      t.app,
      '/v1/observations?jurisdiction=ES&jurisdictions=ES,IT',
      ObservationListResponseSchema,
    );
    expect(new Set(both.body.data.map((o) => o.jurisdiction))).toEqual(new Set(['ES']));
    const none = await getParsed(
      t.app,
      '/v1/observations?jurisdiction=ES&jurisdictions=IT',
      ObservationListResponseSchema,
    );
    expect(none.body.data).toEqual([]);
  });

  it('refuses an unknown breakdown selection, too many jurisdictions and an unknown one', async () => {
    const sex = await readProblem(await t.app.request('/v1/observations?breakdown=sex'), 400);
    expect(sex.errors?.map((e) => e.path)).toEqual(['breakdown']);
    const many = Array.from({ length: 51 }, (_, i) => `PK-X${i}`).join(',');
    const tooMany = await readProblem(await t.app.request(`/v1/observations?jurisdictions=${many}`), 400);
    expect(tooMany.errors?.map((e) => e.path)).toEqual(['jurisdictions']);
    await readProblem(await t.app.request('/v1/observations?jurisdictions=IT,XX-NOWHERE'), 404);
  });
});

describe('GET /v1/observations: publish-generation ETag', () => {
  it('answers 304 until a figure is published, then the new figure', async () => {
    const first = await t.app.request('/v1/observations?jurisdiction=ES');
    const etag = first.headers.get('etag')!;
    const again = await t.app.request('/v1/observations?jurisdiction=ES', {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    const other = await t.app.request('/v1/observations?jurisdiction=IT', {
      headers: { 'If-None-Match': etag },
    });
    expect(other.status).toBe(200);
    await insertObservations(t.db, [figure('ES', 2024, 123)]);
    const changed = await t.app.request('/v1/observations?jurisdiction=ES', {
      headers: { 'If-None-Match': etag },
    });
    expect(changed.status).toBe(200);
    const body = ObservationListResponseSchema.parse(await changed.json());
    expect(body.data.map((o) => o.year)).toContain(2024);
  });
});

describe('GET /v1/observations/bulk', () => {
  it('streams the same figures as the pages, as NDJSON and as CSV', async () => {
    const { read } = await readAllPages('/v1/observations?limit=3');
    const ndjson = await t.app.request('/v1/observations/bulk');
    expect(ndjson.status).toBe(200);
    expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await ndjson.text()).trimEnd().split('\n');
    expect(lines.map((line) => key(JSON.parse(line) as ListedObservation))).toEqual(read.map(key));
    expect(JSON.parse(lines[0]!)).toEqual(JSON.parse(JSON.stringify(read[0])));

    const csv = await t.app.request('/v1/observations/bulk?format=csv&jurisdiction=IT');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = (await csv.text()).trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^id,indicator,jurisdiction,year,/);
    expect(rows.slice(1).map((row) => row.split(',')[2])).toEqual(['IT', 'IT', 'IT', 'IT']);
  });

  it('writes what the pages write: the same figures as JSON, suppressed and with intervals, and the same CSV', async () => {
    const awkward = 'Report, "annual"\nsecond line';
    await insertObservations(t.db, [
      {
        indicator: 'victims_identified',
        jurisdiction: 'PK-PB-GUJRAT',
        year: 2022,
        value: 3,
        sourceTitle: awkward,
      },
    ]);
    t.db
      .update(observations)
      .set({ note: 'a "note"\twith\u2028 ضلع 🧒', unitAsRead: '\\ backslash', valueAsRead: '1,234' })
      .where(eq(observations.year, 2019))
      .run();
    const { read } = await readAllPages('/v1/observations?limit=3');
    expect(
      read.filter((o) => o.suppressed).map((o) => [o.jurisdiction, o.year, o.value, o.interval]),
    ).toEqual([['PK-PB-GUJRAT', 2022, null, null]]);
    expect(read.filter((o) => o.interval !== null)).toHaveLength(read.length - 1);
    const ndjson = await (await t.app.request('/v1/observations/bulk')).text();
    const lines = ndjson.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(JSON.parse(JSON.stringify(read)));
    const page = JSON.parse(await (await t.app.request('/v1/observations?limit=100')).text()) as {
      data: unknown[];
    };
    expect(ndjson).toBe(page.data.map((o) => `${JSON.stringify(o)}\n`).join(''));

    const paged = await (await t.app.request('/v1/observations?format=csv')).text();
    const bulk = await (await t.app.request('/v1/observations/bulk?format=csv')).text();
    expect(bulk).toBe(paged);
    const rows = parse(bulk, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.source_title)).toContain(awkward);
    expect(rows.find((row) => row.source_title === awkward)).toMatchObject({ value: '', suppressed: 'true' });
  });

  it('stops reading figures when the client goes away', async () => {
    await insertManyFigures(t.db, { rows: 30_000, indicator: 'tip_tier', jurisdiction: 'IT' });
    const read = (cancelAfterFirst: boolean) =>
      batchesRead(t.db, () => t.app.request('/v1/observations/bulk?indicator=tip_tier'), cancelAfterFirst);
    expect(await read(false)).toBeGreaterThan(20);
    expect(await read(true)).toBeLessThanOrEqual(3);
  });

  it('answers an unknown indicator with a 404 problem before streaming', async () => {
    const res = await t.app.request('/v1/observations/bulk?indicator=no_such_thing');
    expect(res.status).toBe(404);
    ProblemSchema.parse(await res.json());
  });

  it('holds memory roughly flat while exporting many figures', async () => {
    const ROWS = 100_000;
    await insertManyFigures(t.db, {
      rows: ROWS,
      indicator: 'tip_tier',
      jurisdiction: 'ES',
      note: 'a note '.repeat(20),
    });
    const res = await t.app.request('/v1/observations/bulk?indicator=tip_tier');
    const { bytes, lines, growth } = await readMeasuringHeap(res);
    expect(lines).toBe(ROWS);
    expect(bytes).toBeGreaterThan(50 * 1024 * 1024);
    expect(growth).toBeLessThan(16 * 1024 * 1024);
  }, 60_000);
});
