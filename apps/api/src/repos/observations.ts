import {
  breakdownEntries,
  DisaggregationSchema,
  type BreakdownSelection,
  isPartialPeriod,
  STANDARD_DEFINITION,
  type ConfStatus,
  type Disaggregation,
  type IndicatorId,
  type JurisdictionId,
  type Observation,
  type ObservationCell,
  type ObsStatus,
  type Period,
  type Source,
  type WorkflowState,
} from '@fourp/domain';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  max,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { preparedOn } from '../db/prepared.js';
import { disclosureStates, observations, sources } from '../db/schema.js';
import { sourceColumns } from './sources.js';

export type ObservationFilter = {
  indicators?: readonly IndicatorId[];
  jurisdictions?: readonly JurisdictionId[];
  /** Keeps figures whose span overlaps [from, to]. */
  from?: number;
  to?: number;
  sourceId?: number;
  /** Also keeps this user's own figures that are not yet published (draft, submitted, approved). */
  draftsOf?: string | null;
  /** `total`: only figures without a breakdown. */
  breakdown?: BreakdownSelection;
  /** Only totals (no breakdown) that no later figure superseded. */
  currentTotals?: boolean;
  /** Only whole-year totals (no breakdown) that no later figure superseded. */
  annualTotals?: boolean;
};

const PUBLISHED: WorkflowState = 'published';
const OWN_UNPUBLISHED: WorkflowState[] = ['draft', 'submitted', 'approved'];

/** The columns of a stored figure without its source. */
const figureColumns = {
  id: observations.id,
  indicator: observations.indicatorId,
  jurisdiction: observations.jurisdictionId,
  year: observations.year,
  yearEnd: observations.yearEnd,
  period: observations.period,
  disaggregation: observations.disaggregation,
  value: observations.value,
  status: observations.status,
  confStatus: observations.confStatus,
  definition: observations.definition,
  unitAsRead: observations.unitAsRead,
  valueAsRead: observations.valueAsRead,
  workflowState: observations.workflowState,
  supersededBy: observations.supersededBy,
  note: observations.note,
};

/** The select map an observation is read with, its source nested; `toObservation` maps a row to the domain. */
export const observationSelection = { ...figureColumns, source: sourceColumns };

export type ObservationRow = {
  id: number;
  indicator: string;
  jurisdiction: string;
  year: number;
  yearEnd: number;
  period: string;
  disaggregation: string;
  value: number;
  status: ObsStatus;
  confStatus: ConfStatus;
  definition: string;
  unitAsRead: string | null;
  valueAsRead: string | null;
  workflowState: WorkflowState;
  supersededBy: number | null;
  note: string | null;
  source: Source;
};

/** A breakdown as the database stores it: JSON in the domain's canonical order, '{}' for the total. */
export const storedBreakdown = (breakdown: Disaggregation): string =>
  JSON.stringify(Object.fromEntries(breakdownEntries(breakdown)));

/** A stored breakdown back in the domain; throws on a row no write path could have produced. */
export function breakdownFromStored(stored: string, id: number): Disaggregation {
  const parsed = DisaggregationSchema.safeParse(JSON.parse(stored));
  if (!parsed.success) throw new Error(`observation ${id} has an invalid disaggregation: ${stored}`);
  return parsed.data;
}

/** A period as the database stores it: '' for whole years (the column is part of the cell, so never null). */
export const storedPeriod = (period: Period | null | undefined): string => period ?? '';
const periodFromStored = (stored: string): Period | null => (stored === '' ? null : stored);

/** The cell of a stored observation row, in the domain's vocabulary. */
export const cellFromRow = (row: {
  id: number;
  indicatorId: string;
  jurisdictionId: string;
  year: number;
  yearEnd: number;
  period: string;
  disaggregation: string;
  definition: string;
}): ObservationCell => ({
  indicator: row.indicatorId,
  jurisdiction: row.jurisdictionId,
  year: row.year,
  yearEnd: row.yearEnd,
  period: periodFromStored(row.period),
  disaggregation: breakdownFromStored(row.disaggregation, row.id),
  definition: row.definition,
});

export function toObservation(row: ObservationRow): Observation {
  const period = periodFromStored(row.period);
  return {
    id: row.id,
    indicator: row.indicator,
    jurisdiction: row.jurisdiction,
    year: row.year,
    yearEnd: row.yearEnd,
    period,
    partialPeriod: isPartialPeriod({ year: row.year, yearEnd: row.yearEnd, period }),
    disaggregation: breakdownFromStored(row.disaggregation, row.id),
    value: row.value,
    suppressed: false,
    status: row.status,
    confStatus: row.confStatus,
    definition: row.definition || STANDARD_DEFINITION,
    unitAsRead: row.unitAsRead,
    valueAsRead: row.valueAsRead,
    workflowState: row.workflowState,
    superseded: row.supersededBy !== null,
    note: row.note,
    source: row.source,
  };
}

