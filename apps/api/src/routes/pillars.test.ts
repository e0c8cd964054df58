import { PillarListResponseSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { getParsed, readProblem, useTestApp } from '../test-support/api.js';

const t = useTestApp();

describe('GET /v1/pillars', () => {
  it('lists the four scored pillars and context with their catalogue counts', async () => {
    const { res, body } = await getParsed(t.app, '/v1/pillars', PillarListResponseSchema);
    expect(res.status).toBe(200);
    expect(body.data.map((p) => p.id)).toEqual([
      'prevention',
      'protection',
      'prosecution',
      'partnership',
      'context',
    ]);
    expect(body.data.filter((p) => p.scored).map((p) => p.id)).not.toContain('context');
    expect(body.data.find((p) => p.id === 'protection')?.indicatorCount).toBeGreaterThan(0);
    expect(body.meta.count).toBe(5);
  });

  it('serves CSV with a header row and one row per pillar', async () => {
    const res = await t.app.request('/v1/pillars', { headers: { Accept: 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,name,scored,thesis_section,indicator_count,measure_count,description');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([
      'prevention',
      'protection',
      'prosecution',
      'partnership',
      'context',
    ]);
  });

  it('rejects an unknown format with a 400 naming the parameter', async () => {
    const problem = await readProblem(await t.app.request('/v1/pillars?format=xml'), 400);
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'format' })]);
  });

  it('answers 404 for a pillar path that does not exist', async () => {
    const problem = await readProblem(await t.app.request('/v1/pillars/prevention'), 404);
    expect(problem.code).toBe('route_not_found');
  });
});
