import { SourceResponseSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { getParsed, insertObservations, readProblem, useTestApp } from '../test-support/api.js';

const t = useTestApp();

describe('GET /v1/sources/:id', () => {
  it('returns the source with the published figures it backs', async () => {
    await insertObservations(t.db, [
      {
        indicator: 'persons_convicted',
        jurisdiction: 'IT',
        year: 2022,
        value: 140,
        sourceTitle: 'Relazione',
      },
      {
        indicator: 'persons_convicted',
        jurisdiction: 'IT',
        year: 2023,
        value: 150,
        sourceTitle: 'Relazione',
      },
      {
        indicator: 'persons_convicted',
        jurisdiction: 'IT',
        year: 2024,
        value: 9,
        sourceTitle: 'Relazione',
        workflowState: 'draft',
      },
      { indicator: 'persons_convicted', jurisdiction: 'ES', year: 2023, value: 50, sourceTitle: 'Balance' },
    ]);
    const { res, body } = await getParsed(t.app, '/v1/sources/1', SourceResponseSchema);
    expect(res.status).toBe(200);
    expect(body.data).toMatchObject({
      id: 1,
      title: 'Relazione',
      publisher: 'Test publisher',
      kind: 'primary',
    });
    expect(body.data.observationCount).toBe(2);
    expect(body.data.observations.map((o) => o.year)).toEqual([2022, 2023]);
  });

  it('rejects a non-numeric id with a 400 naming it', async () => {
    const problem = await readProblem(await t.app.request('/v1/sources/abc'), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['id']);
  });

  it('answers 404 for an unknown source', async () => {
    const problem = await readProblem(await t.app.request('/v1/sources/999'), 404);
    expect(problem.code).toBe('unknown_source');
  });
});
