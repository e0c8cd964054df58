import { MeasureResponseSchema, ScorecardResponseSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../seed/index.js';
import { getParsed, insertAssessment, readProblem, useTestApp, withTestApp } from '../test-support/api.js';

const t = useTestApp({
  observations: [
    { indicator: 'population', jurisdiction: 'IT', year: 2022, value: 60_000_000 },
    { indicator: 'population', jurisdiction: 'ES', year: 2022, value: 50_000_000 },
    { indicator: 'population', jurisdiction: 'PK-PB-GUJRAT', year: 2022, value: 4_000_000 },
    { indicator: 'victims_identified', jurisdiction: 'IT', year: 2022, value: 3_000 },
    { indicator: 'victims_identified', jurisdiction: 'ES', year: 2022, value: 1_000 },
    { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2021, value: 60 },
    { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2022, value: 80 },
  ],
  assessments: [{ measure: 'national_action_plan', jurisdiction: 'PK-PB-GUJRAT', year: 2022, level: 2 }],
});

describe('GET /v1/scorecard over the reference dataset', () => {
  it('Gujrat’s scorecard has no pillar score built from framework items', async () => {
    await withTestApp({ seed: seedIfEmpty }, async (reference) => {
      const { body } = await getParsed(
        reference.app,
        '/v1/scorecard?jurisdiction=PK-PB-GUJRAT',
        ScorecardResponseSchema,
      );
      const framework = body.data.pillars.flatMap((p) => p.measures).filter((m) => m.framework !== null);
      expect(framework.length).toBeGreaterThan(0);
      expect(framework.every((m) => m.framework?.jurisdiction === 'PK' && m.score === null)).toBe(true);
      expect(
        framework.find((m) => m.measure === 'smuggling_trafficking_legal_distinction')?.framework,
      ).toMatchObject({
        level: 1,
        evidence: expect.stringContaining('PTPA') as unknown,
      });
      for (const pillar of body.data.pillars) {
        const own = pillar.measures.filter((m) => m.score !== null).length + pillar.coverage.indicatorsScored;
        expect(pillar.coverage.ownItems, pillar.pillar).toBe(own);
        expect(pillar.coverage.frameworkItems, pillar.pillar).toBe(
          pillar.measures.filter((m) => m.framework !== null).length,
        );
        if (own < 3) {
          expect(pillar.score, pillar.pillar).toBeNull();
          expect(pillar.reason, pillar.pillar).toMatch(/^Not scored: /);
        }
        expect(
          pillar.measureScore === null || pillar.measures.some((m) => m.score !== null),
          pillar.pillar,
        ).toBe(true);
      }
      const italy = await getParsed(reference.app, '/v1/scorecard?jurisdiction=IT', ScorecardResponseSchema);
      const italyMeasures = italy.body.data.pillars.flatMap((p) => p.measures);
      expect(italyMeasures.filter((m) => m.score !== null).length).toBeGreaterThan(0);
      expect(italyMeasures.every((m) => m.framework === null)).toBe(true);
    });
  });

  it('serves each seeded assessment with the passage that justifies it', async () => {
    await withTestApp({ seed: seedIfEmpty }, async (reference) => {
      const { body } = await getParsed(
        reference.app,
        '/v1/measures/victim_data_system',
        MeasureResponseSchema,
      );
      expect(body.data.jurisdictions.map((j) => [j.jurisdiction, j.latest.level])).toEqual([
        ['IT', 3],
        ['PK', 1],
      ]);
      expect(body.data.jurisdictions[1]?.latest.quote).toEqual({
        text: 'integrated national data system',
        locator: expect.stringContaining('TIP 2024 as reproduced') as unknown,
      });
    });
  });
});

describe('GET /v1/scorecard', () => {
  it('scores the four pillars for the latest year with data, with method, weights and coverage', async () => {
    const { body } = await getParsed(
      t.app,
      '/v1/scorecard?jurisdiction=PK-PB-GUJRAT',
      ScorecardResponseSchema,
    );
    expect(body.meta.availableYears).toEqual([2022, 2021]);
    expect(body.data).toMatchObject({ jurisdiction: 'PK-PB-GUJRAT', year: 2022, benchmarks: ['IT', 'ES'] });
    expect(body.data.method.length).toBeGreaterThan(50);
    expect(body.data.pillars.map((p) => p.pillar)).toEqual([
      'prevention',
      'protection',
      'prosecution',
      'partnership',
    ]);
    const protection = body.data.pillars.find((p) => p.pillar === 'protection');
    const victims = protection?.indicators.find((i) => i.indicator === 'victims_identified');
    expect(victims).toMatchObject({ score: null, basis: null });
    expect(victims?.reason).toMatch(/no absolute reference/);
    expect(protection?.sensitivity).toEqual({ indicatorsOnly: null, measuresOnly: null, equal: null });
    const prevention = body.data.pillars.find((p) => p.pillar === 'prevention');
    expect(prevention?.measures.find((m) => m.measure === 'national_action_plan')).toMatchObject({
      level: 2,
      score: 50,
      framework: null,
    });
    expect(prevention).toMatchObject({ score: null, coverage: { ownItems: 1 } });
  });

  it('shows the nearest ancestor’s assessment as the national framework, never scored', async () => {
    for (const assessment of [
      { measure: 'national_action_plan', jurisdiction: 'PK', year: 2021, level: 4 },
      { measure: 'victim_data_system', jurisdiction: 'PK', year: 2020, level: 1 },
      { measure: 'victim_data_system', jurisdiction: 'PK-PB', year: 2021, level: 3 },
      { measure: 'victim_data_system', jurisdiction: 'IT', year: 2021, level: 4 },
    ]) {
      await insertAssessment(t.db, assessment);
    }
    const { body } = await getParsed(
      t.app,
      '/v1/scorecard?jurisdiction=PK-PB-GUJRAT',
      ScorecardResponseSchema,
    );
    const measures = body.data.pillars.flatMap((p) => p.measures);
    expect(measures.find((m) => m.measure === 'national_action_plan')).toMatchObject({
      level: 2,
      framework: null,
    });
    expect(measures.find((m) => m.measure === 'victim_data_system')).toEqual({
      measure: 'victim_data_system',
      level: null,
      assessedYear: null,
      score: null,
      framework: {
        jurisdiction: 'PK-PB',
        level: 3,
        year: 2021,
        evidence: 'Evidence for victim_data_system in PK-PB 2021',
      },
    });
    const partnership = body.data.pillars.find((p) => p.pillar === 'partnership');
    expect(partnership).toMatchObject({ measureScore: null, coverage: { frameworkItems: 1 } });
    expect(body.data.method).toContain('never counted in the score');
  });

  it('scores an earlier year without later figures or assessments', async () => {
    const { body } = await getParsed(
      t.app,
      '/v1/scorecard?jurisdiction=PK-PB-GUJRAT&year=2021',
      ScorecardResponseSchema,
    );
    expect(body.data.year).toBe(2021);
    const prevention = body.data.pillars.find((p) => p.pillar === 'prevention');
    expect(prevention?.coverage.measuresAssessed).toBe(0);
  });

  it('rejects a malformed year with a 400 naming it', async () => {
    const problem = await readProblem(await t.app.request('/v1/scorecard?year=last'), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['year']);
    await readProblem(await t.app.request('/v1/scorecard?year=1850'), 400);
  });

  it('answers 404 for an unknown jurisdiction', async () => {
    const problem = await readProblem(await t.app.request('/v1/scorecard?jurisdiction=PK-SD'), 404);
    expect(problem.code).toBe('unknown_jurisdiction');
  });
});
