import { IndicatorDetailResponseSchema, IndicatorListResponseSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { getParsed, insertObservations, readProblem, useTestApp } from '../test-support/api.js';

const t = useTestApp();

describe('GET /v1/indicators', () => {
  it('lists the catalogue, filtered by pillar', async () => {
    const all = await getParsed(t.app, '/v1/indicators', IndicatorListResponseSchema);
    expect(all.body.data.map((i) => i.id)).toEqual(
      expect.arrayContaining(['population', 'victims_identified']),
    );
    const { body } = await getParsed(t.app, '/v1/indicators?pillar=prosecution', IndicatorListResponseSchema);
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((i) => i.pillar === 'prosecution')).toBe(true);
    expect(body.meta.count).toBe(body.data.length);
    expect(body.data.length).toBeLessThan(all.body.data.length);
  });

  it('serves CSV with one quoted row per indicator', async () => {
    const res = await t.app.request('/v1/indicators?pillar=protection&format=csv');
    const text = await res.text();
    const json = await getParsed(t.app, '/v1/indicators?pillar=protection', IndicatorListResponseSchema);
    expect(text.split('\r\n')[0]).toMatch(/^id,pillar,name,measure_type,unit,direction,per_capita,/);
    const rates = text.split('\r\n').find((line) => line.startsWith('victims_identified_per_100k,'));
    expect(rates).toContain('victims_identified / population × 100000');
    expect(text).toMatch(/,"[^"]*,[^"]*"/);
    expect(text.trimEnd().split('\r\n')).toHaveLength(json.body.data.length + 1);
  });

  it('rejects an unknown pillar with a 400 naming the parameter', async () => {
    const problem = await readProblem(await t.app.request('/v1/indicators?pillar=punishment'), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['pillar']);
  });
});

describe('GET /v1/indicators/:id', () => {
  it('returns definition, variants, crosswalks and which places and years have data', async () => {
    await insertObservations(t.db, [
      { indicator: 'persons_convicted', jurisdiction: 'IT', year: 2021, value: 120 },
      { indicator: 'persons_convicted', jurisdiction: 'IT', year: 2022, value: 140 },
      {
        indicator: 'persons_convicted',
        jurisdiction: 'PK',
        year: 2022,
        value: 90,
        definition: 'thb_and_smuggling',
      },
      { indicator: 'persons_convicted', jurisdiction: 'ES', year: 2022, value: 50, workflowState: 'draft' },
    ]);
    const { body } = await getParsed(
      t.app,
      '/v1/indicators/persons_convicted',
      IndicatorDetailResponseSchema,
    );
    expect(body.data).toMatchObject({ id: 'persons_convicted', pillar: 'prosecution', derived: false });
    expect(body.data.definition.length).toBeGreaterThan(20);
    expect(body.data.variants.map((v) => v.id)).toContain('thb_and_smuggling');
    expect(body.data.coverage).toEqual([
      { jurisdiction: 'IT', years: [2021, 2022], observations: 2 },
      { jurisdiction: 'PK', years: [2022], observations: 1 },
    ]);
  });

  it('marks a formula indicator as derived, covered where numerator and denominator both are', async () => {
    await insertObservations(t.db, [
      { indicator: 'victims_identified', jurisdiction: 'IT', year: 2022, value: 2062 },
      { indicator: 'victims_identified', jurisdiction: 'IT', year: 2023, value: 2100 },
      { indicator: 'population', jurisdiction: 'IT', year: 2022, value: 58_940_425 },
    ]);
    const { body } = await getParsed(
      t.app,
      '/v1/indicators/victims_identified_per_100k',
      IndicatorDetailResponseSchema,
    );
    expect(body.data.derived).toBe(true);
    expect(body.data.formula).toEqual({
      numerator: 'victims_identified',
      denominator: 'population',
      factor: 100000,
    });
    expect(body.data.coverage).toEqual([{ jurisdiction: 'IT', years: [2022], observations: 0 }]);
  });

  it('rejects a malformed id with a 400 naming it', async () => {
    const problem = await readProblem(await t.app.request('/v1/indicators/Victims-Identified'), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['id']);
  });

  it('answers 404 for an unknown indicator', async () => {
    const problem = await readProblem(await t.app.request('/v1/indicators/victims_rescued'), 404);
    expect(problem).toMatchObject({ code: 'unknown_indicator', title: 'Unknown indicator' });
    expect(problem.detail).toContain('victims_rescued');
  });
});
