import { groupBy, type JurisdictionFile } from '@fourp/domain';
import type { Db, DbOrTx } from '../db/client.js';
import { syncCatalogue } from '../repos/catalogue.js';
import {
  findFigureId,
  insertPublishedFigure,
  listStoredFigures,
  supersedeFigure,
  type StoredFigure,
} from '../repos/reference-load.js';
import { storeCitation } from '../repos/sources.js';
import { citationKey } from '../repos/workflow/observations.js';
import { ADDITIONS_MAPPINGS } from '../reference/additions-mapping.js';
import { mapReferenceCsv, type MappedRow } from '../reference/rows.js';
import { classifySourceKind } from '../reference/source-kind.js';
import { refreshPattern } from '../services/caller.js';
import type { Solver } from '../disclosure/solver.js';
import { loadMeasureAssessments, type MeasureAssessmentSeed } from './measure-assessments.js';
import { jurisdictionTreeOfFile, readJurisdictionFile } from './jurisdictions-file.js';

export type LoadCounts = {
  rows: number;
  inserted: number;
  skipped: number;
  /** Distinct sources the CSV cites, and how many of them were new to the database. */
  sources: number;
  sourcesInserted: number;
  superseded: number;
  /** Policy-measure assessments new to the database. */
  assessments: number;
};

/**
 * Within a cell (indicator, jurisdiction, period, disaggregation, definition), a later report by the same publisher
 * revises an earlier one: the earlier figure stays, marked superseded, with a revision row. Figures from different
 * publishers are independent readings, not revisions, so both stay current.
 */
function markRevisions(db: DbOrTx, stored: StoredFigure[], now: string): number {
  const groups = groupBy(stored, (o) => JSON.stringify([o.cell, o.publisher]));
  let marked = 0;
  for (const group of groups.values()) {
    const dated = group
      .filter((o): o is StoredFigure & { sourceYear: number } => o.sourceYear !== null)
      .sort((a, b) => a.sourceYear - b.sourceYear);
    for (const older of dated) {
      if (older.supersededBy !== null) continue;
      const later = dated.filter((o) => o.sourceYear > older.sourceYear);
      const nextYear = Math.min(...later.map((o) => o.sourceYear));
      const next = later.filter((o) => o.sourceYear === nextYear);
      if (next.length !== 1) continue;
      const newer = next[0]!;
      const reason = `${newer.sourceTitle} (${newer.sourceYear}) revised the figure given in ${older.sourceTitle} (${older.sourceYear}); both are kept.`;
      supersedeFigure(db, older, newer, reason, now);
      marked++;
    }
  }
  return marked;
}

/**
 * Figures whose mapping says they replace others (an exact census count the rounded one, a correction the first
 * report) supersede those others, which stay on record, with a revision row giving the mapping's reason.
 */
function markStatedRevisions(
  db: DbOrTx,
  mapped: readonly MappedRow[],
  ids: (number | null)[],
  now: string,
): number {
  const stored = new Map(
    listStoredFigures(
      db,
      ids.filter((id): id is number => id !== null),
    ).map((f) => [f.id, f]),
  );
  let marked = 0;
  mapped.forEach(({ row, observation: o }, i) => {
    const newer = ids[i] === null ? undefined : stored.get(ids[i]!);
    if (o.revises === null || newer === undefined) return;
    const { key, reason } = o.revises;
    mapped.forEach((other, j) => {
      const older = ids[j] === null ? undefined : stored.get(ids[j]!);
      if (older === undefined || older.id === newer.id || older.supersededBy !== null) return;
      const replaced =
        key === undefined
          ? older.cell === newer.cell
          : other.row.key === key &&
            other.observation.jurisdiction === o.jurisdiction &&
            other.row.year === row.year;
      if (!replaced) return;
      supersedeFigure(db, older, newer, reason, now);
      older.supersededBy = newer.id;
      marked++;
    });
  });
  return marked;
}

export type LoadOptions = {
  now?: () => Date;
  /** A second file in the same columns (the November 2026 additions), mapped with its own key mappings. */
  additions?: string;
  /** The policy-measure assessments to load with the figures; each cites a source or a row of this CSV. */
  assessments?: readonly MeasureAssessmentSeed[];
  /** The jurisdictions file to load first; the committed one by default. */
  jurisdictions?: JurisdictionFile;
  /** The LP solver disclosure control runs on; the process's shared instance when not given. */
  solver?: Solver;
};

/**
 * Loads the reference CSV as published observations in one transaction: syncs the catalogue, upserts sources,
 * inserts each row once (a second load inserts nothing), marks same-publisher revisions as superseded and adds
 * the seeded policy-measure assessments.
 * Throws ReferenceDataError, naming the lines, before writing anything when a row cannot be mapped.
 */
export async function loadReferenceData(
  db: Db,
  csvText: string,
  options: LoadOptions = {},
): Promise<LoadCounts> {
  const jurisdictionFile = options.jurisdictions ?? readJurisdictionFile();
  const tree = jurisdictionTreeOfFile(jurisdictionFile);
  const mapped = [
    ...mapReferenceCsv(csvText, tree),
    ...(options.additions === undefined ? [] : mapReferenceCsv(options.additions, tree, ADDITIONS_MAPPINGS)),
  ];
  const now = (options.now ?? (() => new Date()))().toISOString();
  const kinds = new Map<string, 'primary' | 'secondary'>();
  for (const { row, citation } of mapped) {
    const kind = classifySourceKind({ ...citation, note: row.note });
    const key = citationKey(citation);
    kinds.set(key, kinds.get(key) === 'secondary' ? 'secondary' : kind);
  }
  // better-sqlite3 transactions are synchronous, so statements inside use run()/get()/all().
  return db.transaction((tx) => {
    syncCatalogue(tx, jurisdictionFile);
    const sourceIds = new Map<string, number>();
    let sourcesInserted = 0;
    for (const [key, kind] of kinds) {
      const citation = mapped.find((m) => citationKey(m.citation) === key)!.citation;
      const { id, inserted } = storeCitation(tx, citation, kind);
      sourceIds.set(key, id);
      if (inserted) sourcesInserted++;
    }
    let inserted = 0;
    const ids: (number | null)[] = [];
    for (const { observation: o, citation } of mapped) {
      const sourceId = sourceIds.get(citationKey(citation))!;
      const created = insertPublishedFigure(tx, o, sourceId, now);
      if (created !== null) inserted++;
      ids.push(created ?? findFigureId(tx, o, sourceId));
    }
    const stated = markStatedRevisions(tx, mapped, ids, now);
    const stored = listStoredFigures(
      tx,
      ids.filter((id): id is number => id !== null),
    );
    const superseded = stated + markRevisions(tx, stored, now);
    const assessments = loadMeasureAssessments(tx, mapped, options.assessments);
    refreshPattern(tx, options, new Date(now));
    return {
      rows: mapped.length,
      inserted,
      skipped: mapped.length - inserted,
      sources: kinds.size,
      sourcesInserted,
      superseded,
      assessments,
    };
  });
}
