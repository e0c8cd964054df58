import { HealthResponseSchema } from '@fourp/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { observations } from '../db/schema.js';
import { getParsed, insertObservations, readProblem, useTestApp } from '../test-support/api.js';
import { createTestUser } from '../test-support/workflow.js';

const t = useTestApp({ deps: { now: () => new Date('2026-01-02T03:04:05Z') } });
const asAdmin = async () => (await createTestUser(t.db, 'admin', null)).bearer;

describe('GET /health', () => {
  it('tells anonymous callers and signed-in non-admins only that the service is up', async () => {
    await insertObservations(t.db, [
      { indicator: 'population', jurisdiction: 'ES', year: 2022, value: 47_615_034, workflowState: 'draft' },
    ]);
    const official = await createTestUser(t.db, 'district_official', 'PK-PB-GUJRAT');
    const reviewer = await createTestUser(t.db, 'provincial_reviewer', null);
    for (const headers of [{}, official.bearer, reviewer.bearer]) {
      const res = await t.app.request('/health', { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ data: { status: 'ok', time: '2026-01-02T03:04:05.000Z' } });
    }
  });

  it('reports to admins the database reachable with record counts, migrations and audit chain head, never cached', async () => {
    await insertObservations(t.db, [
      { indicator: 'population', jurisdiction: 'IT', year: 2022, value: 58_940_425 },
      { indicator: 'population', jurisdiction: 'ES', year: 2022, value: 47_615_034, workflowState: 'draft' },
    ]);
    const { res, body } = await getParsed(t.app, '/health', HealthResponseSchema, await asAdmin());
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body.data.status).toBe('ok');
    expect(body.data.time).toBe('2026-01-02T03:04:05.000Z');
    expect(body.data.database).toMatchObject({
      reachable: true,
      counts: { observations: 2, publishedObservations: 1, sources: 1 },
    });
    expect(body.data.migrations?.applied).toBeGreaterThan(0);
    expect(body.data.migrations?.latestAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(body.data.auditChain).toMatchObject({ entries: 1 });
    expect(body.data.auditChain?.headId).toBeGreaterThan(0);
    expect(body.data.auditChain?.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says when a published figure was last added or changed, ignoring drafts', async () => {
    const admin = await asAdmin();
    const empty = await getParsed(t.app, '/health', HealthResponseSchema, admin);
    expect(empty.body.data.lastUpdated).toBeNull();
    const [older, newer, draft] = await insertObservations(t.db, [
      { indicator: 'population', jurisdiction: 'IT', year: 2022, value: 58_940_425 },
      { indicator: 'population', jurisdiction: 'ES', year: 2022, value: 47_615_034 },
      { indicator: 'population', jurisdiction: 'PK', year: 2022, value: 1, workflowState: 'draft' },
    ]);
    const stamp = (id: number | undefined, createdAt: string, updatedAt: string) =>
      t.db.update(observations).set({ createdAt, updatedAt }).where(eq(observations.id, id!));
    await stamp(older, '2025-01-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z');
    await stamp(newer, '2025-02-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z');
    await stamp(draft, '2025-09-01T00:00:00.000Z', '2025-09-01T00:00:00.000Z');
    const { body } = await getParsed(t.app, '/health', HealthResponseSchema, admin);
    expect(body.data.lastUpdated).toBe('2025-03-01T00:00:00.000Z');
  });

  it('rejects an unknown format with a 400 naming the parameter', async () => {
    const problem = await readProblem(await t.app.request('/health?format=csv'), 400);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((e) => e.path)).toEqual(['format']);
  });

  it('answers 404 for a path below it', async () => {
    const problem = await readProblem(await t.app.request('/health/details'), 404);
    expect(problem.code).toBe('route_not_found');
  });

  it('answers 503 when the database cannot be read', async () => {
    t.close();
    const problem = await readProblem(await t.app.request('/health'), 503);
    expect(problem.code).toBe('service_unavailable');
  });
});
