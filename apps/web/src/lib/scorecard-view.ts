import type { MeasureAssessment, PillarScore } from '@fourp/domain';

/** Measure names in the page's language, by measure id (the layout's `measureNames`). */
export type MeasureNames = Readonly<Record<string, string>>;

export type FrameworkEntry = {
  measure: string;
  name: string;
  level: number;
  year: number;
  jurisdiction: string;
  evidence: string | null;
};

/** The national (or provincial) framework items shown beside a pillar score: applicable, never counted. */
export function frameworkOf(score: Pick<PillarScore, 'measures'>, names: MeasureNames): FrameworkEntry[] {
  return score.measures.flatMap((item) =>
    item.framework === null
      ? []
      : [
          {
            measure: item.measure,
            name: names[item.measure] ?? item.measure,
            level: item.framework.level,
            year: item.framework.year,
            jurisdiction: item.framework.jurisdiction,
            evidence: item.framework.evidence,
          },
        ],
  );
}

/** The measures a jurisdiction was scored on from its own assessments, with their level and year. */
export const ownMeasuresOf = (score: Pick<PillarScore, 'measures'>, names: MeasureNames) =>
  score.measures.flatMap((item) =>
    item.level === null || item.assessedYear === null
      ? []
      : [
          {
            measure: item.measure,
            name: names[item.measure] ?? item.measure,
            level: item.level,
            year: item.assessedYear,
          },
        ],
  );

/** Whether an assessment rests on an evaluation by GRETA, the Council of Europe's expert group. */
export const isGretaEvaluation = (assessment: Pick<MeasureAssessment, 'source'>): boolean =>
  /\bGRETA\b/.test(assessment.source.publisher) || /^GRETA\(\d{4}\)\d+/.test(assessment.source.title);

/**
 * A jurisdiction's assessments of one measure beside the latest: GRETA's evaluations (newest first) and the
 * other earlier ones (newest first). Assessments are told apart by year, unique per measure and jurisdiction.
 */
export function assessmentsBeside<T extends Pick<MeasureAssessment, 'source' | 'year'>>(
  history: readonly T[],
  latest: Pick<MeasureAssessment, 'year'>,
): { greta: T[]; earlier: T[] } {
  const others = history.filter((item) => item.year !== latest.year).sort((a, b) => b.year - a.year);
  return {
    greta: others.filter(isGretaEvaluation),
    earlier: others.filter((item) => !isGretaEvaluation(item)),
  };
}
