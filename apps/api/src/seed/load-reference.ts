import { cellKey, INDICATORS, JURISDICTIONS } from '@fourp/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { observationRevisions, observations, sources } from '../db/schema.js';
import { breakdownFromStored, storedBreakdown } from '../repos/observations.js';
import { cellWhere, citationKey } from '../repos/workflow/observations.js';
import { syncCatalogue, type DbOrTx } from './catalogue.js';
import { parseCsv, type CsvRow } from './csv.js';
import { resolveReferenceRow, type ReferenceRow, type ResolvedObservation } from './reference-mapping.js';
import { loadMeasureAssessments, type MeasureAssessmentSeed } from './measure-assessments.js';
import { classifySourceKind } from './source-kind.js';
import { upsertSource, type Citation } from './source-store.js';

export const REFERENCE_COLUMNS = [
  'jurisdiction',
  'indicator',
  'pillar',
  'year',
  'value',
  'unit',
  'source_title',
  'source_publisher',
  'source_year',
  'source_locator',
  'note',
] as const;

export type ReferenceIssue = { line: number; message: string };

export class ReferenceDataError extends Error {
  constructor(readonly issues: ReferenceIssue[]) {
    super(
      `The reference CSV cannot be loaded: ${issues.map((i) => `line ${i.line}: ${i.message}`).join('; ')}`,
    );
    this.name = 'ReferenceDataError';
  }
}

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

const wholeNumber = (text: string): number | null =>
  /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null;

function toReferenceRow({ line, values }: CsvRow): ReferenceRow | ReferenceIssue {
  const get = (column: string) => (values[column] ?? '').trim();
  const year = wholeNumber(get('year'));
  if (year === null) return { line, message: `year "${get('year')}" is not a four-digit year` };
  const sourceYearText = get('source_year');
  const sourceYear = sourceYearText === '' ? null : wholeNumber(sourceYearText);
  if (sourceYearText !== '' && sourceYear === null) {
    return { line, message: `source_year "${sourceYearText}" is not a four-digit year` };
  }
  if (get('source_title') === '' || get('source_publisher') === '') {
    return { line, message: 'source_title and source_publisher are required' };
  }
  return {
    line,
    jurisdiction: get('jurisdiction'),
    key: get('indicator'),
    pillar: get('pillar'),
    year,
    valueAsRead: get('value'),
    unit: get('unit'),
    sourceTitle: get('source_title'),
    sourcePublisher: get('source_publisher'),
    sourceYear,
    sourceLocator: get('source_locator') === '' ? null : get('source_locator'),
    note: get('note'),
  };
}

export type MappedRow = { row: ReferenceRow; observation: ResolvedObservation; citation: Citation };

/** Parses and maps the whole CSV; throws ReferenceDataError listing every line that cannot be mapped. */
export function mapReferenceCsv(csvText: string): MappedRow[] {
  const { header, rows } = parseCsv(csvText);
  const missing = REFERENCE_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new ReferenceDataError([{ line: 1, message: `missing columns ${missing.join(', ')}` }]);
  const issues: ReferenceIssue[] = [];
  const mapped: MappedRow[] = [];
  for (const csvRow of rows) {
    const row = toReferenceRow(csvRow);
    if ('message' in row) {
      issues.push(row);
      continue;
    }
    const resolved = resolveReferenceRow(row);
    if (!resolved.ok) {
      issues.push({ line: row.line, message: resolved.message });
      continue;
    }
    const o = resolved.value;
    if (!JURISDICTIONS.some((j) => j.id === o.jurisdiction)) {
      issues.push({ line: row.line, message: `jurisdiction "${o.jurisdiction}" is not in the catalogue` });
      continue;
    }
    if (!INDICATORS.some((i) => i.id === o.indicator)) {
      issues.push({
        line: row.line,
        message: `indicator "${o.indicator}" (from "${row.key}") is not in the catalogue`,
      });
      continue;
    }
    const citation = {
      title: row.sourceTitle,
      publisher: row.sourcePublisher,
      year: row.sourceYear,
      locator: row.sourceLocator,
    };
    mapped.push({ row, observation: o, citation });
  }
  if (issues.length > 0) throw new ReferenceDataError(issues);
  return mapped;
}

