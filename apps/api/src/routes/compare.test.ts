import { CompareResponseSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../seed/index.js';
import { getParsed, insertObservations, readProblem, useTestApp, withTestApp } from '../test-support/api.js';

const t = useTestApp({
  observations: [
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
  ],
});

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
    // A district against a whole country, and a source against destinations on a detection count: at most B.
    expect(year?.benchmarks.map((b) => [b.jurisdiction, b.point?.value, b.grade])).toEqual([
      ['IT', 5, 'B'],
      ['ES', 2, 'B'],
    ]);
    for (const b of year?.benchmarks ?? []) {
      expect(b.judgement).toBeNull();
      expect(b.reasons).toEqual(
        expect.arrayContaining([
          expect.stringContaining('PK-PB-GUJRAT is a district'),
          expect.stringContaining('PK-PB-GUJRAT is a source country of trafficking'),
        ]),
      );
    }
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
    expect(body.data.comparison.unit).toBe('persons');
    const benchmark = body.data.comparison.years[0]?.benchmarks[0];
    expect(body.data.comparison.years[0]?.base).toMatchObject({ value: 80, normalised: false });
    expect(benchmark).toMatchObject({ jurisdiction: 'IT', grade: 'C', assessment: 'not_assessed' });
    expect(benchmark?.reasons[0]).toMatch(
      /^Absolute counts of jurisdictions of different population are not comparable \(PK-PB-GUJRAT and IT\)/,
    );
    expect(benchmark?.point?.value).toBe(3000);
  });

  it('names both inputs and their sources in a derived figure, with the nearest population outside from–to', async () => {
    await insertObservations(t.db, [
      {
        indicator: 'victims_identified',
        jurisdiction: 'PK-PB-GUJRAT',
        year: 2023,
        value: 120,
        sourceTitle: 'Police',
      },
      {
        indicator: 'victims_identified',
        jurisdiction: 'IT',
        year: 2023,
        value: 3_600,
        sourceTitle: 'Ministry',
      },
    ]);
    const { body } = await getParsed(
      t.app,
      '/v1/compare?indicator=victims_identified_per_100k&with=IT&from=2023',
      CompareResponseSchema,
    );
    const [year] = body.data.comparison.years;
    expect(year?.year).toBe(2023);
    expect(year?.base).toMatchObject({ value: 3, flags: [] });
    expect(year?.base?.derivedFrom).toMatchObject({
      numerator: { indicator: 'victims_identified', year: 2023, value: 120, source: { title: 'Police' } },
      denominator: {
        indicator: 'population',
        year: 2022,
        value: 4_000_000,
        source: { title: 'Test source' },
      },
      factor: 100_000,
    });
    expect(year?.benchmarks[0]).toMatchObject({ grade: 'B', judgement: null, point: { value: 6 } });
    expect(year?.base?.interval).toEqual({
      low: expect.closeTo(2.49, 2),
      high: expect.closeTo(3.59, 2),
      level: 0.95,
    });
    const title = (id: number | null | undefined) => body.data.sources[String(id)]?.title;
    expect(title(year?.base?.observationId)).toBe('Police');
    expect(title(year?.benchmarks[0]?.point?.observationId)).toBe('Ministry');
  });

  it('names the source of every compared point, and only of those', async () => {
    await insertObservations(t.db, [
      { indicator: 'helpline_calls', jurisdiction: 'ES', year: 2022, value: 700, sourceTitle: 'Balance' },
      { indicator: 'helpline_calls', jurisdiction: 'ES', year: 2021, value: 650, sourceTitle: 'Balance' },
    ]);
    const { body } = await getParsed(
      t.app,
      '/v1/compare?indicator=helpline_calls&base=PK&with=IT,ES&from=2022',
      CompareResponseSchema,
    );
    const [year] = body.data.comparison.years;
    const points = [year?.base, ...(year?.benchmarks.map((b) => b.point) ?? [])];
    expect(
      points.map((point) => [point?.jurisdiction, body.data.sources[String(point?.observationId)]?.title]),
    ).toEqual([
      ['PK', 'Test source'],
      ['IT', 'Test source'],
      ['ES', 'Balance'],
    ]);
    expect(Object.keys(body.data.sources)).toHaveLength(3);
  });

  it('shows a conviction rate above 100 % but grades it C and says the counts are different cases', async () => {
    await insertObservations(t.db, [
      { indicator: 'persons_prosecuted', jurisdiction: 'IT', year: 2022, value: 360 },
      { indicator: 'persons_convicted', jurisdiction: 'PK-PB-GUJRAT', year: 2022, value: 20 },
      { indicator: 'persons_prosecuted', jurisdiction: 'PK-PB-GUJRAT', year: 2022, value: 50 },
    ]);
    const { body } = await getParsed(
      t.app,
      '/v1/compare?indicator=conviction_rate&with=IT',
      CompareResponseSchema,
    );
    const italy = body.data.comparison.years.find((y) => y.year === 2022)?.benchmarks[0];
    expect(body.data.comparison.years.find((y) => y.year === 2022)?.base).toMatchObject({
      value: 40,
      flags: [],
    });
    expect(italy?.point?.value).toBeCloseTo(166.7, 1);
    expect(italy?.point?.flags).toEqual(['numerator_exceeds_denominator']);
    expect(italy).toMatchObject({ grade: 'C', assessment: 'not_assessed' });
    expect(italy?.reasons[0]).toMatch(
      /^IT 2022: Persons convicted of trafficking \(600\) exceed persons prosecuted for trafficking \(360\) in the same year: the two counts refer to different cases/,
    );
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
    expect(y2022?.benchmarks[0]).toMatchObject({ jurisdiction: 'IT', grade: 'B', point: { value: 5 } });
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
    await withTestApp({ seed: seedIfEmpty }, async (reference) => {
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
    });
  });

  it('divides Spain’s 2019 victims by a population interpolated between the 2018 and 2020 figures', async () => {
    await withTestApp({ seed: seedIfEmpty }, async (reference) => {
      const { body } = await getParsed(
        reference.app,
        '/v1/compare?indicator=victims_identified&base=ES&with=IT&per=100k',
        CompareResponseSchema,
      );
      const { years } = body.data.comparison;
      const spain2019 = years.find((y) => y.year === 2019)?.base;
      expect(spain2019?.normalised).toBe(true);
      expect(spain2019?.denominator).toMatchObject({
        year: 2019,
        years: [2018, 2020],
        method: 'interpolated',
        status: 'E',
        value: (46_659_302 + 47_329_981) / 2,
      });
      expect(spain2019?.denominator?.sources).toHaveLength(2);
      expect(spain2019?.value).toBeCloseTo((467 / ((46_659_302 + 47_329_981) / 2)) * 100_000, 9);
      const rates = years.flatMap((y) => [y.base, ...y.benchmarks.map((b) => b.point)]);
      for (const rate of rates.filter((p) => p?.normalised)) {
        expect(rate?.denominator?.year).toEqual(expect.any(Number));
        expect(['observed', 'interpolated', 'extrapolated']).toContain(rate?.denominator?.method);
      }
    });
  });

  it.each([
    { indicator: 'conviction_rate', from: 163, to: 169 },
    { indicator: 'victims_referred_share', from: 133, to: 148 },
  ])(
    'flags every Italian $indicator above 100 (different cohorts), keeping the value',
    async ({ indicator, from, to }) => {
      await withTestApp({ seed: seedIfEmpty }, async (reference) => {
        const { body } = await getParsed(
          reference.app,
          `/v1/compare?indicator=${indicator}&with=IT`,
          CompareResponseSchema,
        );
        const italy = body.data.comparison.years.flatMap((y) => y.benchmarks.flatMap((b) => b.point ?? []));
        const above = italy.filter((p) => p.value !== null && p.value > 100);
        expect(above.length).toBeGreaterThan(0);
        for (const p of above) {
          expect(p.value).toBeGreaterThanOrEqual(from);
          expect(p.value).toBeLessThanOrEqual(to);
          expect(p.flags).toEqual(['numerator_exceeds_denominator']);
          expect(p.derivedFrom?.numerator.source.title).toBeTruthy();
          expect(p.derivedFrom?.denominator.source.title).toBeTruthy();
        }
        expect(
          italy.filter((p) => p.value !== null && p.value <= 100).every((p) => p.flags?.length === 0),
        ).toBe(true);
      });
    },
  );
});
