import { ObservationListResponseSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { PUBLIC_CACHE_CONTROL } from '../middleware/cache.js';
import { getParsed, insertObservations, readProblem, useTestApp } from '../test-support/api.js';
import { createTestUser, gujratFigure, json, signIn, useWorkflowTestApp } from '../test-support/workflow.js';

const t = useTestApp({
  observations: [
    { indicator: 'victims_identified', jurisdiction: 'IT', year: 2021, value: 1_911 },
    { indicator: 'victims_identified', jurisdiction: 'IT', year: 2022, value: 2_062 },
    { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2022, value: 3 },
    { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2023, value: 41 },
    {
      indicator: 'persons_arrested',
      jurisdiction: 'PK-PB-GUJRAT',
      year: 2022,
      value: 2,
      definition: 'thb_and_smuggling',
    },
    { indicator: 'victims_identified', jurisdiction: 'ES', year: 2022, value: 999, workflowState: 'draft' },
  ],
});

describe('GET /v1/observations', () => {
  it('returns published figures with provenance and their source, filtered', async () => {
    const { res, body } = await getParsed(
      t.app,
      '/v1/observations?indicator=victims_identified&jurisdiction=IT&from=2022&to=2022',
      ObservationListResponseSchema,
    );
    expect(res.status).toBe(200);
    expect(body.meta).toEqual({ count: 1, limit: 1000, next: null, suppressionThreshold: 5 });
    expect(body.data[0]).toMatchObject({
      indicator: 'victims_identified',
      jurisdiction: 'IT',
      year: 2022,
      yearEnd: 2022,
      disaggregation: {},
      value: 2062,
      suppressed: false,
      status: 'A',
      definition: 'standard',
      superseded: false,
      unitAsRead: 'persons',
      valueAsRead: '2062',
      source: {
        title: 'Test source',
        publisher: 'Test publisher',
        year: 2024,
        locator: 'p. 1',
        kind: 'primary',
      },
    });
  });

  it('suppresses an identifying count of 3 but not a non-identifying count of 2', async () => {
    const { body } = await getParsed(
      t.app,
      '/v1/observations?jurisdiction=PK-PB-GUJRAT',
      ObservationListResponseSchema,
    );
    const victims2022 = body.data.find((o) => o.indicator === 'victims_identified' && o.year === 2022);
    expect(victims2022).toMatchObject({ value: null, suppressed: true });
    expect(body.data.find((o) => o.year === 2023)).toMatchObject({ value: 41, suppressed: false });
    expect(body.data.find((o) => o.indicator === 'persons_arrested')).toMatchObject({
      value: 2,
      suppressed: false,
    });
    expect(JSON.stringify(body)).not.toContain('"valueAsRead":"3"');
  });

  it('also hides a breakdown that would reveal a suppressed one by subtraction', async () => {
    await insertObservations(t.db, [
      { indicator: 'victims_identified', jurisdiction: 'ES', year: 2023, value: 10 },
      {
        indicator: 'victims_identified',
        jurisdiction: 'ES',
        year: 2023,
        value: 3,
        disaggregation: { sex: 'female' },
      },
      {
        indicator: 'victims_identified',
        jurisdiction: 'ES',
        year: 2023,
        value: 7,
        disaggregation: { sex: 'male' },
      },
    ]);
    const { body } = await getParsed(
      t.app,
      '/v1/observations?jurisdiction=ES&from=2023',
      ObservationListResponseSchema,
    );
    const bySex = Object.fromEntries(
      body.data.map((o) => [o.disaggregation.sex ?? 'total', [o.value, o.suppressed]]),
    );
    expect(bySex).toEqual({ total: [10, false], female: [null, true], male: [null, true] });
  });

  it('never shows a draft figure to an anonymous reader', async () => {
    const { body } = await getParsed(
      t.app,
      '/v1/observations?jurisdiction=ES',
      ObservationListResponseSchema,
    );
    expect(body.data).toEqual([]);
    const all = await getParsed(t.app, '/v1/observations', ObservationListResponseSchema);
    expect(all.body.data.every((o) => o.workflowState === 'published')).toBe(true);
    expect(all.body.data.map((o) => o.value)).not.toContain(999);
  });

  it('serves CSV, quoting values and leaving suppressed values empty', async () => {
    const res = await t.app.request('/v1/observations?jurisdiction=PK-PB-GUJRAT&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('fourp-observations.csv');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]?.split(',').slice(0, 8)).toEqual([
      'id',
      'indicator',
      'jurisdiction',
      'year',
      'year_end',
      'disaggregation',
      'value',
      'suppressed',
    ]);
    const suppressed = lines.find((line) => line.includes(',victims_identified,PK-PB-GUJRAT,2022,'));
    expect(suppressed).toContain(',2022,2022,,,true,');
    expect(suppressed).not.toContain(',3,');
  });

  it('gives each count its exact Poisson 95 % interval in JSON and in two CSV columns, none for a suppressed one', async () => {
    const { body } = await getParsed(
      t.app,
      '/v1/observations?jurisdiction=PK-PB-GUJRAT',
      ObservationListResponseSchema,
    );
    const shown = body.data.find((o) => o.year === 2023 && o.indicator === 'victims_identified');
    expect(shown?.interval).toEqual({
      low: expect.closeTo(29.42, 2),
      high: expect.closeTo(55.62, 2),
      level: 0.95,
    });
    expect(body.data.find((o) => o.suppressed)?.interval).toBeNull();

    const res = await t.app.request('/v1/observations?jurisdiction=PK-PB-GUJRAT&format=csv');
    const [header, ...rows] = (await res.text()).trimEnd().split('\r\n');
    const columns = header!.split(',');
    const low = columns.indexOf('interval_low');
    const high = columns.indexOf('interval_high');
    expect(high).toBe(low + 1);
    const cells = (fragment: string) => rows.find((row) => row.includes(fragment))!.split(',');
    const counted = cells(',victims_identified,PK-PB-GUJRAT,2023,');
    expect(Number(counted[low])).toBeCloseTo(29.42, 2);
    expect(Number(counted[high])).toBeCloseTo(55.62, 2);
    const hidden = cells(',victims_identified,PK-PB-GUJRAT,2022,');
    expect([hidden[low], hidden[high]]).toEqual(['', '']);
  });

  it('writes a breakdown in the CSV as dimension=category pairs in dimension order', async () => {
    await insertObservations(t.db, [
      {
        indicator: 'victims_identified',
        jurisdiction: 'IT',
        year: 2020,
        value: 40,
        disaggregation: { sex: 'female', age_group: 'child' },
      },
    ]);
    const res = await t.app.request('/v1/observations?jurisdiction=IT&from=2020&to=2020&format=csv');
    const [header, row] = (await res.text()).trimEnd().split('\r\n');
    const column = header!.split(',').indexOf('disaggregation');
    expect(row!.split(',')[column]).toBe('age_group=child;sex=female');
  });

  it('rejects malformed filters with a 400 naming each parameter', async () => {
    const problem = await readProblem(await t.app.request('/v1/observations?from=abc&jurisdiction=pk'), 400);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['from', 'jurisdiction']);
    const reversed = await readProblem(await t.app.request('/v1/observations?from=2024&to=2020'), 400);
    expect(reversed.errors?.[0]?.path).toBe('from');
  });

  it('answers 404 for an unknown indicator or jurisdiction', async () => {
    const indicator = await readProblem(await t.app.request('/v1/observations?indicator=no_such_thing'), 404);
    expect(indicator.code).toBe('unknown_indicator');
    const jurisdiction = await readProblem(await t.app.request('/v1/observations?jurisdiction=XX'), 404);
    expect(jurisdiction.code).toBe('unknown_jurisdiction');
  });
});

