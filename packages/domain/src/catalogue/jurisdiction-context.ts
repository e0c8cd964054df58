import type { SeriesContext } from '../compare.js';
import type { JurisdictionId, MigrationProfile } from '../contracts.js';
import type { AsOf, JurisdictionTree } from './jurisdiction-tree.js';

/** The unit's own migration profile, else its nearest ancestor's; null when none in the chain has one. */
export function migrationProfileOf(
  tree: JurisdictionTree,
  id: JurisdictionId,
  asOf?: AsOf,
): MigrationProfile | null {
  for (const unitId of [id, ...tree.ancestorsOf(id, asOf)]) {
    const profile = tree.find(unitId)?.migrationProfile;
    if (profile) return profile;
  }
  return null;
}

/** The comparison context of `id`, shown for `standsInFor` when that is another unit; null for an unknown id. */
export function seriesContextOf(
  tree: JurisdictionTree,
  id: JurisdictionId,
  standsInFor: JurisdictionId = id,
): SeriesContext | null {
  const unit = tree.find(id);
  if (unit === undefined) return null;
  const shownFor = standsInFor === id ? undefined : tree.find(standsInFor);
  return {
    kind: unit.kind,
    migrationProfile: migrationProfileOf(tree, id),
    standsInFor: shownFor === undefined ? null : { jurisdiction: shownFor.id, kind: shownFor.kind },
  };
}
