import {
  createJurisdictionTree,
  unitsOfFile,
  type Jurisdiction,
  type JurisdictionFile,
  type JurisdictionTree,
} from '@fourp/domain';
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { readDataVersion } from '../db/prepared.js';
import { users } from '../db/schema-workflow.js';
import {
  dataFileVersions,
  jurisdictionParents,
  jurisdictions,
  measureAssessments,
  observations,
  targets,
} from '../db/schema.js';

const FILE_NAME = 'jurisdictions';
/** Before the jurisdictions file, this id was Gujranwala Division; it is Gujranwala district now. */
const LEGACY_DIVISION = 'PK-PB-GUJRANWALA';
const GUJRANWALA_DIVISION = 'PK-PB-GUJRANWALA-DIV';
const FIA_GUJRANWALA_ZONE = 'PK-FIA-GUJRANWALA';

let generation = 0;
const trees = new WeakMap<Db, { generation: number; dataVersion: number; tree: JurisdictionTree }>();

/** Every unit stored, parents before children (the order they were added in), with its parent periods. */
export function readJurisdictions(db: DbOrTx): Jurisdiction[] {
  const periods = db.select().from(jurisdictionParents).orderBy(asc(jurisdictionParents.id)).all();
  return db
    .select()
    .from(jurisdictions)
    .orderBy(sql`rowid`)
    .all()
    .map((row) => ({
      id: row.id,
      kind: row.kind as Jurisdiction['kind'],
      parentId: row.parentId,
      name: row.nameUr === null ? { en: row.nameEn } : { en: row.nameEn, ur: row.nameUr },
      role: row.role,
      validFrom: row.validFrom,
      validTo: row.validTo,
      parents: periods
        .filter((p) => p.jurisdictionId === row.id)
        .map((p) => ({ parentId: p.parentId, from: p.validFrom, to: p.validTo, source: p.source })),
      source: row.source,
      note: row.note,
      migrationProfile: row.migrationProfile,
    }));
}

/**
 * The tree of the stored units, built once per database handle and rebuilt after a change: one made through
 * this process (`invalidateJurisdictionTree`) or a commit by another connection, such as the import CLI.
 */
export function jurisdictionTree(db: Db): JurisdictionTree {
  const dataVersion = readDataVersion(db);
  const cached = trees.get(db);
  if (cached && cached.generation === generation && cached.dataVersion === dataVersion) return cached.tree;
  const tree = createJurisdictionTree(readJurisdictions(db));
  trees.set(db, { generation, dataVersion, tree });
  return tree;
}

export function invalidateJurisdictionTree(): void {
  generation++;
}

/** Inserts the unit or replaces its row and parent periods. */
export function saveJurisdiction(db: DbOrTx, unit: Jurisdiction): void {
  const row = {
    kind: unit.kind,
    parentId: unit.parents.find((p) => p.to === null)?.parentId ?? unit.parents.at(-1)?.parentId ?? null,
    nameEn: unit.name.en,
    nameUr: unit.name.ur ?? null,
    role: unit.role,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    source: unit.source,
    note: unit.note,
    migrationProfile: unit.migrationProfile ?? null,
  };
  db.insert(jurisdictions)
    .values({ id: unit.id, ...row })
    .onConflictDoUpdate({ target: jurisdictions.id, set: row })
    .run();
  db.delete(jurisdictionParents).where(eq(jurisdictionParents.jurisdictionId, unit.id)).run();
  for (const period of unit.parents) {
    db.insert(jurisdictionParents)
      .values({
        jurisdictionId: unit.id,
        parentId: period.parentId,
        validFrom: period.from,
        validTo: period.to,
        source: period.source,
      })
      .run();
  }
}

/**
 * Figures, users, targets and assessments filed under the old Gujranwala Division id move to the division's
 * new id; the seeded reference rows there described the FIA Gujranwala zone and move to the zone.
 */
function refileLegacyDivision(db: DbOrTx): void {
  const at = (id: string) => eq(observations.jurisdictionId, id);
  db.update(observations)
    .set({ jurisdictionId: FIA_GUJRANWALA_ZONE })
    .where(and(at(LEGACY_DIVISION), isNull(observations.createdBy)))
    .run();
  db.update(observations)
    .set({ jurisdictionId: GUJRANWALA_DIVISION })
    .where(and(at(LEGACY_DIVISION), isNotNull(observations.createdBy)))
    .run();
  db.update(users)
    .set({ jurisdictionId: GUJRANWALA_DIVISION })
    .where(eq(users.jurisdictionId, LEGACY_DIVISION))
    .run();
  db.update(targets)
    .set({ jurisdictionId: GUJRANWALA_DIVISION })
    .where(eq(targets.jurisdictionId, LEGACY_DIVISION))
    .run();
  db.update(measureAssessments)
    .set({ jurisdictionId: GUJRANWALA_DIVISION })
    .where(eq(measureAssessments.jurisdictionId, LEGACY_DIVISION))
    .run();
}

/**
 * Loads the jurisdictions file when its version is newer than the one last loaded (so reloading is a no-op),
 * keeping units an admin added that the file does not list. Returns the number of units written.
 * Synchronous: it runs inside better-sqlite3 transactions.
 */
export function loadJurisdictionFile(db: DbOrTx, file: JurisdictionFile): number {
  const loaded = db.select().from(dataFileVersions).where(eq(dataFileVersions.name, FILE_NAME)).get();
  if (loaded && loaded.version >= file.version) return 0;
  const legacy = db.select().from(jurisdictions).where(eq(jurisdictions.id, LEGACY_DIVISION)).get();
  const units = unitsOfFile(file);
  for (const unit of units) saveJurisdiction(db, unit);
  if (legacy?.kind === 'division') refileLegacyDivision(db);
  db.insert(dataFileVersions)
    .values({ name: FILE_NAME, version: file.version, loadedAt: new Date().toISOString() })
    .onConflictDoUpdate({
      target: dataFileVersions.name,
      set: { version: file.version, loadedAt: new Date().toISOString() },
    })
    .run();
  invalidateJurisdictionTree();
  return units.length;
}
