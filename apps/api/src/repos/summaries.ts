import type { IndicatorId, JurisdictionId } from '@fourp/domain';
import { and, asc, count, desc, eq, inArray, lte, max, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { preparedOn } from '../db/prepared.js';
import { observations, publicAnnualTotals, publishedCellCounts } from '../db/schema.js';
import type { CoverageRow } from './observations.js';

/*
 * Summaries of the published figures, rewritten inside the transactions that change them (synchronous, as the
 * disclosure pattern is), so an aggregate read costs a few index rows however many figures are published.
 */

const BATCH = 500;
const scoped = <T>(column: T, indicators: readonly IndicatorId[] | null) =>
  indicators === null ? undefined : inArray(column as never, [...indicators]);

/** Recounts the published figures per cell of these indicators (of every indicator when null). */
export function recountPublishedCells(db: DbOrTx, indicators: readonly IndicatorId[] | null): void {
  db.delete(publishedCellCounts).where(scoped(publishedCellCounts.indicatorId, indicators)).run();
  db.insert(publishedCellCounts)
    .select(
      db
        .select({
          indicatorId: observations.indicatorId,
          jurisdictionId: observations.jurisdictionId,
          year: observations.year,
          observations: count().as('observations'),
        })
        .from(observations)
        .where(and(eq(observations.workflowState, 'published'), scoped(observations.indicatorId, indicators)))
        .groupBy(observations.indicatorId, observations.jurisdictionId, observations.year),
    )
    .run();
}

/** The indicators with any published figure (in these jurisdictions, when given), as counted. */
export const listCountedIndicators = (db: DbOrTx, jurisdictions?: readonly JurisdictionId[]): IndicatorId[] =>
  db
    .selectDistinct({ indicator: publishedCellCounts.indicatorId })
    .from(publishedCellCounts)
    .where(jurisdictions && inArray(publishedCellCounts.jurisdictionId, [...jurisdictions]))
    .all()
    .map((row) => row.indicator);

/** How many figures the counted cells of the selection hold, and the latest year any of them is of. */
export function totalPublishedCells(
  db: DbOrTx,
  filter: { indicators?: readonly IndicatorId[]; jurisdictions?: readonly JurisdictionId[] },
): { observations: number; latestYear: number | null } {
  const t = publishedCellCounts;
  const row = db
    .select({ observations: sql<number>`coalesce(sum(${t.observations}), 0)`, latestYear: max(t.year) })
    .from(t)
    .where(
      and(
        filter.indicators && inArray(t.indicatorId, [...filter.indicators]),
        filter.jurisdictions && inArray(t.jurisdictionId, [...filter.jurisdictions]),
      ),
    )
    .get();
  return { observations: row?.observations ?? 0, latestYear: row?.latestYear ?? null };
}

/** A cell's place in the order counted cells are listed in. */
export type CellPosition = { indicator: string; jurisdiction: string; year: number };

/** The counted cells, ordered by indicator, jurisdiction, year; with `page`, up to `limit` after `after`. */
export function listPublishedCellCounts(
  db: DbOrTx,
  filter: { indicators?: readonly IndicatorId[]; jurisdictions?: readonly JurisdictionId[] },
  page?: { after: CellPosition | null; limit: number },
): CoverageRow[] {
  const t = publishedCellCounts;
  const after = page?.after ?? undefined;
  const query = db
    .select({
      indicator: t.indicatorId,
      jurisdiction: t.jurisdictionId,
      year: t.year,
      observations: t.observations,
    })
    .from(t)
    .where(
      and(
        filter.indicators && inArray(t.indicatorId, [...filter.indicators]),
        filter.jurisdictions && inArray(t.jurisdictionId, [...filter.jurisdictions]),
        after &&
          sql`(${t.indicatorId}, ${t.jurisdictionId}, ${t.year}) > (${after.indicator}, ${after.jurisdiction}, ${after.year})`,
      ),
    )
    .orderBy(asc(t.indicatorId), asc(t.jurisdictionId), asc(t.year));
  return page === undefined ? query.all() : query.limit(page.limit).all();
}

export type AnnualTotalRef = {
  observationId: number;
  indicator: IndicatorId;
  jurisdiction: JurisdictionId;
  year: number;
};

/** Forgets the public annual totals of these indicators (of every indicator when null). */
export function clearPublicAnnualTotals(db: DbOrTx, indicators: readonly IndicatorId[] | null): void {
  db.delete(publicAnnualTotals).where(scoped(publicAnnualTotals.indicatorId, indicators)).run();
}

export function insertPublicAnnualTotals(db: DbOrTx, totals: readonly AnnualTotalRef[]): void {
  for (let i = 0; i < totals.length; i += BATCH) {
    db.insert(publicAnnualTotals)
      .values(
        totals.slice(i, i + BATCH).map((t) => ({
          jurisdictionId: t.jurisdiction,
          indicatorId: t.indicator,
          year: t.year,
          observationId: t.observationId,
        })),
      )
      .run();
  }
}

/** Per indicator, the id of the jurisdiction's newest public annual total up to `year` (ties: the newest id). */
export function listLatestPublicAnnualTotals(db: Db, jurisdiction: JurisdictionId, year: number): number[] {
  const read = preparedOn(db, 'latest public annual totals', (db) =>
    db
      .select({ indicator: publicAnnualTotals.indicatorId, id: publicAnnualTotals.observationId })
      .from(publicAnnualTotals)
      .where(
        and(
          eq(publicAnnualTotals.jurisdictionId, sql.placeholder('jurisdiction')),
          lte(publicAnnualTotals.year, sql.placeholder('year')),
        ),
      )
      .orderBy(
        desc(publicAnnualTotals.indicatorId),
        desc(publicAnnualTotals.year),
        desc(publicAnnualTotals.observationId),
      )
      .prepare(),
  );
  const rows = read.all({ jurisdiction, year });
  const latest = new Map<string, number>();
  for (const row of rows) if (!latest.has(row.indicator)) latest.set(row.indicator, row.id);
  return [...latest.values()];
}
