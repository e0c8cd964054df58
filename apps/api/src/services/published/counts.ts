/** Reads about published figures that reveal no value: how many there are per cell, which years, when last changed. */
import type { IndicatorId, JurisdictionId, ReleaseId } from '@fourp/domain';
import { countPublishedByCell, lastPublishedChange, type CoverageRow } from '../../repos/observations.js';
import { findRelease } from '../../repos/releases.js';
import { byPosition, readFigures, type ReadDeps } from './read.js';

export {
  countPublishedByCell,
  lastPublishedChange,
  listPublishedYears,
  type CoverageRow,
} from '../../repos/observations.js';

/**
 * Figures counted per indicator × jurisdiction × first year, and when they last changed: of what is published
 * now, or of a release (counted from its stored figures; it changed when it was made).
 */
export async function countFigures(
  deps: ReadDeps,
  filter: { indicators?: IndicatorId[]; jurisdictions?: JurisdictionId[]; release?: ReleaseId },
): Promise<{ cells: CoverageRow[]; lastUpdated: string | null }> {
  const { release, ...cell } = filter;
  if (release === undefined) {
    const [cells, lastUpdated] = await Promise.all([
      countPublishedByCell(deps.db, cell),
      lastPublishedChange(deps.db),
    ]);
    return { cells, lastUpdated };
  }
  const counted = new Map<string, CoverageRow>();
  // In page order, so the cells come out in the order the repository's count gives them.
  for (const o of (await readFigures(deps, null, { ...cell, release })).sort(byPosition)) {
    const key = `${o.indicator}|${o.jurisdiction}|${o.year}`;
    const row = counted.get(key) ?? {
      indicator: o.indicator,
      jurisdiction: o.jurisdiction,
      year: o.year,
      observations: 0,
    };
    row.observations += 1;
    counted.set(key, row);
  }
  return { cells: [...counted.values()], lastUpdated: findRelease(deps.db, release)?.createdAt ?? null };
}
