import type { IsoDate, Jurisdiction, JurisdictionId, JurisdictionNode, ParentPeriod } from '../contracts.js';

/**
 * When a question about the tree is asked: a day (YYYY-MM-DD), a year, or nothing for today's tree (the
 * open-ended periods). A year stands for 31 December of that year, or for the unit's last day when it
 * closed during that year, so a figure for a year is filed under the unit as it stood at the year's end.
 */
export type AsOf = IsoDate | number | undefined;

export type JurisdictionTree = {
  /** Every unit ever loaded, in load order, parents before children. */
  readonly units: readonly Jurisdiction[];
  find(id: JurisdictionId): Jurisdiction | undefined;
  /** Whether the unit exists on the day `asOf` stands for. */
  existsAt(id: JurisdictionId, asOf?: AsOf): boolean;
  /** Whether the unit exists on at least one day of the years from `first` to `last`. */
  existsDuring(id: JurisdictionId, first: number, last?: number): boolean;
  parentOf(id: JurisdictionId, asOf?: AsOf): JurisdictionId | null;
  /** Ids of the unit's ancestors, nearest parent first; empty for a root or an unknown id. */
  ancestorsOf(id: JurisdictionId, asOf?: AsOf): JurisdictionId[];
  /** Ids of every unit below this one (children before grandchildren); empty for a leaf or an unknown id. */
  descendantsOf(id: JurisdictionId, asOf?: AsOf): JurisdictionId[];
  /** True when `id` is `ancestorId` itself or lies below it. */
  isWithin(id: JurisdictionId, ancestorId: JurisdictionId, asOf?: AsOf): boolean;
  /** The units that exist at `asOf`, each with `parentId` as of then, parents before children. */
  unitsAt(asOf?: AsOf): Jurisdiction[];
  /** The roots that exist at `asOf` with their children as of then. */
  treeAt(asOf?: AsOf): JurisdictionNode[];
};

const covers = (from: IsoDate | null, to: IsoDate | null, day: IsoDate): boolean =>
  (from === null || from <= day) && (to === null || day <= to);

/** The day a question about `unit` at `asOf` is about; null means today (open-ended periods only). */
function dayFor(unit: Jurisdiction, asOf: AsOf): IsoDate | null {
  if (asOf === undefined) return null;
  if (typeof asOf === 'string') return asOf;
  const yearEnd = `${String(asOf).padStart(4, '0')}-12-31`;
  return unit.validTo !== null && unit.validTo < yearEnd && unit.validTo >= `${asOf}-01-01`
    ? unit.validTo
    : yearEnd;
}

const periodAt = (parents: readonly ParentPeriod[], day: IsoDate | null): ParentPeriod | undefined =>
  day === null ? parents.find((p) => p.to === null) : parents.find((p) => covers(p.from, p.to, day));

/** A tree over `units` (each id once, parents listed before their children). */
export function createJurisdictionTree(units: readonly Jurisdiction[]): JurisdictionTree {
  const byId = new Map(units.map((unit) => [unit.id, unit]));

  const existsAt = (id: JurisdictionId, asOf?: AsOf): boolean => {
    const unit = byId.get(id);
    if (!unit) return false;
    const day = dayFor(unit, asOf);
    return day === null ? unit.validTo === null : covers(unit.validFrom, unit.validTo, day);
  };

  const ancestorsFrom = (unit: Jurisdiction, asOf: AsOf): JurisdictionId[] => {
    const day = dayFor(unit, asOf);
    const ancestors: JurisdictionId[] = [];
    let parentId = periodAt(unit.parents, day)?.parentId ?? null;
    while (parentId !== null && !ancestors.includes(parentId)) {
      ancestors.push(parentId);
      const parent = byId.get(parentId);
      parentId = parent ? (periodAt(parent.parents, day)?.parentId ?? null) : null;
    }
    return ancestors;
  };

  const parentOf = (id: JurisdictionId, asOf?: AsOf): JurisdictionId | null => {
    const unit = byId.get(id);
    return unit ? (periodAt(unit.parents, dayFor(unit, asOf))?.parentId ?? null) : null;
  };

  const unitsAt = (asOf?: AsOf): Jurisdiction[] =>
    units
      .filter((unit) => existsAt(unit.id, asOf))
      .map((unit) => ({ ...unit, parentId: parentOf(unit.id, asOf) }));

  return {
    units,
    find: (id) => byId.get(id),
    existsAt,
    existsDuring: (id, first, last = first) => {
      const unit = byId.get(id);
      return (
        unit !== undefined &&
        (unit.validTo === null || unit.validTo >= `${first}-01-01`) &&
        (unit.validFrom === null || unit.validFrom <= `${last}-12-31`)
      );
    },
    parentOf,
    ancestorsOf: (id, asOf) => {
      const unit = byId.get(id);
      return unit ? ancestorsFrom(unit, asOf) : [];
    },
    descendantsOf: (id, asOf) => {
      const present = unitsAt(asOf);
      const descendants: JurisdictionId[] = [];
      let frontier: JurisdictionId[] = [id];
      while (frontier.length > 0) {
        const fresh = present
          .filter((u) => u.parentId !== null && frontier.includes(u.parentId))
          .map((u) => u.id)
          .filter((child) => child !== id && !descendants.includes(child));
        descendants.push(...fresh);
        frontier = fresh;
      }
      return descendants;
    },
    isWithin: (id, ancestorId, asOf) => {
      const unit = byId.get(id);
      return id === ancestorId || (unit !== undefined && ancestorsFrom(unit, asOf).includes(ancestorId));
    },
    unitsAt,
    treeAt: (asOf) => {
      const present = unitsAt(asOf);
      const nodeOf = (unit: Jurisdiction): JurisdictionNode => ({
        ...unit,
        children: present.filter((child) => child.parentId === unit.id).map(nodeOf),
      });
      const ids = new Set(present.map((unit) => unit.id));
      return present.filter((unit) => unit.parentId === null || !ids.has(unit.parentId)).map(nodeOf);
    },
  };
}

export type YearSpan = { id: JurisdictionId; from: number; to: number };

/**
 * The units within `scope` and the years, from `first` to `last`, in which they lay within it (a year read as
 * in `AsOf`), as contiguous spans: what a scoped principal may read or act on, year by year.
 */
export function spansWithin(
  tree: JurisdictionTree,
  scope: JurisdictionId,
  first: number,
  last: number,
): YearSpan[] {
  const spans: YearSpan[] = [];
  for (const unit of tree.units) {
    let open: YearSpan | null = null;
    for (let year = first; year <= last; year++) {
      if (tree.existsDuring(unit.id, year) && tree.isWithin(unit.id, scope, year)) {
        if (open) open.to = year;
        else spans.push((open = { id: unit.id, from: year, to: year }));
      } else open = null;
    }
  }
  return spans;
}
