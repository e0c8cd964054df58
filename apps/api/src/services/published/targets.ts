import { findIndicator, isTotal, type JurisdictionId, type Principal, type Target } from '@fourp/domain';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { listTargets } from '../../repos/workflow/targets.js';
import { readFigures, type ReadDeps } from './read.js';
import { seesUnsuppressed } from './scope.js';

/**
 * Whether the public may not see a baseline: an identifying small count, or the year of a published total the
 * public sees suppressed (the baseline would restate it).
 */
async function baselineHidden(
  deps: ReadDeps,
  { indicator, jurisdiction, baseline }: Target,
): Promise<boolean> {
  const found = findIndicator(indicator);
  if (found !== undefined && !found.identifying) return false;
  const value = baseline.value;
  if (found?.measureType === 'count' && value !== null && value > 0 && value < deps.suppressionK) return true;
  const figures = await readFigures(deps, null, { indicators: [indicator], jurisdictions: [jurisdiction] });
  return figures.some(
    (o) => o.suppressed && isTotal(o) && o.year === baseline.year && o.yearEnd === baseline.year,
  );
}

/**
 * Baselines and targets as `principal` may see them: a baseline the public may not see has value null and
 * suppressed true, except for officials within the jurisdiction.
 */
export async function readTargets(
  deps: ReadDeps,
  principal: Principal | null,
  filter: { jurisdiction?: JurisdictionId; indicator?: string } = {},
): Promise<Target[]> {
  const tree = jurisdictionTree(deps.db);
  const shown: Target[] = [];
  for (const target of await listTargets(deps.db, filter)) {
    const own = seesUnsuppressed(principal, target.jurisdiction, tree, target.baseline.year);
    shown.push(
      !own && (await baselineHidden(deps, target))
        ? { ...target, baseline: { ...target.baseline, value: null, suppressed: true } }
        : target,
    );
  }
  return shown;
}
