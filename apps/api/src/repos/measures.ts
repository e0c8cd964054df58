import {
  RubricLevelSchema,
  type JurisdictionId,
  type MeasureAssessment,
  type RubricLevel,
} from '@fourp/domain';
import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { measureAssessments, sources } from '../db/schema.js';
import { sourceColumns } from './sources.js';

export type StoredMeasureAssessment = MeasureAssessment & { measure: string; jurisdiction: JurisdictionId };

/** Rubric assessments with their source, ordered by measure, jurisdiction, year. */
export async function listMeasureAssessments(db: Db, measureId?: string): Promise<StoredMeasureAssessment[]> {
  const rows = await db
    .select({
      measure: measureAssessments.measureId,
      jurisdiction: measureAssessments.jurisdictionId,
      year: measureAssessments.year,
      level: measureAssessments.level,
      evidence: measureAssessments.evidence,
      quote: measureAssessments.quote,
      quoteLocator: measureAssessments.quoteLocator,
      source: sourceColumns,
    })
    .from(measureAssessments)
    .innerJoin(sources, eq(measureAssessments.sourceId, sources.id))
    .where(measureId === undefined ? undefined : eq(measureAssessments.measureId, measureId))
    .orderBy(
      asc(measureAssessments.measureId),
      asc(measureAssessments.jurisdictionId),
      asc(measureAssessments.year),
    );
  return rows.map(({ quote, quoteLocator, ...row }) => ({
    ...row,
    level: RubricLevelSchema.parse(row.level),
    quote: quote === null || quoteLocator === null ? null : { text: quote, locator: quoteLocator },
  }));
}

/** Stores an assessment unless the measure already has one for that jurisdiction and year; true when stored. */
export function insertMeasureAssessment(
  db: DbOrTx,
  a: {
    measure: string;
    jurisdiction: string;
    year: number;
    level: RubricLevel;
    evidence: string;
    quote?: { text: string; locator: string } | null;
    sourceId: number;
  },
): boolean {
  const created = db
    .insert(measureAssessments)
    .values({
      measureId: a.measure,
      jurisdictionId: a.jurisdiction,
      year: a.year,
      level: a.level,
      evidence: a.evidence,
      quote: a.quote?.text ?? null,
      quoteLocator: a.quote?.locator ?? null,
      sourceId: a.sourceId,
    })
    .onConflictDoNothing()
    .returning({ id: measureAssessments.id })
    .get();
  return created !== undefined;
}