function publishedWhere(filter: ObservationFilter): SQL | undefined {
  const published = eq(observations.workflowState, PUBLISHED);
  const conditions: (SQL | undefined)[] = [
    filter.draftsOf
      ? or(
          published,
          and(
            eq(observations.createdBy, filter.draftsOf),
            inArray(observations.workflowState, OWN_UNPUBLISHED),
          ),
        )
      : published,
  ];
  if (filter.indicators) conditions.push(inArray(observations.indicatorId, [...filter.indicators]));
  if (filter.jurisdictions) conditions.push(inArray(observations.jurisdictionId, [...filter.jurisdictions]));
  if (filter.from !== undefined) conditions.push(gte(observations.yearEnd, filter.from));
  if (filter.to !== undefined) conditions.push(lte(observations.year, filter.to));
  if (filter.sourceId !== undefined) conditions.push(eq(observations.sourceId, filter.sourceId));
  if (filter.breakdown === 'total') conditions.push(eq(observations.disaggregation, storedBreakdown({})));
  if (filter.annualTotals || filter.currentTotals) {
    conditions.push(eq(observations.disaggregation, storedBreakdown({})), isNull(observations.supersededBy));
  }
  if (filter.annualTotals) conditions.push(eq(observations.year, observations.yearEnd));
  return and(...conditions);
}

/**
 * Published observations, plus `draftsOf`'s own unpublished ones when set, with their source, ordered by
 * indicator, jurisdiction, year, id.
 */
export async function listPublishedOrOwnObservations(
  db: Db,
  filter: ObservationFilter = {},
): Promise<Observation[]> {
  return selectObservations(db, publishedWhere(filter));
}

/** As `listPublishedOrOwnObservations`, synchronously, for the transactions that change the published set. */
export const listPublishedObservationsNow = (db: DbOrTx, filter: Omit<ObservationFilter, 'draftsOf'>) =>
  selectObservations(db, publishedWhere(filter));

/** These published observations (ids of others are left out), by id: each id is one seek of the primary key. */
export const listPublishedObservationsById = (db: DbOrTx, ids: readonly number[]) =>
  ids.length === 0
    ? []
    : selectObservations(db, and(publishedWhere({}), inArray(observations.id, [...ids])), [observations.id]);

function selectObservations(db: DbOrTx, where: SQL | undefined, order = LIST_ORDER): Observation[] {
  return db
    .select(observationSelection)
    .from(observations)
    .innerJoin(sources, eq(observations.sourceId, sources.id))
    .where(where)
    .orderBy(...order.map((column) => asc(column)))
    .all()
    .map(toObservation);
}

/** Where a page ends: the sort key of its last figure. */
export type PagePosition = { indicator: string; jurisdiction: string; year: number; id: number };

const LIST_ORDER = [
  observations.indicatorId,
  observations.jurisdictionId,
  observations.year,
  observations.id,
];

/**
 * The figures after `position` in the sort key, leaving out the columns a filter fixes to one value, so the
 * comparison runs along an index whose leading columns are those (PostgreSQL compares row values the same way).
 */
function after(filter: ObservationFilter, position: readonly unknown[]): SQL {
  const fixed = new Set<unknown>();
  if (filter.indicators?.length === 1) fixed.add(observations.indicatorId);
  if (filter.jurisdictions?.length === 1) fixed.add(observations.jurisdictionId);
  const free = LIST_ORDER.map((column, i) => [column, position[i]] as const).filter(
    ([column]) => !fixed.has(column),
  );
  return sql`(${sql.join(
    free.map(([column]) => column),
    sql`, `,
  )}) > (${sql.join(
    free.map(([, value]) => sql`${value}`),
    sql`, `,
  )})`;
}

type DisclosureState = (typeof disclosureStates.$inferSelect)['state'];

/** A batch of figures in the list order, each with its stored disclosure state (null when it has none). */
export type FigureBatch = { figures: Observation[]; states: (DisclosureState | null)[] };

const POSITION = [
  sql.placeholder('indicator'),
  sql.placeholder('jurisdiction'),
  sql.placeholder('year'),
  sql.placeholder('id'),
];

/**
 * Every observation `listPublishedOrOwnObservations` reads, in its order (after `from` when given), as keyset
 * batches of `size`: two statements prepared once, rows read as arrays, each distinct breakdown parsed and each
 * source read once (by id, rather than joined to every row).
 * Each batch is read whole, so no statement stays open on the connection between batches.
 */
