import {
  ObservationHistoryResponseSchema,
  ObservationListResponseSchema,
  ReviewQueueResponseSchema,
  WorkflowObservationResponseSchema,
} from '@fourp/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readProblem } from '../../test-support/api.js';
import { gujratFigure, json, tableCounts, useWorkflowTestApp } from '../../test-support/workflow.js';

const t = useWorkflowTestApp();

const post = (overrides: Record<string, unknown> = {}) =>
  t.app.request('/v1/observations', json(t.official.bearer, gujratFigure(overrides)));
const create = async (overrides: Record<string, unknown> = {}) => {
  const res = await post(overrides);
  expect(res.status, await res.clone().text()).toBe(201);
  return WorkflowObservationResponseSchema.parse(await res.json()).data;
};
/** A figure the API refuses with 400, as a problem. */
const refused = async (overrides: Record<string, unknown>) => readProblem(await post(overrides), 400);
const act = (id: number, action: string, who: Record<string, string>, body: unknown = {}) =>
  t.app.request(`/v1/observations/${id}/${action}`, json(who, body));

describe('officials workflow', () => {
  it('takes a figure from draft to published, visible to anonymous readers only at the end', async () => {
    const draft = await create({ year: 2019, value: 12 });
    expect(draft).toMatchObject({ workflowState: 'draft', locked: false, createdBy: t.official.id });
    const publicList = async () =>
      ObservationListResponseSchema.parse(
        await (
          await t.app.request('/v1/observations?indicator=victims_identified&jurisdiction=PK-PB-GUJRAT')
        ).json(),
      ).data.map((o) => o.id);
    expect(await publicList()).not.toContain(draft.id);

    expect((await act(draft.id, 'submit', t.official.bearer)).status).toBe(200);
    const approved = await act(draft.id, 'approve', t.reviewer.bearer);
    expect(WorkflowObservationResponseSchema.parse(await approved.json()).data).toMatchObject({
      workflowState: 'approved',
      locked: true,
    });
    expect(await publicList()).not.toContain(draft.id);
    expect((await act(draft.id, 'publish', t.reviewer2.bearer)).status).toBe(200);
    expect(await publicList()).toContain(draft.id);

    const history = await t.app.request(`/v1/observations/${draft.id}/history`, { headers: t.donor.bearer });
    const { data } = ObservationHistoryResponseSchema.parse(await history.json());
    expect(data.steps.map((s) => [s.event, s.to, s.actorEmail])).toEqual([
      ['create', 'draft', t.official.email],
      ['submit', 'submitted', t.official.email],
      ['approve', 'approved', t.reviewer.email],
      ['publish', 'published', t.reviewer2.email],
    ]);
  });

  it('refuses approval by the person who submitted', async () => {
    const draft = await t.app.request(
      '/v1/observations',
      json(t.reviewer.bearer, gujratFigure({ year: 2018, value: 10 })),
    );
    const { id } = WorkflowObservationResponseSchema.parse(await draft.json()).data;
    expect((await act(id, 'submit', t.reviewer.bearer)).status).toBe(200);
    const before = await tableCounts(t.db);
    const problem = await readProblem(await act(id, 'approve', t.reviewer.bearer), 403);
    expect(problem.detail).toMatch(/someone other than/);
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await act(id, 'approve', t.reviewer2.bearer)).status).toBe(200);
  });

  it('refuses approval by the person who entered the figure, even when someone else submitted it', async () => {
    const draft = await t.app.request(
      '/v1/observations',
      json(t.reviewer.bearer, gujratFigure({ year: 1990, value: 10 })),
    );
    const { id } = WorkflowObservationResponseSchema.parse(await draft.json()).data;
    expect((await act(id, 'submit', t.official.bearer)).status).toBe(200);
    const before = await tableCounts(t.db);
    const problem = await readProblem(await act(id, 'approve', t.reviewer.bearer), 403);
    expect(problem.detail).toMatch(/someone other than/);
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await act(id, 'approve', t.reviewer2.bearer)).status).toBe(200);
  });

  it('refuses approval by the person who last changed the figure', async () => {
    const draft = await create({ year: 1992, value: 10 });
    const corrected = await t.app.request(
      `/v1/observations/${draft.id}`,
      json(t.reviewer.bearer, { value: 12 }, 'PATCH'),
    );
    expect(corrected.status).toBe(200);
    expect((await act(draft.id, 'submit', t.official.bearer)).status).toBe(200);
    await readProblem(await act(draft.id, 'approve', t.reviewer.bearer), 403);
    expect((await act(draft.id, 'approve', t.reviewer2.bearer)).status).toBe(200);
  });

  it('needs a reason to reject, and sends the figure back to be corrected and resubmitted', async () => {
    const draft = await create({ year: 2017, value: 9 });
    await act(draft.id, 'submit', t.official.bearer);
    const before = await tableCounts(t.db);
    const problem = await readProblem(await act(draft.id, 'reject', t.reviewer.bearer), 400);
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect(await tableCounts(t.db)).toEqual(before);

    expect(
      (
        await act(draft.id, 'reject', t.reviewer.bearer, {
          reason: 'The year is the reporting year, not the reference year',
        })
      ).status,
    ).toBe(200);
    const corrected = await t.app.request(
      `/v1/observations/${draft.id}`,
      json(t.official.bearer, { value: 11 }, 'PATCH'),
    );
    expect(WorkflowObservationResponseSchema.parse(await corrected.json()).data).toMatchObject({
      value: 11,
      workflowState: 'rejected',
    });
    expect((await act(draft.id, 'submit', t.official.bearer)).status).toBe(200);

    const { data } = ObservationHistoryResponseSchema.parse(
      await (
        await t.app.request(`/v1/observations/${draft.id}/history`, { headers: t.reviewer.bearer })
      ).json(),
    );
    expect(data.steps.map((s) => s.event)).toEqual(['create', 'submit', 'reject', 'edit', 'submit']);
    expect(data.steps[2]!.reason).toMatch(/reporting year/);
    expect(data.revisions).toEqual([expect.objectContaining({ previousValue: 9, newValue: 11 })]);
  });

  it('locks approved figures until a reviewer unlocks them with a reason; the correction keeps the old value', async () => {
    const draft = await create({ year: 2016, value: 8 });
    await act(draft.id, 'submit', t.official.bearer);
    await act(draft.id, 'approve', t.reviewer.bearer);
    const patch = () =>
      t.app.request(
        `/v1/observations/${draft.id}`,
        json(t.official.bearer, { value: 7, reason: 'typo in the report' }, 'PATCH'),
      );
    await readProblem(await patch(), 409);
    await readProblem(await act(draft.id, 'unlock', t.reviewer.bearer), 400);
    await readProblem(
      await act(draft.id, 'unlock', t.official.bearer, { reason: 'typo in the report' }),
      403,
    );
    expect((await act(draft.id, 'unlock', t.reviewer.bearer, { reason: 'typo in the report' })).status).toBe(
      200,
    );
    const corrected = await patch();
    expect(WorkflowObservationResponseSchema.parse(await corrected.json()).data).toMatchObject({
      value: 7,
      workflowState: 'draft',
      locked: false,
    });
    const { data } = ObservationHistoryResponseSchema.parse(
      await (await t.app.request(`/v1/observations/${draft.id}/history`, { headers: t.admin.bearer })).json(),
    );
    expect(data.revisions.map((r) => [r.previousValue, r.newValue, r.reason])).toEqual([
      [8, 7, 'typo in the report'],
    ]);
    expect(data.audit.find((a) => a.action === 'observation.unlock')?.reason).toBe('typo in the report');
  });

  it('says who made each revision, and names the previous source only when it changed', async () => {
    const draft = await create({ year: 2012, value: 6 });
    const patch = (body: Record<string, unknown>) =>
      t.app.request(`/v1/observations/${draft.id}`, json(t.official.bearer, body, 'PATCH'));
    expect((await patch({ value: 7, comment: 'A late return from one station' })).status).toBe(200);
    const newSource = { title: 'Corrected district return', publisher: 'Punjab Police, Gujrat', year: 2024 };
    expect((await patch({ value: 8, source: newSource, comment: 'The corrected return' })).status).toBe(200);
    const { data } = ObservationHistoryResponseSchema.parse(
      await (await t.app.request(`/v1/observations/${draft.id}/history`, { headers: t.admin.bearer })).json(),
    );
    expect(data.observation.source.title).toBe(newSource.title);
    expect(data.revisions).toEqual([
      expect.objectContaining({
        previousValue: 6,
        newValue: 7,
        previousSourceId: null,
        previousSourceTitle: null,
      }),
      expect.objectContaining({
        previousValue: 7,
        newValue: 8,
        previousSourceId: draft.source.id,
        previousSourceTitle: draft.source.title,
      }),
    ]);
    for (const revision of data.revisions) {
      expect(revision.revisedBy).toEqual({ id: t.official.id, email: t.official.email, displayName: null });
    }
  });

  it('gives reviewers the previous year’s published value and the outlier warning with each figure', async () => {
    const earlier = await create({ year: 2010, value: 20, definition: 'registered_victims' });
    await act(earlier.id, 'submit', t.official.bearer);
    await act(earlier.id, 'approve', t.reviewer.bearer);
    await act(earlier.id, 'publish', t.reviewer.bearer);
    const unpublished = await create({
      year: 2010,
      value: 900,
      definition: 'registered_victims',
      source: { title: 'A draft from another office', publisher: 'Tehsil office' },
      comment: 'Counts every screening, not only victims',
    });
    const jump = await create({
      year: 2011,
      value: 90,
      definition: 'registered_victims',
      comment: 'A new screening desk at the airport',
    });
    const steady = await create({
      year: 2011,
      value: 21,
      definition: 'registered_victims',
      disaggregation: { sex: 'female' },
    });
    const span = await create({ year: 2010, yearEnd: 2011, value: 95, definition: 'registered_victims' });
    for (const f of [jump, steady, span]) await act(f.id, 'submit', t.official.bearer);
    const res = await t.app.request('/v1/reviews?state=submitted', { headers: t.reviewer.bearer });
    const queue = ReviewQueueResponseSchema.parse(await res.json()).data;
    const item = (id: number) => queue.find((o) => o.id === id)!;
    expect(item(jump.id).previous).toEqual({
      observationId: earlier.id,
      year: 2010,
      value: 20,
      source: expect.objectContaining({ id: earlier.source.id, title: earlier.source.title }),
    });
    expect(item(jump.id).warnings).toEqual([
      { path: 'value', message: expect.stringMatching(/4\.5 times the previous year's 20/) },
    ]);
    expect(item(steady.id)).toMatchObject({ previous: null, warnings: [] });
    expect(item(span.id)).toMatchObject({ previous: null, warnings: [] });
    expect(unpublished.workflowState).toBe('draft');
  });

  it('asks for a comment when a value is three times the previous year, and keeps it in the audit', async () => {
    await create({ year: 2014, value: 10 });
    const before = await tableCounts(t.db);
    const problem = await refused({ year: 2015, value: 40 });
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'comment' })]);
    expect(await tableCounts(t.db)).toEqual(before);
    const saved = await create({
      year: 2015,
      value: 40,
      comment: 'A new anti-trafficking unit started screening at the airport',
    });
    expect(saved.value).toBe(40);
  });

  it('keeps a multi-year total apart with its span and what the source printed', async () => {
    const before = await tableCounts(t.db);
    const backwards = await refused({ year: 2020, yearEnd: 2019 });
    expect(backwards.errors).toEqual([
      { path: 'yearEnd', message: expect.stringMatching(/cannot be before year/) },
    ]);
    expect(await tableCounts(t.db)).toEqual(before);
    const total = await create({
      year: 2018,
      yearEnd: 2020,
      value: 1234,
      valueAsRead: '1,234',
      unitAsRead: 'victims (cumulative)',
    });
    expect(total).toMatchObject({
      year: 2018,
      yearEnd: 2020,
      valueAsRead: '1,234',
      unitAsRead: 'victims (cumulative)',
    });
  });

  it('rejects figures that do not fit the catalogue, naming the field', async () => {
    const problem = await refused({ value: 2.5 });
    expect(problem.code).toBe('invalid_observation');
    expect(problem.errors?.[0]?.path).toBe('value');
    const noSource = await refused({ source: undefined });
    expect(noSource.errors?.map((e) => e.path)).toContain('sourceId');
  });

  it('refuses a breakdown category outside its code list, naming the dimension and the allowed codes', async () => {
    const before = await tableCounts(t.db);
    const problem = await refused({ disaggregation: { sex: 'women', tehsil: 'kharian' } });
    expect(problem.errors?.map((e) => [e.path, e.message])).toEqual([
      ['disaggregation.sex', 'sex "women" is not in the sex code list; allowed: female, male, unknown'],
    ]);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('refuses a 300 KB note and other oversized text with a 400 naming the field, storing nothing', async () => {
    const before = await tableCounts(t.db);
    const note = await refused({ note: 'x'.repeat(300 * 1024) });
    expect(note.errors?.map((e) => e.path)).toEqual(['note']);
    const title = await refused({ source: { title: 't'.repeat(501), publisher: 'P' } });
    expect(title.errors?.map((e) => e.path)).toEqual(['source.title']);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('shows officials their drafts in the review list, and reviewers what waits for them', async () => {
    const draft = await create({ year: 2013, value: 5 });
    const drafts = await (
      await t.app.request('/v1/reviews?state=draft', { headers: t.official.bearer })
    ).json();
    expect((drafts as { data: { id: number }[] }).data.map((o) => o.id)).toContain(draft.id);
    await act(draft.id, 'submit', t.official.bearer);
    const queue = await (
      await t.app.request('/v1/reviews?state=submitted', { headers: t.reviewer.bearer })
    ).json();
    expect((queue as { data: { id: number }[] }).data.map((o) => o.id)).toContain(draft.id);
    await readProblem(await t.app.request('/v1/reviews', { headers: t.researcher.bearer }), 403);
  });

  it('keeps the audit log append-only at the database level', async () => {
    const attempt = async (statement: ReturnType<typeof sql>) => t.db.run(statement);
    await expect(attempt(sql`update audit_log set reason = 'x'`)).rejects.toMatchObject({
      cause: { message: 'audit_log is append-only' },
    });
    await expect(attempt(sql`delete from audit_log`)).rejects.toMatchObject({
      cause: { message: 'audit_log is append-only' },
    });
  });

  it('answers a body that is not JSON, or an id that is not a number, with a 400 problem', async () => {
    const text = await t.app.request('/v1/observations', {
      method: 'POST',
      headers: { ...t.official.bearer, 'Content-Type': 'text/plain' },
      body: 'value=4',
    });
    expect((await readProblem(text, 400)).code).toBe('validation_failed');
    const badId = await readProblem(await act(0, 'submit', t.official.bearer), 400);
    expect(badId.errors).toEqual([expect.objectContaining({ path: 'id' })]);
  });

  it('takes a workflow step without any request body', async () => {
    const { id } = await create({ year: 2005, value: 3 });
    const res = await t.app.request(`/v1/observations/${id}/submit`, {
      method: 'POST',
      headers: t.official.bearer,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(WorkflowObservationResponseSchema.parse(await res.json()).data.workflowState).toBe('submitted');
  });
});
