/** Reads about published figures that reveal no value: how many there are per cell, which years, when last changed. */
import type { IndicatorId, JurisdictionId, ReleaseId } from '@fourp/domain';
import { lastPublishedChange, type CoverageRow } from '../../repos/observations.js';
import {
  listCountedIndicators,
  listPublishedCellCounts,
  totalPublishedCells,
  type CellPosition,
} from '../../repos/summaries.js';
import { findRelease } from '../../repos/releases.js';
import { byPosition, readFigures, type ReadDeps } from './read.js';

export { lastPublishedChange, listPublishedYears, type CoverageRow } from '../../repos/observations.js';

/** Published figures counted per indicator × jurisdiction × first year, from the summary kept on publish. */
export const countPublishedByCell = async (
  db: ReadDeps['db'],
  filter: { indicators?: IndicatorId[]; jurisdictions?: JurisdictionId[] },
): Promise<CoverageRow[]> => listPublishedCellCounts(db, filter);

/**
 * Figures counted per indicator × jurisdiction × first year (a page of them in the summary's order, when `page` is
 * given), which indicators have any, how many figures and the latest year of all the selection's cells, and when
 * they last changed: of what is published now, or of a release (counted from its stored figures; it changed when
 * it was made).
 */
export async function countFigures(
  deps: ReadDeps,
  filter: { indicators?: IndicatorId[]; jurisdictions?: JurisdictionId[]; release?: ReleaseId },
  page?: { after: CellPosition | null; limit: number },
): Promise<{
  cells: CoverageRow[];
  withData: Set<IndicatorId>;
  totals: { observations: number; latestYear: number | null };
  lastUpdated: string | null;
}> {
  const { release, ...cell } = filter;
  if (release === undefined) {
    return {
      cells: listPublishedCellCounts(deps.db, cell, page),
      withData: new Set(listCountedIndicators(deps.db, cell.jurisdictions)),
      totals: totalPublishedCells(deps.db, cell),
      lastUpdated: await lastPublishedChange(deps.db),
    };
  }
  const counted = new Map<string, CoverageRow>();
  for (const o of await readFigures(deps, null, { ...cell, release })) {
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
  const all = [...counted.values()].sort(byPosition);
  const from = page?.after ? all.filter((row) => byPosition(row, page.after!) > 0) : all;
  return {
    cells: page === undefined ? from : from.slice(0, page.limit),
    withData: new Set(all.map((row) => row.indicator)),
    totals: {
      observations: all.reduce((sum, row) => sum + row.observations, 0),
      latestYear: all.reduce<number | null>((latest, row) => Math.max(latest ?? row.year, row.year), null),
    },
    lastUpdated: findRelease(deps.db, release)?.createdAt ?? null,
  };
}
