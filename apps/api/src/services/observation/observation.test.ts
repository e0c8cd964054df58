import {
  ObservationCorrectionRequestSchema,
  ObservationCreateRequestSchema,
  type WorkflowObservation,
} from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import {
  auditSince,
  callerFor,
  gujratFigure,
  lastAuditId,
  tableCounts,
  serviceDeps,
  useWorkflowTestApp,
  type TestUser,
} from '../../test-support/workflow.js';
import { createObservation } from './create.js';
import { correctObservation } from './correct.js';
import {
  approveObservation,
  publishObservation,
  rejectObservation,
  submitObservation,
  unlockObservation,
} from './transition.js';

const t = useWorkflowTestApp();
const deps = () => serviceDeps(t.db);
const figure = (overrides: Record<string, unknown> = {}) =>
  ObservationCreateRequestSchema.parse(gujratFigure(overrides));
const correction = (body: Record<string, unknown>) => ObservationCorrectionRequestSchema.parse(body);

let nextYear = 1990;
/** A new draft in its own cell, so that the tests do not depend on each other. */
async function draft(by: TestUser = t.official): Promise<WorkflowObservation> {
  const year = nextYear++;
  return (await createObservation(deps(), callerFor(by), figure({ year, value: 40 }))).observation;
}

const AUDITED_FIGURE_KEYS = [
  'locked',
  'note',
  'sourceId',
  'status',
  'unitAsRead',
  'value',
  'valueAsRead',
  'workflowState',
];
const keysOf = (value: unknown) => Object.keys(value as object).sort();

describe('createObservation', () => {
  it('stores a draft and audits it with the cell, the figure as read, its source and the comment', async () => {
    const since = await lastAuditId(t.db);
    const { observation, warnings } = await createObservation(
      deps(),
      callerFor(t.official),
      figure({ year: 2010, value: 12, valueAsRead: '12', comment: 'from the annual report' }),
    );
    expect(observation).toMatchObject({ workflowState: 'draft', value: 12, locked: false });
    expect(warnings).toEqual([]);
    const [entry, ...more] = await auditSince(t.db, since);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: 'observation.create',
      entityType: 'observation',
      entityId: String(observation.id),
      jurisdictionId: 'PK-PB-GUJRAT',
      actorId: t.official.id,
      requestId: 'test-request',
      oldValue: null,
      reason: 'from the annual report',
      newValue: {
        indicator: 'victims_identified',
        year: 2010,
        yearEnd: 2010,
        value: 12,
        valueAsRead: '12',
        sourceId: observation.source.id,
        workflowState: 'draft',
        locked: false,
        warnings: [],
      },
    });
    expect(keysOf(entry!.newValue)).toEqual(
      [
        ...AUDITED_FIGURE_KEYS,
        'definition',
        'disaggregation',
        'indicator',
        'jurisdiction',
        'warnings',
        'year',
        'yearEnd',
      ].sort(),
    );
  });

  it('refuses a jurisdiction outside the official’s scope and writes nothing', async () => {
    const before = await tableCounts(t.db);
    await expect(
      createObservation(deps(), callerFor(t.official), figure({ jurisdiction: 'PK-PB-GUJRANWALA' })),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('refuses a figure the domain finds invalid, and an outlier without a comment', async () => {
    await expect(
      createObservation(deps(), callerFor(t.official), figure({ indicator: 'no_such_indicator' })),
    ).rejects.toMatchObject({ status: 400 });
    await createObservation(deps(), callerFor(t.official), figure({ year: 2011, value: 10 }));
    await expect(
      createObservation(deps(), callerFor(t.official), figure({ year: 2012, value: 100 })),
    ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'comment' }] });
  });
});

describe('correctObservation', () => {
  it('corrects a draft, keeps a revision and audits the figure before and after', async () => {
    const before = await draft();
    const since = await lastAuditId(t.db);
    const { observation } = await correctObservation(deps(), callerFor(t.official), {
      ...correction({ value: 41, valueAsRead: '41', comment: 'typo' }),
      id: before.id,
    });
    expect(observation).toMatchObject({ value: 41, valueAsRead: '41', workflowState: 'draft' });
    const [entry] = await auditSince(t.db, since);
    expect(entry).toMatchObject({
      action: 'observation.update',
      entityType: 'observation',
      entityId: String(before.id),
      reason: 'typo',
      oldValue: { value: 40, valueAsRead: null, sourceId: before.source.id, workflowState: 'draft' },
      newValue: { value: 41, valueAsRead: '41', sourceId: before.source.id, workflowState: 'draft' },
    });
    expect(keysOf(entry!.oldValue)).toEqual(AUDITED_FIGURE_KEYS);
    expect(keysOf(entry!.newValue)).toEqual(AUDITED_FIGURE_KEYS);
  });

  it('refuses a locked, published figure, a reviewed one without a reason, and another’s jurisdiction', async () => {
    const published = await draft();
    for (const [verb, who] of [
      [submitObservation, t.official],
      [approveObservation, t.reviewer],
      [publishObservation, t.reviewer2],
    ] as const)
      await verb(deps(), callerFor(who), { id: published.id });
    await expect(
      correctObservation(deps(), callerFor(t.reviewer), { ...correction({ value: 1 }), id: published.id }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await unlockObservation(deps(), callerFor(t.reviewer), {
      id: published.id,
      reason: 'typo in the report',
    });
    await expect(
      correctObservation(deps(), callerFor(t.reviewer), { ...correction({ value: 1 }), id: published.id }),
    ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'reason' }] });

    const stranger = await createObservation(
      deps(),
      callerFor(t.reviewer),
      figure({ jurisdiction: 'PK-PB-GUJRANWALA', year: 2001 }),
    );
    await expect(
      correctObservation(deps(), callerFor(t.official), {
        ...correction({ value: 1 }),
        id: stranger.observation.id,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      correctObservation(deps(), callerFor(t.official), { ...correction({ value: 1 }), id: 999_999 }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('workflow transitions', () => {
  it('submit, approve and publish each move the figure on and audit the states before and after', async () => {
    const { id } = await draft();
    const since = await lastAuditId(t.db);
    await submitObservation(deps(), callerFor(t.official), { id });
    await approveObservation(deps(), callerFor(t.reviewer), { id, comment: 'checked' });
    const { observation } = await publishObservation(deps(), callerFor(t.reviewer2), { id });
    expect(observation).toMatchObject({ workflowState: 'published', locked: true });
    const entries = await auditSince(t.db, since);
    expect(entries.map((e) => [e.action, e.oldValue, e.newValue, e.reason])).toEqual([
      [
        'observation.submit',
        { workflowState: 'draft', locked: false },
        { workflowState: 'submitted', locked: false },
        null,
      ],
      [
        'observation.approve',
        { workflowState: 'submitted', locked: false },
        { workflowState: 'approved', locked: true },
        'checked',
      ],
      [
        'observation.publish',
        { workflowState: 'approved', locked: true },
        { workflowState: 'published', locked: true },
        null,
      ],
    ]);
  });

  it('refuses an invalid transition, approving one’s own submission, a rejection without reason and an official approving', async () => {
    const { id } = await draft(t.reviewer);
    await expect(publishObservation(deps(), callerFor(t.reviewer), { id })).rejects.toMatchObject({
      code: 'conflict',
    });
    await submitObservation(deps(), callerFor(t.reviewer), { id });
    const before = await tableCounts(t.db);
    await expect(approveObservation(deps(), callerFor(t.reviewer), { id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(approveObservation(deps(), callerFor(t.official), { id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(rejectObservation(deps(), callerFor(t.reviewer2), { id })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'reason' }],
    });
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
