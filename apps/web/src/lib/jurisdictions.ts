import { localName } from '$lib/i18n/locale';
import { BASE_JURISDICTION, createJurisdictionTree, neighboursOf } from '@fourp/domain/client';
import type { Jurisdiction, JurisdictionTree } from '@fourp/domain';
import { listParam } from './url-state';

/** The tree of the units the API listed (every unit with its validity and parent periods). */
export const treeOf = (units: readonly Jurisdiction[]): JurisdictionTree => createJurisdictionTree(units);

/** A unit as a page names it (and marks a benchmark): what goes to the browser when a page only names units. */
export type NamedUnit = Pick<Jurisdiction, 'id' | 'name' | 'role'>;

export const namedUnits = (units: readonly Jurisdiction[]): NamedUnit[] =>
  units.map(({ id, name, role }) => ({ id, name, role }));

/** The districts that exist today, by English name: the choices for the district a page focuses on. */
export function districtChoices(tree: JurisdictionTree): NamedUnit[] {
  return namedUnits(
    tree
      .unitsAt()
      .filter((unit) => unit.kind === 'district')
      .sort((a, b) => localName(a.name).localeCompare(localName(b.name))),
  );
}

/** The `base` (or `jurisdiction`) query parameter when it names a known district, else Gujrat. */
export function focusFrom(url: URL, tree: JurisdictionTree, param = 'base'): string {
  const requested = url.searchParams.get(param);
  return requested !== null && tree.find(requested)?.kind === 'district' ? requested : BASE_JURISDICTION;
}

/** The district with the districts that share its division now or did before (Gujrat: the old Gujranwala Division and Wazirabad). */
export const neighbourhoodOf = (tree: JurisdictionTree, district: string): string[] =>
  neighboursOf(tree, district);

/** Gujrat's default companions: the districts that the same shipwrecks and the FIA Gujranwala zone report on. */
const DEFAULT_BESIDE: Readonly<Record<string, readonly string[]>> = {
  [BASE_JURISDICTION]: ['PK-PB-MANDI-BAHAUDDIN', 'PK-PB-SIALKOT', 'PK-PB-GUJRANWALA'],
};

/**
 * The districts shown beside `base`: the `beside` parameter's districts that exist today, else the default
 * (Gujrat's three companions, or the whole neighbourhood of another district). Never `base` itself.
 */
export function besideFrom(url: URL, tree: JurisdictionTree, base: string): string[] {
  const shown = (id: string) => id !== base && tree.find(id)?.kind === 'district' && tree.existsAt(id);
  const requested = listParam(url.searchParams, 'beside').filter(shown);
  if (requested.length > 0) return requested;
  return (DEFAULT_BESIDE[base] ?? neighbourhoodOf(tree, base)).filter(shown);
}
