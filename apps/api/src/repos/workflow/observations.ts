import {
  cellKey,
  MAX_YEAR,
  MIN_YEAR,
  isAnnual,
  readScopeOf,
  spansWithin,
  type JurisdictionTree,
  type JurisdictionId,
  type ObservationCell,
  type ObsStatus,
  type PreviousYearValue,
  type Principal,
  type Revision,
  type Source,
  type SourceKind,
  type WorkflowObservation,
  type WorkflowState,
} from '@fourp/domain';
import { and, asc, between, desc, eq, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { observationRevisions, observations, sources } from '../../db/schema.js';
import { users } from '../../db/schema-workflow.js';
import {
  cellFromRow,
  observationSelection,
  storedBreakdown,
  storedPeriod,
  toObservation,
  type ObservationRow,
} from '../observations.js';
import { citationWhere, toSource } from '../sources.js';

/** The SQL condition for the observations a principal may read: published ones, plus every state in its scope. */
export function observationVisibility(principal: Principal, tree: JurisdictionTree): SQL | undefined {
  const within = readScopeOf(principal).unpublishedWithin;
  if (within === '*') return undefined;
  const published = eq(observations.workflowState, 'published');
  if (within === null) return published;
  return or(published, withinScope(tree, within));
}

/** Figures filed under `scope` or a unit that lay below it in the figure's (last) year. */
export function withinScope(tree: JurisdictionTree, scope: JurisdictionId): SQL {
  const spans = spansWithin(tree, scope, MIN_YEAR, MAX_YEAR);
  const always = spans.filter((s) => s.from === MIN_YEAR && s.to === MAX_YEAR).map((s) => s.id);
  const partly = spans.filter((s) => s.from !== MIN_YEAR || s.to !== MAX_YEAR);
  return or(
    inArray(observations.jurisdictionId, always.length > 0 ? always : [scope]),
    ...partly.map((s) =>
      and(eq(observations.jurisdictionId, s.id), between(observations.yearEnd, s.from, s.to)),
    ),
  )!;
}

export type SourceInput = {
  title: string;
  publisher: string;
  year: number | null;
  locator: string | null;
  kind: SourceKind;
};

/** The text that identifies a source; two rows with the same citation are the same source. */
export const citationKey = (s: Omit<SourceInput, 'kind'>) =>
  JSON.stringify([s.title.trim(), s.publisher.trim(), s.year, s.locator?.trim() || null]);

/** The existing source with this citation, or a new one; `created` says which. */
export async function findOrCreateSource(
  db: Db,
  input: SourceInput,
): Promise<{ source: Source; created: boolean }> {
  const title = input.title.trim();
  const publisher = input.publisher.trim();
  const locator = input.locator?.trim() || null;
  const [existing] = await db
    .select()
    .from(sources)
    .where(citationWhere({ title, publisher, year: input.year, locator }));
  if (existing) return { source: toSource(existing), created: false };
  const [row] = await db
    .insert(sources)
    .values({ title, publisher, year: input.year, locator, kind: input.kind })
    .returning();
  return { source: toSource(row!), created: true };
}

/** The text that identifies a cell's figure from one source. */
export const cellSourceKey = (cell: ObservationCell, sourceId: number) => `${cellKey(cell)}|${sourceId}`;

/** The SQL condition for the observations of this cell, from any source. */
export const cellWhere = (cell: ObservationCell): SQL | undefined =>
  and(
    eq(observations.indicatorId, cell.indicator),
    eq(observations.jurisdictionId, cell.jurisdiction),
    eq(observations.year, cell.year),
    eq(observations.yearEnd, cell.yearEnd),
    eq(observations.period, storedPeriod(cell.period)),
    eq(observations.disaggregation, storedBreakdown(cell.disaggregation)),
    eq(observations.definition, cell.definition),
  );

const columns = {
  ...observationSelection,
  locked: observations.locked,
  createdBy: observations.createdBy,
  createdAt: observations.createdAt,
  updatedAt: observations.updatedAt,
};

type Row = ObservationRow & {
  locked: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
};

const toWorkflowObservation = ({
  locked,
  createdBy,
  createdAt,
  updatedAt,
  ...row
}: Row): WorkflowObservation => ({
  ...toObservation(row),
  locked: locked === 1,
  createdBy,
  createdAt,
  updatedAt,
});

const selectRows = (db: Db) =>
  db.select(columns).from(observations).innerJoin(sources, eq(sources.id, observations.sourceId));

export async function findWorkflowObservation(db: Db, id: number): Promise<WorkflowObservation | null> {
  const [row] = await selectRows(db).where(eq(observations.id, id));
  return row ? toWorkflowObservation(row) : null;
}

/** Observations the principal may read that are in one of `states`, within a jurisdiction when given. */
export async function listWorkflowObservations(
  db: Db,
  principal: Principal,
  filter: { states: WorkflowState[]; within?: JurisdictionId | undefined; tree: JurisdictionTree },
): Promise<WorkflowObservation[]> {
  const rows = await selectRows(db)
    .where(
      and(
        observationVisibility(principal, filter.tree),
        inArray(observations.workflowState, filter.states),
        filter.within ? withinScope(filter.tree, filter.within) : undefined,
      ),
    )
    .orderBy(
      asc(observations.jurisdictionId),
      asc(observations.indicatorId),
      asc(observations.year),
      asc(observations.id),
    );
  return rows.map(toWorkflowObservation);
}

/** The id of an observation with the same cell and source, if there is one. */
export async function findSameCell(db: Db, cell: ObservationCell, sourceId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: observations.id })
    .from(observations)
    .where(and(cellWhere(cell), eq(observations.sourceId, sourceId)));
  return row?.id ?? null;
}

