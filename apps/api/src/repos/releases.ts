import {
  isTotal,
  ObservationSchema,
  ReleaseChecksumSchema,
  type Observation,
  type ReleaseChange,
  type ReleaseChangeKind,
  type ReleaseChecksum,
} from '@fourp/domain';
import {
  aliasedTable,
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNull,
  lte,
  ne,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { SQLiteInsertSelectQueryBuilder } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { preparedOn } from '../db/prepared.js';
import { releaseChanges, releaseFigures, releases } from '../db/schema.js';
import type { ObservationFilter } from './observations.js';

export type ReleaseCounts = { added: number; corrected: number; withdrawn: number };

export type StoredRelease = {
  id: string;
  createdAt: string;
  createdBy: string | null;
  previousId: string | null;
  note: string | null;
  figureCount: number;
  counts: ReleaseCounts;
  checksums: ReleaseChecksum[];
};

const toRelease = ({
  addedCount,
  correctedCount,
  withdrawnCount,
  ...row
}: typeof releases.$inferSelect): StoredRelease => ({
  ...row,
  counts: { added: addedCount, corrected: correctedCount, withdrawn: withdrawnCount },
  checksums: z.array(ReleaseChecksumSchema).parse(JSON.parse(row.checksums)),
});

/** Every release, newest first. */
export function listReleases(db: Db): StoredRelease[] {
  return db.select().from(releases).orderBy(desc(releases.createdAt), desc(releases.id)).all().map(toRelease);
}

export function findRelease(db: Db, id: string): StoredRelease | null {
  const row = db.select().from(releases).where(eq(releases.id, id)).get();
  return row === undefined ? null : toRelease(row);
}

/** Stores a release without figures or changes: `addReleaseFigures`, then `recordReleaseChanges`, fill it. */
export function insertRelease(
  db: Db,
  release: Omit<StoredRelease, 'checksums' | 'counts' | 'figureCount'>,
): void {
  db.insert(releases)
    .values({ ...release, figureCount: 0, checksums: '[]' })
    .run();
}

/** Adds figures, as the public sees them, to a release being made; one prepared statement a figure. */
export function addReleaseFigures(db: Db, id: string, figures: readonly Observation[]): void {
  const insert = preparedOn(db, 'insert release figure', (db) =>
    db
      .insert(releaseFigures)
      .values({
        releaseId: sql.placeholder('releaseId'),
        observationId: sql.placeholder('observationId'),
        indicatorId: sql.placeholder('indicatorId'),
        jurisdictionId: sql.placeholder('jurisdictionId'),
        year: sql.placeholder('year'),
        figure: sql.placeholder('figure'),
      })
      .prepare(),
  );
  for (const o of figures)
    insert.run({
      releaseId: id,
      observationId: o.id,
      indicatorId: o.indicator,
      jurisdictionId: o.jurisdiction,
      year: o.year,
      figure: JSON.stringify(o),
    });
}

const current = aliasedTable(releaseFigures, 'current');
const before = aliasedTable(releaseFigures, 'before');

/**
 * Records a release's manifest against `previousId` (none: every figure added) by three INSERT … SELECT over
 * the two releases' figures, joined by figure id: added (only in this release), corrected (in both, its public
 * JSON differs), withdrawn (only in the previous). Stores the counts, and `figureCount`, on the release.
 */
export function recordReleaseChanges(
  db: Db,
  { id, previousId, figureCount }: { id: string; previousId: string | null; figureCount: number },
): ReleaseCounts {
  const changeOf = (change: ReleaseChangeKind, figure: typeof current) => ({
    releaseId: sql<string>`${id}`.as('release_id'),
    change: sql<ReleaseChangeKind>`${change}`.as('change'),
    observationId: figure.observationId,
    indicatorId: figure.indicatorId,
    jurisdictionId: figure.jurisdictionId,
    year: figure.year,
  });
  const record = (rows: SQLiteInsertSelectQueryBuilder<typeof releaseChanges>) =>
    db.insert(releaseChanges).select(rows).run().changes;
  const inCurrent = and(eq(current.releaseId, id), eq(current.observationId, before.observationId));
  const inPrevious = and(
    eq(before.releaseId, previousId ?? ''),
    eq(before.observationId, current.observationId),
  );
  const counts: ReleaseCounts = {
    added: record(
      db
        .select(changeOf('added', current))
        .from(current)
        .leftJoin(before, inPrevious)
        .where(and(eq(current.releaseId, id), isNull(before.observationId))),
    ),
    corrected: record(
      db
        .select(changeOf('corrected', current))
        .from(current)
        .innerJoin(before, inPrevious)
        .where(and(eq(current.releaseId, id), ne(current.figure, before.figure))),
    ),
    withdrawn: record(
      db
        .select(changeOf('withdrawn', before))
        .from(before)
        .leftJoin(current, inCurrent)
        .where(and(eq(before.releaseId, previousId ?? ''), isNull(current.observationId))),
    ),
  };
  db.update(releases)
    .set({
      figureCount,
      addedCount: counts.added,
      correctedCount: counts.corrected,
      withdrawnCount: counts.withdrawn,
    })
    .where(eq(releases.id, id))
    .run();
  return counts;
}

/** Where a page of changes ends: the cell key of its last change. */
export type ChangePosition = [indicator: string, jurisdiction: string, year: number, observation: number];

/**
 * A page of a release's manifest in cell order (indicator, jurisdiction, year, figure id), after `after`: a seek
 * of the release's (and change kind's) index, then a walk along it.
 */
export function listReleaseChanges(
  db: Db,
  id: string,
  { change, after, limit }: { change?: ReleaseChangeKind; after: ChangePosition | null; limit: number },
): ReleaseChange[] {
  const key = [
    releaseChanges.indicatorId,
    releaseChanges.jurisdictionId,
    releaseChanges.year,
    releaseChanges.observationId,
  ];
  return db
    .select({
      observation: releaseChanges.observationId,
      indicator: releaseChanges.indicatorId,
      jurisdiction: releaseChanges.jurisdictionId,
      year: releaseChanges.year,
      change: releaseChanges.change,
    })
    .from(releaseChanges)
    .where(
      and(
        eq(releaseChanges.releaseId, id),
        change === undefined ? undefined : eq(releaseChanges.change, change),
        after === null
          ? undefined
          : sql`(${sql.join(key, sql`, `)}) > (${sql.join(
              after.map((value) => sql`${value}`),
              sql`, `,
            )})`,
      ),
    )
    .orderBy(...key.map((column) => asc(column)))
    .limit(limit)
    .all();
}

export function recordChecksums(db: Db, id: string, checksums: readonly ReleaseChecksum[]): void {
  db.update(releases)
    .set({ checksums: JSON.stringify(checksums) })
    .where(eq(releases.id, id))
    .run();
}

function releaseWhere(id: string, filter: Omit<ObservationFilter, 'draftsOf'>): SQL | undefined {
  const where: SQL[] = [eq(releaseFigures.releaseId, id)];
  if (filter.indicators) where.push(inArray(releaseFigures.indicatorId, [...filter.indicators]));
  if (filter.jurisdictions) where.push(inArray(releaseFigures.jurisdictionId, [...filter.jurisdictions]));
  return and(...where);
}

/** At least as many figures of a release as `filter` selects (the years' start and breakdown are not counted). */
export const countReleaseFigures = (
  db: Db,
  id: string,
  filter: Omit<ObservationFilter, 'draftsOf'>,
): number =>
  db
    .select({ n: count() })
    .from(releaseFigures)
    .where(
      and(
        releaseWhere(id, filter),
        filter.to === undefined ? undefined : lte(releaseFigures.year, filter.to),
      ),
    )
    .get()?.n ?? 0;

/** The figures of a release as the public saw them then, ordered by indicator, jurisdiction, year, id. */
export function listReleaseFigures(
  db: Db,
  id: string,
  filter: Omit<ObservationFilter, 'draftsOf'> = {},
): Observation[] {
  return db
    .select({ figure: releaseFigures.figure })
    .from(releaseFigures)
    .where(releaseWhere(id, filter))
    .orderBy(
      releaseFigures.indicatorId,
      releaseFigures.jurisdictionId,
      releaseFigures.year,
      releaseFigures.observationId,
    )
    .all()
    .map((row) => ObservationSchema.parse(JSON.parse(row.figure)))
    .filter(
      (o) =>
        (filter.from === undefined || o.yearEnd >= filter.from) &&
        (filter.to === undefined || o.year <= filter.to) &&
        (filter.sourceId === undefined || o.source.id === filter.sourceId) &&
        (filter.breakdown !== 'total' || isTotal(o)),
    );
}

/**
 * The figures `listReleaseFigures` reads, in its order, one indicator × jurisdiction at a time (each a seek of
 * the release's index), so no more than one such cell's figures are held.
 */
export function* releaseFigureCells(
  db: Db,
  id: string,
  filter: Omit<ObservationFilter, 'draftsOf'> = {},
): Generator<Observation[]> {
  const cells = db
    .selectDistinct({ indicator: releaseFigures.indicatorId, jurisdiction: releaseFigures.jurisdictionId })
    .from(releaseFigures)
    .where(releaseWhere(id, filter))
    .orderBy(releaseFigures.indicatorId, releaseFigures.jurisdictionId)
    .all();
  for (const { indicator, jurisdiction } of cells)
    yield listReleaseFigures(db, id, { ...filter, indicators: [indicator], jurisdictions: [jurisdiction] });
}
