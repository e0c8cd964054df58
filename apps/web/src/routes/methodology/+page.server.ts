import {
  COMPARABILITY_GRADES,
  CONFIDENCE_THRESHOLDS,
  DEFAULT_POPULATION_TOLERANCE_YEARS,
  DEFAULT_SCORECARD_WEIGHTS,
  DEFAULT_SUPPRESSION_K,
  INDICATORS,
  MAX_RUBRIC_LEVEL,
  PILLARS,
  PROGRESS_METHOD,
  PROGRESS_THRESHOLDS,
  RUBRIC,
  SCORECARD_METHOD,
  SIMILAR_TOLERANCE,
} from '@fourp/domain';
import type { PageServerLoad } from './$types';

export const load = (() => ({
  scorecardMethod: SCORECARD_METHOD,
  weights: DEFAULT_SCORECARD_WEIGHTS,
  confidence: CONFIDENCE_THRESHOLDS,
  maxRubricLevel: MAX_RUBRIC_LEVEL,
  similarTolerance: SIMILAR_TOLERANCE,
  populationTolerance: DEFAULT_POPULATION_TOLERANCE_YEARS,
  suppressionK: DEFAULT_SUPPRESSION_K,
  progressMethod: PROGRESS_METHOD,
  progressThresholds: PROGRESS_THRESHOLDS,
  grades: [...COMPARABILITY_GRADES],
  rubric: [...RUBRIC],
  catalogue: PILLARS.map((pillar) => ({
    ...pillar,
    indicators: INDICATORS.filter((indicator) => indicator.pillar === pillar.id).map((indicator) => ({
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
      perCapita: indicator.perCapita,
      identifying: indicator.identifying,
      formula: indicator.formula ?? null,
      notComparable: indicator.variants
        .filter((variant) => !variant.comparable)
        .map((variant) => variant.label),
    })),
  })),
})) satisfies PageServerLoad;