/** The same cell's value one year earlier (annual figures, not rejected, newest first), for the outlier check. */
export async function previousYearValue(db: Db, cell: ObservationCell): Promise<number | null> {
  if (!isAnnual(cell)) return null;
  const [row] = await db
    .select({ value: observations.value })
    .from(observations)
    .where(
      and(
        cellWhere({ ...cell, year: cell.year - 1, yearEnd: cell.year - 1 }),
        ne(observations.workflowState, 'rejected'),
      ),
    )
    .orderBy(desc(observations.id));
  return row?.value ?? null;
}

/**
 * For each annual figure, the same cell's published, current value one year earlier (newest first when
 * several sources give one), keyed by the figure's id; figures spanning several years get none.
 */
export async function previousPublishedValues(
  db: Db,
  figures: readonly WorkflowObservation[],
): Promise<Map<number, PreviousYearValue>> {
  const annual = figures.filter(isAnnual);
  const found = new Map<number, PreviousYearValue>();
  if (annual.length === 0) return found;
  const rows = await db
    .select(observationSelection)
    .from(observations)
    .innerJoin(sources, eq(sources.id, observations.sourceId))
    .where(
      and(
        eq(observations.workflowState, 'published'),
        isNull(observations.supersededBy),
        eq(observations.year, observations.yearEnd),
        eq(observations.period, ''),
        inArray(observations.indicatorId, [...new Set(annual.map((f) => f.indicator))]),
        inArray(observations.jurisdictionId, [...new Set(annual.map((f) => f.jurisdiction))]),
        inArray(observations.year, [...new Set(annual.map((f) => f.year - 1))]),
      ),
    )
    .orderBy(desc(observations.id));
  const byCell = new Map<string, PreviousYearValue>();
  for (const row of rows) {
    const o = toObservation(row);
    const key = cellKey(o);
    if (o.value !== null && !byCell.has(key))
      byCell.set(key, { observationId: o.id, year: o.year, value: o.value, source: o.source });
  }
  for (const f of annual) {
    const previous = byCell.get(cellKey({ ...f, year: f.year - 1, yearEnd: f.year - 1 }));
    if (previous) found.set(f.id, previous);
  }
  return found;
}

/** A figure's value with its status and what the source printed. */
export type FigureReading = {
  value: number;
  status: ObsStatus;
  unitAsRead: string | null;
  valueAsRead: string | null;
  note: string | null;
};

export type NewObservation = ObservationCell &
  FigureReading & {
    sourceId: number;
    workflowState: WorkflowState;
    createdBy: string | null;
  };

export const observationValues = (o: NewObservation, now: Date) => ({
  indicatorId: o.indicator,
  jurisdictionId: o.jurisdiction,
  year: o.year,
  yearEnd: o.yearEnd,
  period: storedPeriod(o.period),
  disaggregation: storedBreakdown(o.disaggregation),
  definition: o.definition,
  value: o.value,
  status: o.status,
  unitAsRead: o.unitAsRead,
  valueAsRead: o.valueAsRead,
  note: o.note,
  sourceId: o.sourceId,
  workflowState: o.workflowState,
  createdBy: o.createdBy,
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  locked: 0,
});

export async function insertObservation(db: Db, o: NewObservation, now: Date): Promise<number> {
  const [row] = await db
    .insert(observations)
    .values(observationValues(o, now))
    .returning({ id: observations.id });
  return row!.id;
}

