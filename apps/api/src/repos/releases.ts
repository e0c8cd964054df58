import {
  isTotal,
  ObservationSchema,
  ReleaseChecksumSchema,
  ReleaseManifestSchema,
  type Observation,
  type ReleaseChecksum,
  type ReleaseManifest,
} from '@fourp/domain';
import { and, count, desc, eq, inArray, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { releaseFigures, releases } from '../db/schema.js';
import type { ObservationFilter } from './observations.js';

export type StoredRelease = {
  id: string;
  createdAt: string;
  createdBy: string | null;
  previousId: string | null;
  note: string | null;
  figureCount: number;
  manifest: ReleaseManifest;
  checksums: ReleaseChecksum[];
};

const toRelease = (row: typeof releases.$inferSelect): StoredRelease => ({
  ...row,
  manifest: ReleaseManifestSchema.parse(JSON.parse(row.manifest)),
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

const BATCH = 200;

/** Stores a release and its figures; its checksums are recorded once, by `recordChecksums`. */
export function insertRelease(
  db: Db,
  release: Omit<StoredRelease, 'checksums'>,
  figures: readonly Observation[],
): void {
  db.insert(releases)
    .values({ ...release, manifest: JSON.stringify(release.manifest), checksums: '[]' })
    .run();
  for (let i = 0; i < figures.length; i += BATCH) {
    db.insert(releaseFigures)
      .values(
        figures.slice(i, i + BATCH).map((o) => ({
          releaseId: release.id,
          observationId: o.id,
          indicatorId: o.indicator,
          jurisdictionId: o.jurisdiction,
          year: o.year,
          figure: JSON.stringify(o),
        })),
      )
      .run();
  }
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
