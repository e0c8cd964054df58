import { TargetRequestSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import {
  auditSince,
  callerFor,
  lastAuditId,
  tableCounts,
  serviceDeps,
  useWorkflowTestApp,
} from '../../test-support/workflow.js';
import { setTarget } from './set.js';

const t = useWorkflowTestApp();
const deps = () => serviceDeps(t.db);
const request = (overrides: Record<string, unknown> = {}) =>
  TargetRequestSchema.parse({
    indicator: 'persons_convicted',
    jurisdiction: 'PK-PB-GUJRAT',
    baseline: {
      year: 2020,
      value: 10,
      source: { title: 'Prosecution report 2020', publisher: 'Prosecution' },
    },
    target: { year: 2030, value: 40, source: { title: 'District plan', publisher: 'District Gujrat' } },
    ...overrides,
  });

describe('setTarget', () => {
  it('sets a target, then replaces it, auditing the old and new values', async () => {
    const first = await setTarget(deps(), callerFor(t.reviewer), request());
    expect(first).toMatchObject({ baseline: { value: 10 }, target: { value: 40 }, setBy: t.reviewer.id });
    const since = await lastAuditId(t.db);
    const second = await setTarget(deps(), callerFor(t.reviewer), request({ note: 'raised' }));
    expect(second.id).toBe(first.id);
    const [entry, ...more] = await auditSince(t.db, since);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: 'target.set',
      entityType: 'target',
      entityId: String(first.id),
      jurisdictionId: 'PK-PB-GUJRAT',
      reason: null,
      oldValue: {
        baseline: { year: 2020, value: 10, sourceId: first.baseline.source!.id },
        target: { year: 2030, value: 40, sourceId: first.target.source!.id },
        note: null,
      },
      newValue: {
        indicator: 'persons_convicted',
        baseline: { year: 2020, value: 10, sourceId: first.baseline.source!.id },
        note: 'raised',
      },
    });
  });

  it('refuses an official, a neutral indicator and an unknown source, writing nothing', async () => {
    const before = await tableCounts(t.db);
    await expect(setTarget(deps(), callerFor(t.official), request())).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      setTarget(deps(), callerFor(t.reviewer), request({ indicator: 'population' })),
    ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'indicator' }] });
    await expect(
      setTarget(
        deps(),
        callerFor(t.reviewer),
        request({ target: { year: 2030, value: 40, sourceId: 999_999 } }),
      ),
    ).rejects.toMatchObject({ code: 'unknown_source', errors: [{ path: 'target.sourceId' }] });
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
