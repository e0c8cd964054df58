import { findIndicator, isTotal, type JurisdictionId, type Principal, type Target } from '@fourp/domain';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { listTargets } from '../../repos/workflow/targets.js';
import { readFigures, type ReadDeps } from './read.js';
import { seesUnsuppressed } from './scope.js';

const cellYear = (indicator: string, jurisdiction: string, year: number) =>
  `${indicator}\u0000${jurisdiction}\u0000${year}`;

/**
 * Of these targets, those whose baseline the public may not see: an identifying small count, or the year of a
 * published total the public sees suppressed (the baseline would restate it). The totals of the baseline years
 * are read once for all the targets.
 */
async function hiddenBaselines(deps: ReadDeps, targets: readonly Target[]): Promise<Set<Target>> {
  const hidden = new Set<Target>();
  const identifying: Target[] = [];
  for (const target of targets) {
    const found = findIndicator(target.indicator);
    if (found !== undefined && !found.identifying) continue;
    const value = target.baseline.value;
    if (found?.measureType === 'count' && value !== null && value > 0 && value < deps.suppressionK)
      hidden.add(target);
    else identifying.push(target);
  }
  if (identifying.length === 0) return hidden;
  const years = identifying.map((t) => t.baseline.year);
  const figures = await readFigures(deps, null, {
    indicators: [...new Set(identifying.map((t) => t.indicator))],
    jurisdictions: [...new Set(identifying.map((t) => t.jurisdiction))],
    breakdown: 'total',
    from: Math.min(...years),
    to: Math.max(...years),
  });
  const suppressed = new Set(
    figures
      .filter((o) => o.suppressed && isTotal(o) && o.year === o.yearEnd)
      .map((o) => cellYear(o.indicator, o.jurisdiction, o.year)),
  );
  for (const t of identifying)
    if (suppressed.has(cellYear(t.indicator, t.jurisdiction, t.baseline.year))) hidden.add(t);
  return hidden;
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
  const targets = await listTargets(deps.db, filter);
  const checked = targets.filter((t) => !seesUnsuppressed(principal, t.jurisdiction, tree, t.baseline.year));
  const hidden = await hiddenBaselines(deps, checked);
  return targets.map((target) =>
    hidden.has(target)
      ? { ...target, baseline: { ...target.baseline, value: null, suppressed: true } }
      : target,
  );
}