/** Inserts many observations in chunks; returns their ids in order. */
export async function insertObservations(db: Db, list: NewObservation[], now: Date): Promise<number[]> {
  const ids: number[] = [];
  const CHUNK = 500;
  for (let i = 0; i < list.length; i += CHUNK) {
    const rows = await db
      .insert(observations)
      .values(list.slice(i, i + CHUNK).map((o) => observationValues(o, now)))
      .returning({ id: observations.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

export type ObservationCorrection = {
  value?: number;
  status?: ObsStatus;
  unitAsRead?: string | null;
  valueAsRead?: string | null;
  note?: string | null;
  sourceId?: number;
};

/**
 * Applies a correction and records the previous value and source as a revision, so that the figure's
 * history is never overwritten.
 */
export async function saveCorrection(
  db: Db,
  before: WorkflowObservation,
  change: ObservationCorrection & { workflowState: WorkflowState },
  revision: { reason: string; by: string },
  now: Date,
): Promise<void> {
  await db
    .update(observations)
    .set({ ...change, locked: 0, updatedAt: now.toISOString() })
    .where(eq(observations.id, before.id));
  await db.insert(observationRevisions).values({
    observationId: before.id,
    previousValue: before.value,
    previousValueAsRead: before.valueAsRead,
    previousSourceId: before.source.id,
    newValue: change.value ?? before.value,
    reason: revision.reason,
    revisedBy: revision.by,
    revisedAt: now.toISOString(),
  });
}

export async function setWorkflowState(
  db: Db,
  id: number,
  state: { workflowState: WorkflowState; locked: boolean },
  now: Date,
): Promise<void> {
  await db
    .update(observations)
    .set({ workflowState: state.workflowState, locked: state.locked ? 1 : 0, updatedAt: now.toISOString() })
    .where(eq(observations.id, id));
}

/**
 * The revisions of an observation, oldest first, with who made each. A revision's source is the one before it;
 * it counts as changed when it differs from the next revision's previous source (or, for the last, the
 * figure's current source).
 */
export async function listRevisions(db: Db, observation: WorkflowObservation): Promise<Revision[]> {
  const rows = await db
    .select({
      id: observationRevisions.id,
      previousValue: observationRevisions.previousValue,
      previousValueAsRead: observationRevisions.previousValueAsRead,
      previousSourceId: observationRevisions.previousSourceId,
      previousSourceTitle: sources.title,
      newValue: observationRevisions.newValue,
      reason: observationRevisions.reason,
      revisedAt: observationRevisions.revisedAt,
      revisedBy: observationRevisions.revisedBy,
      revisedByEmail: users.email,
      revisedByName: users.displayName,
    })
    .from(observationRevisions)
    .leftJoin(sources, eq(sources.id, observationRevisions.previousSourceId))
    .leftJoin(users, eq(users.id, observationRevisions.revisedBy))
    .where(eq(observationRevisions.observationId, observation.id))
    .orderBy(asc(observationRevisions.id));
  return rows.map(({ revisedBy, revisedByEmail, revisedByName, ...row }, i) => {
    const sourceAfter = rows[i + 1]?.previousSourceId ?? observation.source.id;
    const changed = row.previousSourceId !== null && row.previousSourceId !== sourceAfter;
    return {
      ...row,
      previousSourceId: changed ? row.previousSourceId : null,
      previousSourceTitle: changed ? row.previousSourceTitle : null,
      revisedBy:
        revisedBy === null ? null : { id: revisedBy, email: revisedByEmail, displayName: revisedByName },
    };
  });
}

/** A stored figure as an import compares it with a row of the file. */
export type StoredReading = FigureReading & {
  id: number;
  cell: ObservationCell;
  sourceId: number;
  workflowState: WorkflowState;
  locked: boolean;
};

/** Every figure, in any state, for these indicators in these jurisdictions. */
export async function listFiguresIn(
  db: Db,
  filter: { indicators: string[]; jurisdictions: string[] },
): Promise<StoredReading[]> {
  if (filter.indicators.length === 0 || filter.jurisdictions.length === 0) return [];
  const rows = await db
    .select()
    .from(observations)
    .where(
      and(
        inArray(observations.indicatorId, filter.indicators),
        inArray(observations.jurisdictionId, filter.jurisdictions),
      ),
    );
  return rows.map((o) => ({
    id: o.id,
    cell: cellFromRow(o),
    value: o.value,
    status: o.status,
    unitAsRead: o.unitAsRead,
    valueAsRead: o.valueAsRead,
    note: o.note,
    sourceId: o.sourceId,
    workflowState: o.workflowState,
    locked: o.locked === 1,
  }));
}
