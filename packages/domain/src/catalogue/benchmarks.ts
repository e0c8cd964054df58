import type { JurisdictionId } from '../contracts.js';
import type { JurisdictionTree } from './jurisdiction-tree.js';

/** The jurisdiction the dashboard monitors. */
export const BASE_JURISDICTION = 'PK-PB-GUJRAT' satisfies JurisdictionId;
/** The jurisdictions the base is compared with by default, in display order. */
export const BENCHMARK_IDS = ['IT', 'ES'] as const satisfies readonly JurisdictionId[];
/** The base, then the province and country whose figure or score the dashboard shows when the base has none. */
export const STAND_IN_CHAIN = [BASE_JURISDICTION, 'PK-PB', 'PK'] as const satisfies readonly JurisdictionId[];

/**
 * Districts that share a division with `id` now or ever did (the same division or a former one), `id` first;
 * the neighbours the dashboard shows a district beside, by English name. Only units that exist today are listed.
 */
export function neighboursOf(tree: JurisdictionTree, id: JurisdictionId): JurisdictionId[] {
  const unit = tree.find(id);
  if (!unit) return [];
  const parents = new Set(unit.parents.map((p) => p.parentId));
  const others = tree.units.filter(
    (other) =>
      other.id !== id &&
      other.kind === unit.kind &&
      tree.existsAt(other.id) &&
      other.parents.some((p) => parents.has(p.parentId)),
  );
  return [id, ...others.sort((a, b) => a.name.en.localeCompare(b.name.en)).map((other) => other.id)];
}
