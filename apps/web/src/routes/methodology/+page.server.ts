import * as domain from '@fourp/domain';
import {
  ASSESSMENT_METHOD,
  COMPARABILITY_GRADES,
  CONFIDENCE_THRESHOLDS,
  DEFAULT_SCORECARD_WEIGHTS,
  DERIVATION_METHOD,
  GRADE_METHOD,
  INDICATORS,
  INTERVAL_METHOD,
  MAX_RUBRIC_LEVEL,
  MIN_OWN_ITEMS,
  NORMALISATION_METHOD,
  ORDINAL_SCALES,
  PILLARS,
  PROGRESS_METHOD,
  PROGRESS_MINIMUMS,
  PROGRESS_THRESHOLDS,
  RUBRIC,
  SCORECARD_METHOD,
  SOURCE_QUALITY_METHOD,
  SUPPRESSION_METHOD,
} from '@fourp/domain';
import type { PageServerLoad } from './$types';

const PLACED = new Set<unknown>([
  SCORECARD_METHOD,
  NORMALISATION_METHOD,
  ASSESSMENT_METHOD,
  SUPPRESSION_METHOD,
  DERIVATION_METHOD,
  PROGRESS_METHOD,
  GRADE_METHOD,
]);

/** Every method text the domain exports that has no section of its own, so that no rule goes unstated. */
const otherMethods = Object.entries(domain).flatMap(([name, text]) =>
  name.endsWith('_METHOD') && typeof text === 'string' && !PLACED.has(text) ? [{ name, text }] : [],
);

export const load = (() => ({
  scorecardMethod: SCORECARD_METHOD,
  minOwnItems: MIN_OWN_ITEMS,
  ordinalScales: Object.entries(ORDINAL_SCALES).map(([indicator, steps]) => ({
    indicator,
    steps: [...steps],
  })),
  progressMinimums: PROGRESS_MINIMUMS,
  otherMethods,
  weights: DEFAULT_SCORECARD_WEIGHTS,
  confidence: CONFIDENCE_THRESHOLDS,
  maxRubricLevel: MAX_RUBRIC_LEVEL,
  normalisationMethod: NORMALISATION_METHOD,
  assessmentMethod: ASSESSMENT_METHOD,
  sourceQualityMethod: SOURCE_QUALITY_METHOD,
  intervalMethod: INTERVAL_METHOD,
  suppressionMethod: SUPPRESSION_METHOD,
  derivationMethod: DERIVATION_METHOD,
  progressMethod: PROGRESS_METHOD,
  progressThresholds: PROGRESS_THRESHOLDS,
  grades: COMPARABILITY_GRADES.map((grade) => ({ grade, method: GRADE_METHOD[grade] })),
  rubric: [...RUBRIC],
  catalogue: PILLARS.map((pillar) => ({
    ...pillar,
    indicators: INDICATORS.filter((indicator) => indicator.pillar === pillar.id).map((indicator) => ({
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
      perCapita: indicator.perCapita,
      formula: indicator.formula ?? null,
      notComparable: indicator.variants
        .filter((variant) => !variant.comparable)
        .map((variant) => variant.label),
    })),
  })),
})) satisfies PageServerLoad;