export function* figureBatches(
  db: Db,
  filter: ObservationFilter,
  size: number,
  from: PagePosition | null = null,
): Generator<FigureBatch> {
  const select = (where: SQL | undefined) =>
    db
      .select({ ...figureColumns, sourceId: observations.sourceId, disclosure: disclosureStates.state })
      .from(observations)
      .leftJoin(disclosureStates, eq(disclosureStates.observationId, observations.id))
      .where(where)
      .orderBy(...LIST_ORDER.map((column) => asc(column)))
      .limit(size)
      .prepare();
  let next: ReturnType<typeof select> | undefined;
  const readAfter = (position: PagePosition) =>
    (next ??= select(and(publishedWhere(filter), after(filter, POSITION)))).values(position);
  const breakdowns = new Map<string, Disaggregation>();
  const sourcesById = new Map<number, Source>();
  for (
    let rows = from === null ? select(publishedWhere(filter)).values() : readAfter(from);
    rows.length > 0;
  ) {
    const batch: FigureBatch = { figures: new Array(rows.length), states: new Array(rows.length) };
    rows.forEach((row, i) => {
      const [id, indicator, jurisdiction, year, yearEnd, storedPeriod, stored] = row as StreamedHead;
      let disaggregation = breakdowns.get(stored);
      if (disaggregation === undefined)
        breakdowns.set(stored, (disaggregation = breakdownFromStored(stored, id)));
      const sourceId = row[16] as number;
      let source = sourcesById.get(sourceId);
      if (source === undefined) sourcesById.set(sourceId, (source = sourceOf(db, sourceId)));
      const period = periodFromStored(storedPeriod);
      batch.figures[i] = {
        id,
        indicator,
        jurisdiction,
        year,
        yearEnd,
        period,
        partialPeriod: isPartialPeriod({ year, yearEnd, period }),
        disaggregation,
        value: row[7] as number,
        suppressed: false,
        status: row[8] as ObsStatus,
        confStatus: row[9] as ConfStatus,
        definition: (row[10] as string) || STANDARD_DEFINITION,
        unitAsRead: row[11] as string | null,
        valueAsRead: row[12] as string | null,
        workflowState: row[13] as WorkflowState,
        superseded: row[14] !== null,
        note: row[15] as string | null,
        source,
      };
      batch.states[i] = row[17] as DisclosureState | null;
    });
    yield batch;
    if (rows.length < size) return;
    const last = batch.figures[rows.length - 1]!;
    rows = readAfter(last);
  }
}

type StreamedHead = [number, string, string, number, number, string, string];

/** A figure's source, by id (one read per source a stream meets; the key guarantees it exists). */
function sourceOf(db: Db, id: number): Source {
  const source = preparedOn(db, 'source of a figure', (db) =>
    db
      .select(sourceColumns)
      .from(sources)
      .where(eq(sources.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
  if (source === undefined) throw new Error(`source ${id} of a stored figure does not exist`);
  return source;
}

export type CoverageRow = {
  indicator: IndicatorId;
  jurisdiction: JurisdictionId;
  year: number;
  observations: number;
};

/**
 * Years with any published observation for the jurisdiction, newest first. One index seek per year found, so
 * the cost does not grow with the figures per year.
 */
export async function listPublishedYears(db: Db, jurisdiction: JurisdictionId): Promise<number[]> {
  const newestBelow = preparedOn(db, 'newest published year below', (db) =>
    db
      .select({ year: observations.year })
      .from(observations)
      .where(
        and(
          eq(observations.workflowState, PUBLISHED),
          eq(observations.jurisdictionId, sql.placeholder('jurisdiction')),
          lt(observations.year, sql.placeholder('below')),
        ),
      )
      .orderBy(desc(observations.year))
      .limit(1)
      .prepare(),
  );
  const years: number[] = [];
  for (let below = Number.MAX_SAFE_INTEGER; ;) {
    const row = newestBelow.get({ jurisdiction, below });
    if (row === undefined) return years;
    years.push(row.year);
    below = row.year;
  }
}

/** How many published observations `filter` selects: one COUNT along an index. */
export const countPublishedObservations = (db: Db, filter: Omit<ObservationFilter, 'draftsOf'>): number =>
  db.select({ n: count() }).from(observations).where(publishedWhere(filter)).get()?.n ?? 0;

export async function countObservations(db: Db): Promise<{ all: number; published: number }> {
  const [all] = await db.select({ n: count() }).from(observations);
  const [published] = await db.select({ n: count() }).from(observations).where(publishedWhere({}));
  return { all: all?.n ?? 0, published: published?.n ?? 0 };
}

/** When a published observation was last created or changed (ISO 8601); null when none is published. */
export async function lastPublishedChange(db: Db): Promise<string | null> {
  // One max() per query, so each is a seek to the end of its index.
  const latest = (column: typeof observations.createdAt | typeof observations.updatedAt) =>
    db
      .select({ at: max(column) })
      .from(observations)
      .where(publishedWhere({}))
      .get()?.at;
  const times = [latest(observations.createdAt), latest(observations.updatedAt)].filter(
    (time): time is string => typeof time === 'string',
  );
  return times.length === 0 ? null : times.reduce((latest, time) => (time > latest ? time : latest));
}

/** The indicator of each of the observations, by id; ids that name no observation are left out. */
export async function indicatorsOf(db: Db, ids: readonly number[]): Promise<Map<number, IndicatorId>> {
  const CHUNK = 500;
  const found = new Map<number, IndicatorId>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .select({ id: observations.id, indicator: observations.indicatorId })
      .from(observations)
      .where(inArray(observations.id, ids.slice(i, i + CHUNK)));
    for (const row of rows) found.set(row.id, row.indicator);
  }
  return found;
}
