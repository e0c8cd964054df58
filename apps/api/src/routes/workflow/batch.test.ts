import {
  BATCH_TRANSITION_LIMIT,
  BatchTransitionResponseSchema,
  ObservationListResponseSchema,
  WorkflowObservationResponseSchema,
} from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { readProblem } from '../../test-support/api.js';
import { gujratFigure, json, tableCounts, useWorkflowTestApp } from '../../test-support/workflow.js';

const t = useWorkflowTestApp();

const drafted = async (year: number) => {
  const res = await t.app.request(
    '/v1/observations',
    json(t.official.bearer, gujratFigure({ year, value: 40 + year - 2000 })),
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return WorkflowObservationResponseSchema.parse(await res.json()).data.id;
};
const submitted = async (year: number) => {
  const id = await drafted(year);
  expect((await t.app.request(`/v1/observations/${id}/submit`, json(t.official.bearer, {}))).status).toBe(
    200,
  );
  return id;
};
const batch = (who: Record<string, string>, body: unknown) =>
  t.app.request('/v1/observations/transitions', json(who, body));
const publicIds = async () =>
  ObservationListResponseSchema.parse(
    await (
      await t.app.request('/v1/observations?indicator=victims_identified&jurisdiction=PK-PB-GUJRAT')
    ).json(),
  ).data.map((o) => o.id);

describe('POST /v1/observations/transitions', () => {
  it('approves and then publishes several figures at once, each with its own audit entry', async () => {
    const ids = [await submitted(2001), await submitted(2002), await submitted(2003)];
    const approved = await batch(t.reviewer.bearer, { event: 'approve', ids });
    expect(approved.status, await approved.clone().text()).toBe(200);
    expect(
      BatchTransitionResponseSchema.parse(await approved.json()).data.map((o) => o.workflowState),
    ).toEqual(['approved', 'approved', 'approved']);
    const published = BatchTransitionResponseSchema.parse(
      await (await batch(t.reviewer2.bearer, { event: 'publish', ids })).json(),
    );
    expect(published.meta.count).toBe(3);
    expect(await publicIds()).toEqual(expect.arrayContaining(ids));
    const audit = t.db.$client
      .prepare(`SELECT entity_id, action FROM audit_log WHERE action = 'observation.publish' ORDER BY id`)
      .all() as { entity_id: number; action: string }[];
    expect(audit.map((a) => Number(a.entity_id))).toEqual(expect.arrayContaining(ids));
  });

  it('moves none when one figure may not move, and names that figure', async () => {
    const ids = [await submitted(2004), await submitted(2005)];
    const before = await tableCounts(t.db);
    const problem = await readProblem(await batch(t.official.bearer, { event: 'approve', ids }), 403);
    expect(problem.detail).toContain(`Figure ${ids[0]}`);
    expect(problem.detail).toContain('Nothing was changed');

    const draftId = await drafted(2006);
    const afterDraft = await tableCounts(t.db);
    const conflict = await readProblem(
      await batch(t.reviewer.bearer, { event: 'approve', ids: [...ids, draftId] }),
      409,
    );
    expect(conflict.detail).toContain(`Figure ${draftId}`);
    expect(conflict.errors).toEqual([expect.objectContaining({ path: 'ids.2' })]);
    expect(await tableCounts(t.db)).toEqual(afterDraft);
    expect(afterDraft.observations).toBe(before.observations! + 1);
    const states = t.db.$client
      .prepare(`SELECT workflow_state FROM observations WHERE id IN (${ids.join(',')})`)
      .all() as { workflow_state: string }[];
    expect(states.map((s) => s.workflow_state)).toEqual(['submitted', 'submitted']);
  });

  it(`refuses more than ${BATCH_TRANSITION_LIMIT} figures, an unknown step and an empty list`, async () => {
    const ids = Array.from({ length: BATCH_TRANSITION_LIMIT + 1 }, (_, i) => i + 1);
    const tooMany = await readProblem(await batch(t.reviewer.bearer, { event: 'publish', ids }), 400);
    expect(tooMany.errors?.map((e) => e.path)).toContain('ids');
    const edit = await readProblem(await batch(t.reviewer.bearer, { event: 'edit', ids: [1] }), 400);
    expect(edit.errors?.map((e) => e.path)).toContain('event');
    await readProblem(await batch(t.reviewer.bearer, { event: 'publish', ids: [] }), 400);
    await readProblem(await batch({}, { event: 'publish', ids: [1] }), 401);
  });
});