const w = useWorkflowTestApp();

async function readGujratVictims(headers: Record<string, string> = {}) {
  const res = await w.app.request('/v1/observations?indicator=victims_identified&jurisdiction=PK-PB-GUJRAT', {
    headers,
  });
  expect(res.status).toBe(200);
  return { res, body: ObservationListResponseSchema.parse(await res.json()) };
}

describe('GET /v1/observations with the caller’s own drafts', () => {
  it('shows an official their own draft, marked, and nobody else’s; others read published figures only', async () => {
    const other = await createTestUser(w.db, 'district_official', 'PK-PB-GUJRAT', 'other-official');
    const own = await w.app.request('/v1/observations', json(w.official.bearer, gujratFigure({ value: 40 })));
    expect(own.status).toBe(201);
    const theirs = await w.app.request(
      '/v1/observations',
      json(other.bearer, gujratFigure({ year: 2021, value: 17 })),
    );
    expect(theirs.status).toBe(201);

    const official = await readGujratVictims(w.official.bearer);
    expect(official.body.data.map((o) => [o.year, o.value, o.workflowState])).toEqual([[2022, 40, 'draft']]);
    const { cookie } = await signIn(w.app, w.official.email);
    expect((await readGujratVictims(cookie)).body.data.map((o) => o.workflowState)).toEqual(['draft']);
    expect((await readGujratVictims(other.bearer)).body.data.map((o) => [o.year, o.value])).toEqual([
      [2021, 17],
    ]);

    for (const headers of [{}, w.donor.bearer, w.researcher.bearer]) {
      expect((await readGujratVictims(headers)).body.data).toEqual([]);
    }
  });

  it('keeps an answer that depends on the caller out of shared caches; anonymous answers stay public', async () => {
    const official = await readGujratVictims(w.official.bearer);
    expect(official.res.headers.get('cache-control')).toBe('private, no-store');
    expect(official.res.headers.get('vary')).toMatch(/Cookie, Authorization/);
    const donor = await readGujratVictims(w.donor.bearer);
    expect(donor.res.headers.get('cache-control')).toBe('private, no-store');

    const anonymous = await readGujratVictims();
    expect(anonymous.res.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    expect(anonymous.res.headers.get('etag')).toBeTruthy();
    expect(anonymous.res.headers.get('vary')).toMatch(/Cookie, Authorization/);
  });

  it('never puts a draft in the anonymous CSV', async () => {
    const res = await w.app.request('/v1/observations?indicator=victims_identified&format=csv');
    expect(res.status).toBe(200);
    expect(await res.text()).not.toMatch(/draft/);
  });
});

describe('GET /v1/observations: confidentiality (SDMX CONF_STATUS)', () => {
  const c = useTestApp({
    observations: [
      { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2022, value: 3 },
      { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2023, value: 41 },
      { indicator: 'victims_identified', jurisdiction: 'IT', year: 2022, value: 2_062, confStatus: 'N' },
    ],
  });

  it('answers F for a free figure, C for a count withheld by disclosure control, and withholds a figure stored N', async () => {
    const { body } = await getParsed(
      c.app,
      '/v1/observations?indicator=victims_identified',
      ObservationListResponseSchema,
    );
    const byPlace = body.data.map((o) => [o.jurisdiction, o.year, o.value, o.suppressed, o.confStatus]);
    expect(byPlace).toEqual([
      ['IT', 2022, null, true, 'N'],
      ['PK-PB-GUJRAT', 2022, null, true, 'C'],
      ['PK-PB-GUJRAT', 2023, 41, false, 'F'],
    ]);
  });
});
