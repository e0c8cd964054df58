import {
  COMPARABILITY_GRADES,
  CONFIDENCE_THRESHOLDS,
  DEFAULT_SCORECARD_WEIGHTS,
  INDICATORS,
  MAX_RUBRIC_LEVEL,
  MIN_OWN_ITEMS,
  ORDINAL_SCALES,
  PILLARS,
  PROGRESS_MINIMUMS,
  PROGRESS_THRESHOLDS,
  RUBRIC,
  localiseIndicator,
  localiseRubric,
  localisePillar,
  methodTexts,
} from '@fourp/domain';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { PageServerLoad } from './$types';

/** The method texts with a section of their own; every other one is listed under "other methods". */
const PLACED = new Set<string>([
  'SCORECARD_METHOD',
  'NORMALISATION_METHOD',
  'ASSESSMENT_METHOD',
  'SUPPRESSION_METHOD',
  'DERIVATION_METHOD',
  'PROGRESS_METHOD',
  'GRADE_METHOD',
]);

export const load = (() => {
  const locale = getLocale();
  const methods = methodTexts(locale);
  // Every method text the domain has (a test keeps the table whole), so that no rule goes unstated.
  const otherMethods = Object.entries(methods).flatMap(([name, text]) =>
    name.endsWith('_METHOD') && typeof text === 'string' && !PLACED.has(name) ? [{ name, text }] : [],
  );
  return {
    scorecardMethod: methods.SCORECARD_METHOD,
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
    normalisationMethod: methods.NORMALISATION_METHOD,
    assessmentMethod: methods.ASSESSMENT_METHOD,
    sourceQualityMethod: methods.SOURCE_QUALITY_METHOD,
    intervalMethod: methods.INTERVAL_METHOD,
    suppressionMethod: methods.SUPPRESSION_METHOD,
    derivationMethod: methods.DERIVATION_METHOD,
    progressMethod: methods.PROGRESS_METHOD,
    progressThresholds: PROGRESS_THRESHOLDS,
    grades: COMPARABILITY_GRADES.map((grade) => ({ grade, method: methods.GRADE_METHOD[grade] })),
    rubric: localiseRubric(RUBRIC, locale),
    catalogue: PILLARS.map((pillar) => ({
      ...localisePillar(pillar, locale),
      indicators: INDICATORS.filter((indicator) => indicator.pillar === pillar.id)
        .map((original) => localiseIndicator(original, locale))
        .map((indicator) => ({
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
  };
}) satisfies PageServerLoad;