type StoredObservation = {
  id: number;
  value: number;
  valueAsRead: string | null;
  sourceId: number;
  supersededBy: number | null;
  publisher: string;
  sourceYear: number | null;
  sourceTitle: string;
  cell: string;
};

/**
 * Within a cell (indicator, jurisdiction, period, disaggregation, definition), a later report by the same publisher
 * revises an earlier one: the earlier figure stays, marked superseded, with a revision row. Figures from different
 * publishers are independent readings, not revisions, so both stay current.
 */
function markRevisions(db: DbOrTx, stored: StoredObservation[], now: string): number {
  const groups = new Map<string, StoredObservation[]>();
  for (const o of stored) {
    const key = JSON.stringify([o.cell, o.publisher]);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  let marked = 0;
  for (const group of groups.values()) {
    const dated = group
      .filter((o): o is StoredObservation & { sourceYear: number } => o.sourceYear !== null)
      .sort((a, b) => a.sourceYear - b.sourceYear);
    for (const older of dated) {
      if (older.supersededBy !== null) continue;
      const later = dated.filter((o) => o.sourceYear > older.sourceYear);
      const nextYear = Math.min(...later.map((o) => o.sourceYear));
      const next = later.filter((o) => o.sourceYear === nextYear);
      if (next.length !== 1) continue;
      const newer = next[0]!;
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
          reason: `${newer.sourceTitle} (${newer.sourceYear}) revised the figure given in ${older.sourceTitle} (${older.sourceYear}); both are kept.`,
          revisedAt: now,
          revisedBy: null,
        })
        .run();
      marked++;
    }
  }
  return marked;
}

export type LoadOptions = {
  now?: () => Date;
  /** The policy-measure assessments to load with the figures; each cites a source or a row of this CSV. */
  assessments?: readonly MeasureAssessmentSeed[];
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
  const mapped = mapReferenceCsv(csvText);
  const now = (options.now ?? (() => new Date()))().toISOString();
  const kinds = new Map<string, 'primary' | 'secondary'>();
  for (const { row, citation } of mapped) {
    const kind = classifySourceKind({ ...citation, note: row.note });
    const key = citationKey(citation);
    kinds.set(key, kinds.get(key) === 'secondary' ? 'secondary' : kind);
  }
  // better-sqlite3 transactions are synchronous, so statements inside use run()/get()/all().
  return db.transaction((tx) => {
    syncCatalogue(tx);
    const sourceIds = new Map<string, number>();
    let sourcesInserted = 0;
    for (const [key, kind] of kinds) {
      const citation = mapped.find((m) => citationKey(m.citation) === key)!.citation;
      const { id, inserted } = upsertSource(tx, citation, kind);
      sourceIds.set(key, id);
      if (inserted) sourcesInserted++;
    }
    let inserted = 0;
    const ids: number[] = [];
    for (const { observation: o, citation } of mapped) {
      const sourceId = sourceIds.get(citationKey(citation))!;
      const disaggregation = storedBreakdown(o.disaggregation);
      const created = tx
        .insert(observations)
        .values({
          indicatorId: o.indicator,
          jurisdictionId: o.jurisdiction,
          year: o.year,
          yearEnd: o.yearEnd,
          disaggregation,
          value: o.value,
          status: o.status,
          definition: o.definition,
          unitAsRead: o.unitAsRead,
          valueAsRead: o.valueAsRead,
          sourceId,
          note: o.note,
          workflowState: 'published',
          createdBy: null,
          createdAt: now,
          updatedAt: now,
          locked: 1,
        })
        .onConflictDoNothing()
        .returning({ id: observations.id })
        .get();
      if (created !== undefined) {
        inserted++;
        ids.push(created.id);
        continue;
      }
      const existing = tx
        .select({ id: observations.id })
        .from(observations)
        .where(and(cellWhere(o), eq(observations.sourceId, sourceId)))
        .get();
      if (existing !== undefined) ids.push(existing.id);
    }
    const stored = tx
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
      .map((r) => ({
        ...r,
        cell: cellKey({
          indicator: r.indicatorId,
          jurisdiction: r.jurisdictionId,
          year: r.year,
          yearEnd: r.yearEnd,
          disaggregation: breakdownFromStored(r.disaggregation, r.id),
          definition: r.definition,
        }),
      }));
    const superseded = markRevisions(tx, stored, now);
    const assessments = loadMeasureAssessments(tx, mapped, options.assessments);
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
