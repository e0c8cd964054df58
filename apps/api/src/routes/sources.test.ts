import { SourceListResponseSchema, SourceResponseSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { getParsed, insertObservations, insertSource, readProblem, useTestApp } from '../test-support/api.js';
import { createTestUser } from '../test-support/workflow.js';

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

describe('GET /v1/sources', () => {
  const seed = async () => {
    await insertObservations(t.db, [
      {
        indicator: 'persons_convicted',
        jurisdiction: 'IT',
        year: 2022,
        value: 140,
        sourceTitle: 'relazione',
      },
      {
        indicator: 'persons_convicted',
        jurisdiction: 'IT',
        year: 2023,
        value: 150,
        sourceTitle: 'relazione',
      },
      { indicator: 'persons_convicted', jurisdiction: 'ES', year: 2023, value: 50, sourceTitle: 'Balance' },
      {
        indicator: 'persons_convicted',
        jurisdiction: 'ES',
        year: 2024,
        value: 9,
        sourceTitle: 'Balance',
        workflowState: 'draft',
      },
    ]);
    await insertSource(t.db, 'Zeta report 100% complete');
    return (await createTestUser(t.db, 'admin', null)).bearer;
  };

  it('lists every source by title, ignoring case, with the published figures it backs, and serves CSV', async () => {
    const admin = await seed();
    const { res, body } = await getParsed(t.app, '/v1/sources', SourceListResponseSchema, admin);
    expect(res.status).toBe(200);
    expect(body.data.map((s) => [s.title, s.observationCount])).toEqual([
      ['Balance', 1],
      ['relazione', 2],
      ['Zeta report 100% complete', 0],
    ]);
    expect(body.data[0]).toMatchObject({ publisher: 'Test publisher', year: 2024, locator: 'p. 1' });
    expect(body.meta).toEqual({ count: 3, total: 3 });

    const csv = await (await t.app.request('/v1/sources?format=csv', { headers: admin })).text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,title,publisher,year,locator,kind,observation_count');
    expect(lines).toContain('1,relazione,Test publisher,2024,p. 1,primary,2');
    expect(lines).toHaveLength(4);
  });

  it('finds text case-insensitively, takes % literally, and limits the list', async () => {
    const admin = await seed();
    const titles = async (query: string) =>
      (await getParsed(t.app, `/v1/sources?${query}`, SourceListResponseSchema, admin)).body;
    expect((await titles('q=RELAZ')).data.map((s) => s.title)).toEqual(['relazione']);
    expect((await titles('q=test%20PUBLISHER')).meta.total).toBe(3);
    expect((await titles(`q=${encodeURIComponent('100%')}`)).data.map((s) => s.title)).toEqual([
      'Zeta report 100% complete',
    ]);
    expect((await titles(`q=${encodeURIComponent('0%c')}`)).data).toEqual([]);
    const limited = await titles('limit=2');
    expect(limited.data.map((s) => s.title)).toEqual(['Balance', 'relazione']);
    expect(limited.meta).toEqual({ count: 2, total: 3 });
  });

  it('shows visitors, donors and researchers only the sources that back a published figure', async () => {
    const admin = await seed();
    await insertObservations(t.db, [
      {
        indicator: 'persons_convicted',
        jurisdiction: 'IT',
        year: 2024,
        value: 7,
        sourceTitle: 'Draft-only report',
        workflowState: 'submitted',
      },
    ]);
    const reviewer = (await createTestUser(t.db, 'provincial_reviewer', null, 'reviewer')).bearer;
    const donor = (await createTestUser(t.db, 'donor', null, 'donor')).bearer;
    for (const headers of [{}, donor]) {
      const { body } = await getParsed(t.app, '/v1/sources?limit=500', SourceListResponseSchema, headers);
      expect(body.data.map((s) => s.title)).toEqual(['Balance', 'relazione']);
      expect(body.meta).toEqual({ count: 2, total: 2 });
      const csv = await (await t.app.request('/v1/sources?format=csv', { headers })).text();
      expect(csv).not.toMatch(/Draft-only|Zeta/);
    }
    const hidden = (await getParsed(t.app, '/v1/sources?q=draft-only', SourceListResponseSchema, {})).body;
    expect(hidden.meta.total).toBe(0);
    const zeta = (await getParsed(t.app, '/v1/sources?q=zeta', SourceListResponseSchema, {})).body;
    expect(zeta.data).toEqual([]);
    const all = await getParsed(t.app, '/v1/sources?q=zeta', SourceListResponseSchema, admin);
    expect(all.res.headers.get('cache-control')).toBe('private, no-store');
    const zetaId = all.body.data[0]!.id;
    await readProblem(await t.app.request(`/v1/sources/${zetaId}`), 404);
    await readProblem(await t.app.request(`/v1/sources/${zetaId}`, { headers: donor }), 404);
    expect((await t.app.request(`/v1/sources/${zetaId}`, { headers: admin })).status).toBe(200);
    const entered = await getParsed(t.app, '/v1/sources?limit=500', SourceListResponseSchema, reviewer);
    expect(entered.body.data.map((s) => s.title)).toContain('Draft-only report');
    expect(entered.res.headers.get('cache-control')).toBe('private, no-store');
    expect((await t.app.request(`/v1/sources/${zetaId}`, { headers: reviewer })).status).toBe(200);
  });

  it('answers an empty list when nothing matches', async () => {
    await seed();
    const { res, body } = await getParsed(t.app, '/v1/sources?q=nowhere', SourceListResponseSchema);
    expect(res.status).toBe(200);
    expect(body).toEqual({ data: [], meta: { count: 0, total: 0 } });
  });

  it('rejects a limit out of range and an unknown format with a 400 naming each', async () => {
    const problem = await readProblem(await t.app.request('/v1/sources?limit=0&format=pdf'), 400);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['format', 'limit']);
    const tooMany = await readProblem(await t.app.request('/v1/sources?limit=501'), 400);
    expect(tooMany.errors?.map((e) => e.path)).toEqual(['limit']);
  });
});
