/** Reads about published figures that reveal no value: how many there are per cell, which years, when last changed. */
import type { IndicatorId, JurisdictionId, ReleaseId } from '@fourp/domain';
import { lastPublishedChange, type CoverageRow } from '../../repos/observations.js';
import { listPublishedCellCounts } from '../../repos/summaries.js';
import { findRelease } from '../../repos/releases.js';
import { byPosition, readFigures, type ReadDeps } from './read.js';

export { lastPublishedChange, listPublishedYears, type CoverageRow } from '../../repos/observations.js';

/** Published figures counted per indicator × jurisdiction × first year, from the summary kept on publish. */
export const countPublishedByCell = async (
  db: ReadDeps['db'],
  filter: { indicators?: IndicatorId[]; jurisdictions?: JurisdictionId[] },
): Promise<CoverageRow[]> => listPublishedCellCounts(db, filter);

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
    return { cells: listPublishedCellCounts(deps.db, cell), lastUpdated: await lastPublishedChange(deps.db) };
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
