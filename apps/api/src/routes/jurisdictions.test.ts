import { JurisdictionListResponseSchema, type JurisdictionNode } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { getParsed, readProblem, useTestApp } from '../test-support/api.js';

const t = useTestApp();

const find = (nodes: readonly JurisdictionNode[], id: string): JurisdictionNode | undefined =>
  nodes.map((n) => (n.id === id ? n : find(n.children, id))).find((n) => n !== undefined);

describe('GET /v1/jurisdictions', () => {
  it('returns the tree with Gujrat and its tehsils under Punjab, plus the flat list', async () => {
    const { res, body } = await getParsed(t.app, '/v1/jurisdictions', JurisdictionListResponseSchema);
    expect(res.status).toBe(200);
    expect(body.data.tree.map((j) => j.id)).toEqual(expect.arrayContaining(['PK', 'IT', 'ES']));
    const punjab = find(body.data.tree, 'PK-PB');
    expect(find(punjab?.children ?? [], 'PK-PB-GUJRAT')?.children.map((c) => c.id)).toEqual([
      'PK-PB-GUJRAT-GUJRAT',
      'PK-PB-GUJRAT-KHARIAN',
      'PK-PB-GUJRAT-SARAI-ALAMGIR',
      'PK-PB-GUJRAT-JALALPUR-JATTAN',
    ]);
    const ids = body.data.items.map((j) => j.id);
    expect(ids.indexOf('PK')).toBeLessThan(ids.indexOf('PK-PB-GUJRAT'));
    expect(body.meta.count).toBe(body.data.items.length);
  });

  it('serves the flat list as CSV', async () => {
    const res = await t.app.request('/v1/jurisdictions?format=csv');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,kind,parent_id,name_en,name_ur,role');
    expect(lines).toContain('PK-PB-GUJRAT,district,PK-PB-GUJRANWALA-DIV,Gujrat District,ضلع گجرات,monitored');
  });

  it('rejects an unknown format with a 400 naming the parameter', async () => {
    const problem = await readProblem(await t.app.request('/v1/jurisdictions?format=yaml'), 400);
    expect(problem.errors?.[0]?.path).toBe('format');
  });

  it('answers 404 for an unknown sub-path', async () => {
    await readProblem(await t.app.request('/v1/jurisdictions/PK/children'), 404);
  });
});
