import { cellKey, type ObservationCell } from '@fourp/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { observationRevisions, observations, sources } from '../db/schema.js';
import { cellFromRow } from './observations.js';
import { cellWhere, observationValues, type FigureReading } from './workflow/observations.js';

/*
 * The reference load's table access. Synchronous: it runs inside one better-sqlite3 transaction,
 * which cannot await.
 */

/** Inserts a figure as published and locked; null when the cell already has one from this source. */
export function insertPublishedFigure(
  db: DbOrTx,
  figure: ObservationCell & FigureReading,
  sourceId: number,
  now: string,
): number | null {
  const created = db
    .insert(observations)
    .values({
      ...observationValues(
        { ...figure, sourceId, workflowState: 'published', createdBy: null },
        new Date(now),
      ),
      locked: 1,
    })
    .onConflictDoNothing()
    .returning({ id: observations.id })
    .get();
  return created?.id ?? null;
}

/** The id of the figure this source gives for the cell, if any. */
export function findFigureId(db: DbOrTx, cell: ObservationCell, sourceId: number): number | null {
  const found = db
    .select({ id: observations.id })
    .from(observations)
    .where(and(cellWhere(cell), eq(observations.sourceId, sourceId)))
    .get();
  return found?.id ?? null;
}

export type StoredFigure = {
  id: number;
  value: number;
  valueAsRead: string | null;
  sourceId: number;
  supersededBy: number | null;
  publisher: string;
  sourceYear: number | null;
  sourceTitle: string;
  /** Identifies the cell: equal for figures of the same cell, whatever their source. */
  cell: string;
};

/** The figures with these ids, with the citation of their source. */
export function listStoredFigures(db: DbOrTx, ids: number[]): StoredFigure[] {
  return db
    .select({
      id: observations.id,
      value: observations.value,
      valueAsRead: observations.valueAsRead,
      sourceId: observations.sourceId,
      supersededBy: observations.supersededBy,
      indicatorId: observations.indicatorId,
      jurisdictionId: observations.jurisdictionId,
      year: observations.year,
      yearEnd: observations.yearEnd,
      period: observations.period,
      disaggregation: observations.disaggregation,
      definition: observations.definition,
      publisher: sources.publisher,
      sourceYear: sources.year,
      sourceTitle: sources.title,
    })
    .from(observations)
    .innerJoin(sources, eq(sources.id, observations.sourceId))
    .where(inArray(observations.id, ids))
    .all()
    .map((row) => {
      const {
        indicatorId: _i,
        jurisdictionId: _j,
        year: _y,
        yearEnd: _e,
        period: _p,
        disaggregation: _d,
        definition: _f,
        ...r
      } = row;
      return { ...r, cell: cellKey(cellFromRow(row)) };
    });
}

/** Marks `older` as superseded by `newer`, keeping both, with a revision row saying why. */
export function supersedeFigure(
  db: DbOrTx,
  older: StoredFigure,
  newer: StoredFigure,
  reason: string,
  now: string,
): void {
  db.update(observations)
    .set({ supersededBy: newer.id, updatedAt: now })
    .where(and(eq(observations.id, older.id), isNull(observations.supersededBy)))
    .run();
  db.insert(observationRevisions)
    .values({
      observationId: newer.id,
      previousValue: older.value,
      previousValueAsRead: older.valueAsRead,
      previousSourceId: older.sourceId,
      newValue: newer.value,
      reason,
      revisedAt: now,
      revisedBy: null,
    })
    .run();
}
