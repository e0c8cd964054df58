import { CoverageResponseSchema, INDICATORS } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { getParsed, insertObservations, readProblem, useTestApp, withTestApp } from '../test-support/api.js';

const t = useTestApp({
  observations: [
    { indicator: 'tip_tier', jurisdiction: 'PK', year: 2022, value: 2 },
    { indicator: 'tip_tier', jurisdiction: 'PK', year: 2023, value: 2 },
    { indicator: 'tip_tier', jurisdiction: 'IT', year: 2023, value: 1 },
    { indicator: 'tip_tier', jurisdiction: 'ES', year: 2023, value: 1, workflowState: 'submitted' },
  ],
});

describe('GET /v1/coverage', () => {
  it('lists each indicator × jurisdiction × year with data, and every indicator without any', async () => {
    const { body } = await getParsed(t.app, '/v1/coverage', CoverageResponseSchema);
    const tier = body.data.filter((cell) => cell.indicator === 'tip_tier');
    expect(tier).toEqual([
      { indicator: 'tip_tier', pillar: 'partnership', jurisdiction: 'IT', year: 2023, observations: 1 },
      { indicator: 'tip_tier', pillar: 'partnership', jurisdiction: 'PK', year: 2022, observations: 1 },
      { indicator: 'tip_tier', pillar: 'partnership', jurisdiction: 'PK', year: 2023, observations: 1 },
    ]);
    expect(body.data).toContainEqual({
      indicator: 'specialised_courts',
      pillar: 'prosecution',
      jurisdiction: null,
      year: null,
      observations: 0,
    });
    expect(body.meta.indicators).toBe(INDICATORS.length);
    expect(body.meta.indicatorsWithData).toBe(1);
    expect(body.meta.indicatorsWithoutData).toHaveLength(INDICATORS.length - 1);
    expect(body.meta.lastUpdated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("counts the whole selection's published figures and latest year on every page, however small", async () => {
    const first = await getParsed(t.app, '/v1/coverage?limit=1', CoverageResponseSchema);
    expect(first.body.data).toHaveLength(1);
    expect(first.body.meta).toMatchObject({ observations: 3, latestYear: 2023 });
    const pakistan = await getParsed(t.app, '/v1/coverage?jurisdiction=PK&limit=1', CoverageResponseSchema);
    expect(pakistan.body.meta).toMatchObject({ observations: 2, latestYear: 2023 });
    const none = await getParsed(t.app, '/v1/coverage?pillar=prevention&limit=1', CoverageResponseSchema);
    expect(none.body.meta).toMatchObject({ observations: 0, latestYear: null });
  });

  it('lists the jurisdiction-years whose counts have no population denominator', async () => {
    await withTestApp({}, async (app) => {
      await insertObservations(app.db, [
        { indicator: 'population', jurisdiction: 'ES', year: 2018, value: 46_000_000 },
        { indicator: 'population', jurisdiction: 'ES', year: 2020, value: 47_000_000 },
        { indicator: 'population', jurisdiction: 'IT', year: 2020, value: 60_000_000 },
        { indicator: 'victims_identified', jurisdiction: 'ES', year: 2019, value: 400 },
        { indicator: 'victims_identified', jurisdiction: 'IT', year: 2022, value: 300 },
        { indicator: 'victims_identified', jurisdiction: 'IT', year: 2023, value: 300 },
        { indicator: 'persons_convicted', jurisdiction: 'IT', year: 2023, value: 30 },
        { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2020, value: 5 },
        { indicator: 'tip_tier', jurisdiction: 'PK', year: 2023, value: 2 },
      ]);
      const { body } = await getParsed(app.app, '/v1/coverage', CoverageResponseSchema);
      expect(body.meta.missingDenominators).toEqual([
        {
          jurisdiction: 'IT',
          year: 2023,
          indicators: ['persons_convicted', 'victims_identified'],
          reason: expect.stringContaining('No population figure for IT within 2 year(s) of 2023'),
        },
        {
          jurisdiction: 'PK-PB-GUJRAT',
          year: 2020,
          indicators: ['victims_identified'],
          reason: expect.stringContaining('No population figure for PK-PB-GUJRAT'),
        },
      ]);
    });
  });

  it('filters by pillar and jurisdiction, and serves CSV', async () => {
    const { body } = await getParsed(
      t.app,
      '/v1/coverage?pillar=partnership&jurisdiction=PK',
      CoverageResponseSchema,
    );
    expect(body.data.every((cell) => cell.pillar === 'partnership')).toBe(true);
    expect(body.data.filter((cell) => cell.observations > 0).map((cell) => cell.year)).toEqual([2022, 2023]);
    const csv = await (
      await t.app.request('/v1/coverage?pillar=partnership&jurisdiction=PK&format=csv')
    ).text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('indicator,pillar,jurisdiction,year,observations');
    expect(lines).toContain('tip_tier,partnership,PK,2022,1');
    expect(lines).toContain('joint_international_investigations,partnership,,,0');
    expect(lines).toHaveLength(body.data.length + 1);
  });

  it('rejects an unknown pillar with a 400 naming the parameter', async () => {
    const problem = await readProblem(await t.app.request('/v1/coverage?pillar=x&format=pdf'), 400);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['format', 'pillar']);
  });

  it('answers 404 for an unknown jurisdiction', async () => {
    const problem = await readProblem(await t.app.request('/v1/coverage?jurisdiction=FR'), 404);
    expect(problem.code).toBe('unknown_jurisdiction');
  });
});
