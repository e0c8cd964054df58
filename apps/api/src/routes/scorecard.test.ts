import { ScorecardResponseSchema } from '@fourp/domain';
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
  it('gives Gujrat measure-based pillar scores inherited from Pakistan', async () => {
    await withTestApp({ seed: seedIfEmpty }, async (reference) => {
      const { body } = await getParsed(
        reference.app,
        '/v1/scorecard?jurisdiction=PK-PB-GUJRAT',
        ScorecardResponseSchema,
      );
      for (const pillar of body.data.pillars) {
        expect(pillar.measureScore, pillar.pillar).not.toBeNull();
        expect(pillar.score, pillar.pillar).not.toBeNull();
        const assessed = pillar.measures.filter((m) => m.score !== null);
        expect(assessed.length, pillar.pillar).toBeGreaterThan(0);
        expect(assessed.every((m) => m.inheritedFrom === 'PK')).toBe(true);
      }
      const italy = await getParsed(reference.app, '/v1/scorecard?jurisdiction=IT', ScorecardResponseSchema);
      const italyMeasures = italy.body.data.pillars
        .flatMap((p) => p.measures)
        .filter((m) => m.score !== null);
      expect(italyMeasures.length).toBeGreaterThan(0);
      expect(italyMeasures.every((m) => m.inheritedFrom === null)).toBe(true);
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
    expect(victims?.score).not.toBeNull();
    expect(protection?.coverage.indicatorsScored).toBeGreaterThanOrEqual(1);
    const prevention = body.data.pillars.find((p) => p.pillar === 'prevention');
    expect(prevention?.measures.find((m) => m.measure === 'national_action_plan')).toMatchObject({
      level: 2,
      score: 50,
      inheritedFrom: null,
    });
  });

  it('uses the nearest ancestor’s assessment for a measure Gujrat has none of, marked inherited', async () => {
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
      inheritedFrom: null,
    });
    expect(measures.find((m) => m.measure === 'victim_data_system')).toEqual({
      measure: 'victim_data_system',
      level: 3,
      assessedYear: 2021,
      score: 75,
      inheritedFrom: 'PK-PB',
    });
    expect(body.data.method).toContain('marked as inherited; indicators are never inherited');
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
