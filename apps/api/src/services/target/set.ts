import type { Target, TargetRequest } from '@fourp/domain';
import { ApiError } from '../../errors.js';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { bumpPublishGeneration } from '../../repos/generation.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { listTargets, upsertTarget } from '../../repos/workflow/targets.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { requireIndicator, requireJurisdiction } from '../lookup.js';
import { permit, type Caller, type ServiceDeps } from '../caller.js';
import { resolveSource } from '../observation/figure.js';
import { say } from '../../i18n/messages.js';

const targetView = (t: Target | undefined) =>
  t && {
    baseline: { year: t.baseline.year, value: t.baseline.value, sourceId: t.baseline.source?.id ?? null },
    target: { year: t.target.year, value: t.target.value, sourceId: t.target.source?.id ?? null },
    note: t.note,
  };

/** Sets (or replaces) the baseline and target of an indicator with a desired direction in a jurisdiction. */
export async function setTarget(
  { db, now }: ServiceDeps,
  { principal, actor }: Caller,
  input: TargetRequest,
): Promise<Target> {
  const indicator = requireIndicator(input.indicator);
  const tree = jurisdictionTree(db);
  requireJurisdiction(tree, input.jurisdiction);
  permit(principal, 'target.set', { jurisdictionId: input.jurisdiction, tree });
  if (indicator.direction === 'neutral') {
    throw new ApiError('validation_failed', say('target_neutral', { indicator: indicator.id }), [
      { path: 'indicator', message: say('target_neutral_issue') },
    ]);
  }
  const at = now();
  const which = { jurisdiction: input.jurisdiction, indicator: input.indicator };
  const [before] = await listTargets(db, which);
  const id = await inTransaction(db, async (tx) => {
    const point = async (part: 'baseline' | 'target') => ({
      year: input[part].year,
      value: input[part].value,
      sourceId: await resolveSource(tx, input[part], `${part}.sourceId`),
    });
    const baseline = await point('baseline');
    const target = await point('target');
    const saved = await upsertTarget(
      tx,
      { ...which, baseline, target, note: input.note, setBy: principal.userId },
      at,
    );
    await appendAudit(
      tx,
      actor,
      {
        action: 'target.set',
        entityType: 'target',
        entityId: saved,
        jurisdictionId: input.jurisdiction,
        oldValue: targetView(before) ?? null,
        newValue: { indicator: input.indicator, baseline, target, note: input.note },
      },
      at,
    );
    bumpPublishGeneration(tx);
    return saved;
  });
  return (await listTargets(db, which)).find((t) => t.id === id)!;
}
