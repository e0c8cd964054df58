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
    expect(lines[0]).toBe('id,kind,parent_id,name_en,name_ur,role,valid_from,valid_to,parents');
    expect(lines).toContain(
      'PK-PB-GUJRAT,district,PK-PB-GUJRAT-DIV,Gujrat District,ضلع گجرات,monitored,,,PK-PB-GUJRANWALA-DIV …/2022-08-16; PK-PB-GUJRAT-DIV 2022-08-17/…',
    );
  });

  const districtsOf = (nodes: readonly JurisdictionNode[]): string[] =>
    nodes.flatMap((n) => [...(n.kind === 'district' ? [n.id] : []), ...districtsOf(n.children)]);
  const treeOf = async (asOf: string) =>
    (await getParsed(t.app, `/v1/jurisdictions?asOf=${asOf}`, JurisdictionListResponseSchema)).body;

  it('answers the tree of 2021: 36 districts in nine divisions, Gujrat under Gujranwala Division', async () => {
    const body = await treeOf('2021');
    const punjab = find(body.data.tree, 'PK-PB');
    expect(punjab?.children.map((c) => c.id)).toHaveLength(9);
    expect(districtsOf(punjab?.children ?? [])).toHaveLength(36);
    expect(find(body.data.tree, 'PK-PB-GUJRANWALA-DIV')?.children.map((c) => c.id)).toEqual([
      'PK-PB-GUJRANWALA',
      'PK-PB-GUJRAT',
      'PK-PB-HAFIZABAD',
      'PK-PB-MANDI-BAHAUDDIN',
      'PK-PB-NAROWAL',
      'PK-PB-SIALKOT',
    ]);
    expect(find(body.data.tree, 'PK-PB-GUJRAT-DIV')).toBeUndefined();
    expect(find(body.data.tree, 'PK-PB-WAZIRABAD')).toBeUndefined();
    expect(body.meta.asOf).toBe(2021);
  });

  it('answers the tree of 2023 with every Punjab district, Gujrat Division holding three', async () => {
    const body = await treeOf('2023');
    const districts = districtsOf(find(body.data.tree, 'PK-PB')?.children ?? []);
    expect(districts).toHaveLength(36);
    expect(districts).toEqual(
      expect.arrayContaining(['PK-PB-LAHORE', 'PK-PB-GUJRAT', 'PK-PB-TOBA-TEK-SINGH']),
    );
    expect(districts).not.toContain('PK-PB-WAZIRABAD');
    expect(find(body.data.tree, 'PK-PB-GUJRAT-DIV')?.children.map((c) => c.id)).toEqual([
      'PK-PB-GUJRAT',
      'PK-PB-HAFIZABAD',
      'PK-PB-MANDI-BAHAUDDIN',
    ]);
    expect(find(body.data.tree, 'PK-PB-GUJRANWALA-DIV')?.children.map((c) => c.id)).toEqual([
      'PK-PB-GUJRANWALA',
      'PK-PB-NAROWAL',
      'PK-PB-SIALKOT',
    ]);
  });

  it('answers the tree of 2025: 41 districts in ten divisions, Wazirabad in Gujrat Division', async () => {
    const body = await treeOf('2025');
    const punjab = find(body.data.tree, 'PK-PB');
    expect(punjab?.children).toHaveLength(10);
    expect(districtsOf(punjab?.children ?? [])).toHaveLength(41);
    expect(find(body.data.tree, 'PK-PB-GUJRAT-DIV')?.children.map((c) => c.id)).toEqual([
      'PK-PB-GUJRAT',
      'PK-PB-HAFIZABAD',
      'PK-PB-MANDI-BAHAUDDIN',
      'PK-PB-WAZIRABAD',
    ]);
    const wazirabad = find(body.data.tree, 'PK-PB-WAZIRABAD');
    expect(wazirabad).toMatchObject({ validFrom: '2024-12-21', name: { ur: 'ضلع وزیر آباد' } });
    expect(wazirabad?.note).toContain('Lahore High Court');
  });

  it('places Wazirabad from the day of its notification, and names the FIA zone apart from any division', async () => {
    expect(find((await treeOf('2024-12-20')).data.tree, 'PK-PB-WAZIRABAD')).toBeUndefined();
    expect(find((await treeOf('2024-12-21')).data.tree, 'PK-PB-WAZIRABAD')?.parentId).toBe(
      'PK-PB-GUJRAT-DIV',
    );
    const zone = find((await treeOf('2025')).data.tree, 'PK-FIA-GUJRANWALA');
    expect(zone).toMatchObject({ kind: 'fia_zone', parentId: 'PK', children: [] });
  });

  it('rejects an asOf that is neither a year nor a date', async () => {
    const problem = await readProblem(await t.app.request('/v1/jurisdictions?asOf=last-year'), 400);
    expect(problem.errors?.[0]?.path).toBe('asOf');
  });

  it('rejects an unknown format with a 400 naming the parameter', async () => {
    const problem = await readProblem(await t.app.request('/v1/jurisdictions?format=yaml'), 400);
    expect(problem.errors?.[0]?.path).toBe('format');
  });

  it('answers 404 for an unknown sub-path', async () => {
    await readProblem(await t.app.request('/v1/jurisdictions/PK/children'), 404);
  });
});
