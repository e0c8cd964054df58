import {
  WORKFLOW_STATES,
  detectOutlier,
  type JurisdictionId,
  type JurisdictionTree,
  type Principal,
  type ReviewItem,
  type WorkflowState,
} from '@fourp/domain';
import type { Db } from '../../db/client.js';
import { listWorkflowObservations, previousPublishedValues } from '../../repos/workflow/observations.js';

/**
 * Figures not yet published that `principal` may see (a reviewer's queue, an official's drafts), each with the
 * cell's published value for the previous year and the outlier warning against it.
 */
export async function readReviewQueue(
  db: Db,
  principal: Principal,
  filter: { state?: WorkflowState | undefined; within?: JurisdictionId | undefined; tree: JurisdictionTree },
): Promise<ReviewItem[]> {
  const rows = await listWorkflowObservations(db, principal, {
    states: filter.state ? [filter.state] : WORKFLOW_STATES.filter((s) => s !== 'published'),
    within: filter.within,
    tree: filter.tree,
  });
  const previous = await previousPublishedValues(db, rows);
  return rows.map((row) => {
    const before = previous.get(row.id) ?? null;
    const outlier = before && row.value !== null ? detectOutlier(row.value, before.value) : null;
    return { ...row, previous: before, warnings: outlier ? [outlier] : [] };
  });
}
