import { MeasureListResponseSchema, MeasureResponseSchema, POLICY_MEASURES } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { getParsed, readProblem, useTestApp } from '../test-support/api.js';

const t = useTestApp({
  assessments: [
    { measure: 'national_action_plan', jurisdiction: 'PK', year: 2020, level: 1 },
    { measure: 'national_action_plan', jurisdiction: 'PK', year: 2023, level: 3 },
    { measure: 'national_action_plan', jurisdiction: 'IT', year: 2022, level: 4 },
  ],
});

describe('GET /v1/measures', () => {
  it('lists every measure with levels over time, and the rubric', async () => {
    const { body } = await getParsed(t.app, '/v1/measures', MeasureListResponseSchema);
    expect(body.data.map((m) => m.id)).toEqual(POLICY_MEASURES.map((m) => m.id));
    expect(body.meta.rubric.map((r) => r.level)).toEqual([0, 1, 2, 3, 4]);
    const plan = body.data.find((m) => m.id === 'national_action_plan');
    const pakistan = plan?.jurisdictions.find((j) => j.jurisdiction === 'PK');
    expect(pakistan?.latest).toMatchObject({ year: 2023, level: 3, source: { title: 'Assessment source' } });
    expect(pakistan?.history.map((a) => [a.year, a.level])).toEqual([
      [2020, 1],
      [2023, 3],
    ]);
  });

  it('filters by pillar and serves CSV', async () => {
    const { body } = await getParsed(t.app, '/v1/measures?pillar=prevention', MeasureListResponseSchema);
    expect(body.data.every((m) => m.pillar === 'prevention')).toBe(true);
    const lines = (await (await t.app.request('/v1/measures?pillar=prevention&format=csv')).text())
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,pillar,name,model,model_countries,thesis_ref,related_indicators,latest_levels,description',
    );
    expect(lines).toHaveLength(body.data.length + 1);
    expect(lines.find((line) => line.startsWith('national_action_plan,'))).toContain(
      'IT=4 (2022); PK=3 (2023)',
    );
  });

  it('rejects an unknown pillar with a 400 naming the parameter', async () => {
    const problem = await readProblem(await t.app.request('/v1/measures?pillar=context'), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['pillar']);
  });
});

describe('GET /v1/measures/:id', () => {
  it('returns one measure with its assessments, evidence and source', async () => {
    const { body } = await getParsed(t.app, '/v1/measures/national_action_plan', MeasureResponseSchema);
    expect(body.data.id).toBe('national_action_plan');
    expect(body.data.jurisdictions.map((j) => j.jurisdiction)).toEqual(['IT', 'PK']);
    expect(body.data.jurisdictions[0]?.latest.evidence).toContain('national_action_plan');
    expect(body.meta.rubric).toHaveLength(5);
  });

  it('rejects a malformed id with a 400 naming it', async () => {
    const problem = await readProblem(await t.app.request('/v1/measures/National-Plan'), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['id']);
  });

  it('answers 404 for an unknown measure', async () => {
    const problem = await readProblem(await t.app.request('/v1/measures/free_lunches'), 404);
    expect(problem.code).toBe('unknown_measure');
  });
});
