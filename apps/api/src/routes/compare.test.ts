import { CompareResponseSchema } from '@fourp/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../seed/index.js';
import {
  createTestApp,
  getParsed,
  insertObservations,
  readProblem,
  type TestApp,
} from '../test-support/api.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await insertObservations(t.db, [
    { indicator: 'population', jurisdiction: 'IT', year: 2022, value: 60_000_000 },
    { indicator: 'population', jurisdiction: 'ES', year: 2022, value: 50_000_000 },
    { indicator: 'population', jurisdiction: 'PK-PB-GUJRAT', year: 2022, value: 4_000_000 },
    { indicator: 'population', jurisdiction: 'PK-PB', year: 2022, value: 100_000_000 },
    { indicator: 'population', jurisdiction: 'PK', year: 2022, value: 200_000_000 },
    { indicator: 'victims_identified', jurisdiction: 'IT', year: 2022, value: 3_000 },
    { indicator: 'victims_identified', jurisdiction: 'ES', year: 2022, value: 1_000 },
    { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2022, value: 80 },
    { indicator: 'persons_convicted', jurisdiction: 'IT', year: 2022, value: 600 },
    { indicator: 'persons_convicted', jurisdiction: 'PK-PB', year: 2022, value: 500 },
    { indicator: 'persons_convicted', jurisdiction: 'PK', year: 2022, value: 900 },
    { indicator: 'helpline_calls', jurisdiction: 'PK', year: 2022, value: 400 },
    { indicator: 'helpline_calls', jurisdiction: 'IT', year: 2022, value: 1_200 },
  ]);
});
afterEach(() => t.close());

describe('GET /v1/compare', () => {
  it('puts Gujrat beside Italy and Spain per 100,000 residents with grades', async () => {
    const { res, body } = await getParsed(
      t.app,
      '/v1/compare?indicator=victims_identified',
      CompareResponseSchema,
    );
    expect(res.status).toBe(200);
    expect(body.data).toMatchObject({
      per: '100k',
      requestedBase: 'PK-PB-GUJRAT',
      baseHasData: true,
      standIn: null,
    });
    const { comparison } = body.data;
    expect(comparison).toMatchObject({
      base: 'PK-PB-GUJRAT',
      benchmarks: ['IT', 'ES'],
      unit: 'per 100,000 residents',
    });
    const year = comparison.years.find((y) => y.year === 2022);
    expect(year?.base).toMatchObject({ value: 2, rawValue: 80, normalised: true, populationYear: 2022 });
    expect(year?.benchmarks.map((b) => [b.jurisdiction, b.point?.value, b.grade])).toEqual([
      ['IT', 5, 'A'],
      ['ES', 2, 'A'],
    ]);
  });

  it('labels the nearest parent with data as a stand-in when Gujrat has none', async () => {
    const { body } = await getParsed(
      t.app,
      '/v1/compare?indicator=persons_convicted&with=IT',
      CompareResponseSchema,
    );
    expect(body.data.baseHasData).toBe(false);
    expect(body.data.standIn).toEqual({
      for: 'PK-PB-GUJRAT',
      used: 'PK-PB',
      reason: expect.stringContaining('Punjab'),
    });
    expect(body.data.comparison.base).toBe('PK-PB');
    expect(body.data.comparison.years[0]?.base?.value).toBeCloseTo(0.5);

    const national = await getParsed(
      t.app,
      '/v1/compare?indicator=helpline_calls&with=IT',
      CompareResponseSchema,
    );
    expect(national.body.data.standIn).toMatchObject({ for: 'PK-PB-GUJRAT', used: 'PK' });
  });

  it('compares absolute counts when asked, graded C for different sizes', async () => {
    const { body } = await getParsed(
      t.app,
      '/v1/compare?indicator=victims_identified&per=absolute&with=IT',
      CompareResponseSchema,
    );
    expect(body.data.per).toBe('absolute');
    const benchmark = body.data.comparison.years[0]?.benchmarks[0];
    expect(body.data.comparison.years[0]?.base?.value).toBe(80);
    expect(benchmark).toMatchObject({ jurisdiction: 'IT', grade: 'C' });
    expect(benchmark?.point?.value).toBe(3000);
  });

  it('derives a formula indicator from its published inputs, suppressing what a small count would reveal', async () => {
    await insertObservations(t.db, [
      { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2023, value: 3 },
      { indicator: 'population', jurisdiction: 'PK-PB-GUJRAT', year: 2023, value: 4_000_000 },
    ]);
    const { body } = await getParsed(
      t.app,
      '/v1/compare?indicator=victims_identified_per_100k&with=IT',
      CompareResponseSchema,
    );
    expect(body.data).toMatchObject({ per: '100k', baseHasData: true, standIn: null });
    const [y2022, y2023] = body.data.comparison.years;
    expect(y2022?.base).toMatchObject({ value: 2, suppressed: false });
    expect(y2022?.benchmarks[0]).toMatchObject({ jurisdiction: 'IT', grade: 'A', point: { value: 5 } });
    expect(y2023?.base).toMatchObject({ value: null, suppressed: true });
    const absolute = await readProblem(
      await t.app.request('/v1/compare?indicator=victims_identified_per_100k&per=absolute'),
      400,
    );
    expect(absolute.errors?.[0]).toMatchObject({ path: 'per', message: expect.stringContaining('per=100k') });
  });

  it('rejects missing or malformed parameters with a 400 naming each', async () => {
    const missing = await readProblem(await t.app.request('/v1/compare?with=it'), 400);
    expect(missing.errors?.map((e) => e.path).sort()).toEqual(['indicator', 'with.0']);
    const per = await readProblem(await t.app.request('/v1/compare?indicator=tip_tier&per=100k'), 400);
    expect(per.errors).toEqual([expect.objectContaining({ path: 'per' })]);
    const csv = await readProblem(await t.app.request('/v1/compare?indicator=tip_tier&format=csv'), 400);
    expect(csv.errors?.[0]?.path).toBe('format');
  });

  it('answers 404 for an unknown indicator or benchmark', async () => {
    const indicator = await readProblem(await t.app.request('/v1/compare?indicator=rescues'), 404);
    expect(indicator.code).toBe('unknown_indicator');
    const benchmark = await readProblem(
      await t.app.request('/v1/compare?indicator=victims_identified&with=IT,FR'),
      404,
    );
    expect(benchmark).toMatchObject({ code: 'unknown_jurisdiction', detail: expect.stringContaining('FR') });
  });
});

describe('GET /v1/compare over the reference dataset', () => {
  it('shows Pakistan in place of Gujrat for the TIP tier, labelled as a stand-in', async () => {
    const reference = await createTestApp({ seed: seedIfEmpty });
    try {
      const { body } = await getParsed(
        reference.app,
        '/v1/compare?indicator=tip_tier',
        CompareResponseSchema,
      );
      expect(body.data).toMatchObject({ per: 'absolute', requestedBase: 'PK-PB-GUJRAT', baseHasData: false });
      expect(body.data.standIn).toEqual({
        for: 'PK-PB-GUJRAT',
        used: 'PK',
        reason: expect.stringContaining('Pakistan'),
      });
      expect(body.data.comparison.base).toBe('PK');
      expect(body.data.comparison.latestByBenchmark.map((b) => b.jurisdiction)).toEqual(['IT', 'ES']);
    } finally {
      reference.close();
    }
  });
});
