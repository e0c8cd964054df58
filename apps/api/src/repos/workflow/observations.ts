import {
  DisaggregationSchema,
  STANDARD_DEFINITION,
  descendantsOf,
  readScopeOf,
  type Disaggregation,
  type JurisdictionId,
  type ObsStatus,
  type Principal,
  type Source,
  type SourceKind,
  type WorkflowObservation,
  type WorkflowState,
} from '@fourp/domain';
import { and, asc, desc, eq, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { observationRevisions, observations, sources } from '../../db/schema.js';

/** The SQL condition for the observations a principal may read: published ones, plus every state in its scope. */
export function observationVisibility(principal: Principal): SQL | undefined {
  const within = readScopeOf(principal).unpublishedWithin;
  if (within === '*') return undefined;
  const published = eq(observations.workflowState, 'published');
  if (within === null) return published;
  return or(published, inArray(observations.jurisdictionId, [within, ...descendantsOf(within)]));
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

const toSource = (row: typeof sources.$inferSelect): Source => ({ ...row, kind: row.kind as SourceKind });

export async function findSourceById(db: Db, id: number): Promise<Source | null> {
  const [row] = await db.select().from(sources).where(eq(sources.id, id));
  return row ? toSource(row) : null;
}

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
    .where(
      and(
        eq(sources.title, title),
        eq(sources.publisher, publisher),
        input.year === null ? isNull(sources.year) : eq(sources.year, input.year),
        locator === null ? isNull(sources.locator) : eq(sources.locator, locator),
      ),
    );
  if (existing) return { source: toSource(existing), created: false };
  const [row] = await db
    .insert(sources)
    .values({ title, publisher, year: input.year, locator, kind: input.kind })
    .returning();
  return { source: toSource(row!), created: true };
}

export type ObservationCell = {
  indicator: string;
  jurisdiction: JurisdictionId;
  year: number;
  yearEnd: number;
  disaggregation: Disaggregation;
  definition: string;
};

/** Disaggregation as stored: JSON with keys sorted, so that equal breakdowns compare equal. */
export const disaggregationText = (d: Disaggregation) =>
  JSON.stringify(Object.fromEntries(Object.entries(d).sort(([a], [b]) => a.localeCompare(b))));

export const cellKey = (cell: ObservationCell, sourceId: number) =>
  [
    cell.indicator,
    cell.jurisdiction,
    cell.year,
    cell.yearEnd,
    disaggregationText(cell.disaggregation),
    cell.definition,
    sourceId,
  ].join('|');

const columns = {
  id: observations.id,
  indicator: observations.indicatorId,
  jurisdiction: observations.jurisdictionId,
  year: observations.year,
  yearEnd: observations.yearEnd,
  disaggregation: observations.disaggregation,
  value: observations.value,
  status: observations.status,
  definition: observations.definition,
  unitAsRead: observations.unitAsRead,
  valueAsRead: observations.valueAsRead,
  workflowState: observations.workflowState,
  supersededBy: observations.supersededBy,
  note: observations.note,
  locked: observations.locked,
  createdBy: observations.createdBy,
  createdAt: observations.createdAt,
  updatedAt: observations.updatedAt,
  source: {
    id: sources.id,
    title: sources.title,
    publisher: sources.publisher,
    year: sources.year,
    locator: sources.locator,
    kind: sources.kind,
  },
};

type Row = {
  id: number;
  indicator: string;
  jurisdiction: string;
  year: number;
  yearEnd: number;
  disaggregation: string;
  value: number;
  status: ObsStatus;
  definition: string;
  unitAsRead: string | null;
  valueAsRead: string | null;
  workflowState: WorkflowState;
  supersededBy: number | null;
  note: string | null;
  locked: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  source: {
    id: number;
    title: string;
    publisher: string;
    year: number | null;
    locator: string | null;
    kind: string;
  };
};

const toWorkflowObservation = ({ supersededBy, locked, source, ...row }: Row): WorkflowObservation => ({
  ...row,
  disaggregation: DisaggregationSchema.parse(JSON.parse(row.disaggregation)),
  definition: row.definition || STANDARD_DEFINITION,
  suppressed: false,
  superseded: supersededBy !== null,
  locked: locked === 1,
  source: { ...source, kind: source.kind as SourceKind },
});

const selectRows = (db: Db) =>
  db.select(columns).from(observations).innerJoin(sources, eq(sources.id, observations.sourceId));

export async function findWorkflowObservation(db: Db, id: number): Promise<WorkflowObservation | null> {
  const [row] = await selectRows(db).where(eq(observations.id, id));
  return row ? toWorkflowObservation(row) : null;
}

/** Observations the principal may read that are in one of `states`, within `jurisdictions` when given. */
export async function listWorkflowObservations(
  db: Db,
  principal: Principal,
  filter: { states: WorkflowState[]; jurisdictions?: JurisdictionId[] },
): Promise<WorkflowObservation[]> {
  const rows = await selectRows(db)
    .where(
      and(
        observationVisibility(principal),
        inArray(observations.workflowState, filter.states),
        filter.jurisdictions ? inArray(observations.jurisdictionId, filter.jurisdictions) : undefined,
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
    .where(
      and(
        eq(observations.indicatorId, cell.indicator),
        eq(observations.jurisdictionId, cell.jurisdiction),
        eq(observations.year, cell.year),
        eq(observations.yearEnd, cell.yearEnd),
        eq(observations.disaggregation, disaggregationText(cell.disaggregation)),
        eq(observations.definition, cell.definition),
        eq(observations.sourceId, sourceId),
      ),
    );
  return row?.id ?? null;
}

/** The same cell's value one year earlier (annual figures, not rejected, newest first), for the outlier check. */
export async function previousYearValue(db: Db, cell: ObservationCell): Promise<number | null> {
  if (cell.year !== cell.yearEnd) return null;
  const [row] = await db
    .select({ value: observations.value })
    .from(observations)
    .where(
      and(
        eq(observations.indicatorId, cell.indicator),
        eq(observations.jurisdictionId, cell.jurisdiction),
        eq(observations.year, cell.year - 1),
        eq(observations.yearEnd, cell.year - 1),
        eq(observations.disaggregation, disaggregationText(cell.disaggregation)),
        eq(observations.definition, cell.definition),
        ne(observations.workflowState, 'rejected'),
      ),
    )
    .orderBy(desc(observations.id));
  return row?.value ?? null;
}

export type NewObservation = ObservationCell & {
  value: number;
  status: ObsStatus;
  unitAsRead: string | null;
  valueAsRead: string | null;
  note: string | null;
  sourceId: number;
  workflowState: WorkflowState;
  createdBy: string | null;
};

export const observationValues = (o: NewObservation, now: Date) => ({
  indicatorId: o.indicator,
  jurisdictionId: o.jurisdiction,
  year: o.year,
  yearEnd: o.yearEnd,
  disaggregation: disaggregationText(o.disaggregation),
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
export async function correctObservation(
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

export async function listRevisions(db: Db, observationId: number) {
  return db
    .select({
      id: observationRevisions.id,
      previousValue: observationRevisions.previousValue,
      previousValueAsRead: observationRevisions.previousValueAsRead,
      previousSourceId: observationRevisions.previousSourceId,
      newValue: observationRevisions.newValue,
      reason: observationRevisions.reason,
      revisedAt: observationRevisions.revisedAt,
      revisedBy: observationRevisions.revisedBy,
    })
    .from(observationRevisions)
    .where(eq(observationRevisions.observationId, observationId))
    .orderBy(asc(observationRevisions.id));
}
