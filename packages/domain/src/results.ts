import { z } from 'zod';
import {
  ComparabilityGradeSchema,
  DirectionSchema,
  DisaggregationSchema,
  IndicatorIdSchema,
  JurisdictionIdSchema,
  MeasureTypeSchema,
  ObservationSchema,
  PeriodSchema,
  ProgressStatusSchema,
  SCORED_PILLAR_IDS,
  SourceSchema,
} from './contracts.js';

export const DerivedRatioSchema = z.object({
  value: z.number(),
  numerator: z.number(),
  denominator: z.number(),
  factor: z.number(),
  numeratorObservationIds: z.array(z.number().int()),
  denominatorObservationIds: z.array(z.number().int()),
  excluded: z.array(z.object({ observationId: z.number().int(), reason: z.string() })),
});
export type DerivedRatio = z.infer<typeof DerivedRatioSchema>;

/** Warnings a derived figure carries; a flagged figure is shown but never graded better than C. */
export const DERIVED_FLAGS = ['numerator_exceeds_denominator'] as const;
export const DerivedFlagSchema = z.enum(DERIVED_FLAGS);
export type DerivedFlag = z.infer<typeof DerivedFlagSchema>;

/** One input of a derived figure: the observation it was read from (null `value` when suppressed). */
export const DerivationInputSchema = z.object({
  indicator: IndicatorIdSchema,
  observationId: z.number().int(),
  year: z.number().int(),
  value: z.number().nullable(),
  definition: z.string(),
  source: SourceSchema,
});
export type DerivationInput = z.infer<typeof DerivationInputSchema>;

export const DENOMINATOR_METHODS = ['observed', 'interpolated', 'extrapolated'] as const;

/** The population a rate was divided by: never stored as a figure, always from the rate's own jurisdiction. */
export const DenominatorSchema = z.object({
  value: z.number().positive(),
  /** The year the population is for (the rate's year unless extrapolated flat from a nearby figure). */
  year: z.number().int(),
  /** The years of the population figures used: one when observed or extrapolated, two when interpolated. */
  years: z.array(z.number().int()).min(1).max(2),
  sources: z.array(z.string()),
  method: z.enum(DENOMINATOR_METHODS),
  status: z.enum(['A', 'E']),
});
export type Denominator = z.infer<typeof DenominatorSchema>;

export const DerivationInputsSchema = z.object({
  numerator: DerivationInputSchema,
  denominator: DerivationInputSchema,
  factor: z.number(),
  /** For a per-100,000 formula: how the population was chosen. */
  population: DenominatorSchema.optional(),
});
export type DerivationInputs = z.infer<typeof DerivationInputsSchema>;

/**
 * A formula indicator's value computed from two published observations. `id`, `definition` and `source` are the
 * numerator's; `derivedFrom` names both inputs and their sources.
 */
export const DerivedObservationSchema = ObservationSchema.extend({
  derivedFrom: DerivationInputsSchema,
  flags: z.array(DerivedFlagSchema),
});
export type DerivedObservation = z.infer<typeof DerivedObservationSchema>;

export const NormalisedValueSchema = z.object({
  value: z.number(),
  populationYear: z.number().int(),
  population: z.number(),
  exact: z.boolean(),
  denominator: DenominatorSchema,
});
export type NormalisedValue = z.infer<typeof NormalisedValueSchema>;

/** What the numbers say, with no value attached: `indistinguishable` when the figures' intervals overlap. */
export const ASSESSMENTS = ['higher', 'lower', 'similar', 'indistinguishable', 'not_assessed'] as const;
export const AssessmentSchema = z.enum(ASSESSMENTS);
export type Assessment = z.infer<typeof AssessmentSchema>;

/** Whether the base is better or worse: only where the direction is unambiguous and the grade is A or B. */
export const JUDGEMENTS = ['better', 'worse'] as const;
export const JudgementSchema = z.enum(JUDGEMENTS);
export type Judgement = z.infer<typeof JudgementSchema>;

/** An exact Poisson interval around a count or a rate computed from one. */
export const IntervalSchema = z.object({
  low: z.number().nonnegative(),
  high: z.number().nonnegative(),
  level: z.literal(0.95),
});
export type Interval = z.infer<typeof IntervalSchema>;

/** One jurisdiction's figure for one year as compared: `value` is per 100,000 residents when `normalised`. */
export const ComparedPointSchema = z.object({
  jurisdiction: JurisdictionIdSchema,
  year: z.number().int(),
  yearEnd: z.number().int(),
  /** The months covered when not whole years; a part-year or multi-month figure is never compared as annual. */
  period: PeriodSchema.nullable().optional(),
  value: z.number().nullable(),
  rawValue: z.number().nullable(),
  suppressed: z.boolean(),
  normalised: z.boolean(),
  populationYear: z.number().int().nullable(),
  /** The population the rate was divided by, when `normalised`. */
  denominator: DenominatorSchema.nullable().optional(),
  definition: z.string(),
  observationId: z.number().int().nullable(),
  /** Set when the figure was computed from a formula: both inputs and their sources. */
  derivedFrom: DerivationInputsSchema.optional(),
  /** Warnings on the figure (e.g. a percent above 100 from counts of different cohorts). */
  flags: z.array(DerivedFlagSchema).optional(),
  /** Poisson 95 % interval in the unit of `value`; null when suppressed or not a count. */
  interval: IntervalSchema.nullable(),
  /**
   * Definition and publisher: points of one jurisdiction with different keys are separate series, never one line.
   */
  seriesKey: z.string(),
});
export type ComparedPoint = z.infer<typeof ComparedPointSchema>;

export const BenchmarkComparisonSchema = z.object({
  jurisdiction: JurisdictionIdSchema,
  year: z.number().int(),
  point: ComparedPointSchema.nullable(),
  difference: z.number().nullable(),
  ratio: z.number().nullable(),
  assessment: AssessmentSchema,
  judgement: JudgementSchema.nullable(),
  grade: ComparabilityGradeSchema.nullable(),
  reasons: z.array(z.string()),
});
export type BenchmarkComparison = z.infer<typeof BenchmarkComparisonSchema>;

export const ComparisonYearSchema = z.object({
  year: z.number().int(),
  base: ComparedPointSchema.nullable(),
  benchmarks: z.array(BenchmarkComparisonSchema),
});
export type ComparisonYear = z.infer<typeof ComparisonYearSchema>;

export const ComparisonSchema = z.object({
  indicator: IndicatorIdSchema,
  measureType: MeasureTypeSchema,
  direction: DirectionSchema,
  /** The unit of `value` in every point: "per 100,000 residents" when counts were normalised. */
  unit: z.string(),
  base: JurisdictionIdSchema,
  benchmarks: z.array(JurisdictionIdSchema),
  similarTolerance: z.number(),
  years: z.array(ComparisonYearSchema),
  latestCommonYear: z.number().int().nullable(),
  latest: ComparisonYearSchema.nullable(),
  /** Per benchmark, the comparison in the latest year where both it and the base have a value. */
  latestByBenchmark: z.array(BenchmarkComparisonSchema),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

export const StandInSchema = z.object({
  jurisdiction: JurisdictionIdSchema,
  standIn: z.boolean(),
  label: z.string().nullable(),
});
export type StandIn = z.infer<typeof StandInSchema>;

export const ProgressResultSchema = z.object({
  status: ProgressStatusSchema,
  method: z.enum(['theil_sen', 'ordinal', 'yes_no']),
  /** Figures the assessment used, the baseline included. */
  points: z.number().int(),
  ratio: z.number().nullable(),
  actualAnnualGrowth: z.number().nullable(),
  requiredAnnualGrowth: z.number().nullable(),
  explanation: z.string(),
});
export type ProgressResult = z.infer<typeof ProgressResultSchema>;

export const TrendSchema = z.object({
  n: z.number().int(),
  firstYear: z.number().int().nullable(),
  lastYear: z.number().int().nullable(),
  latestChange: z
    .object({
      fromYear: z.number().int(),
      toYear: z.number().int(),
      absolute: z.number(),
      percent: z.number().nullable(),
    })
    .nullable(),
  averageAnnualChange: z
    .object({
      method: z.enum(['compound', 'linear']),
      /** Percent per year when compound, units per year when linear. */
      value: z.number(),
      fromYear: z.number().int(),
      toYear: z.number().int(),
    })
    .nullable(),
  skipped: z.array(z.object({ year: z.number().int(), reason: z.enum(['suppressed', 'missing']) })),
});
export type Trend = z.infer<typeof TrendSchema>;

export const SUPPRESSION_REASONS = ['small_count', 'complementary'] as const;
export const SuppressedCellSchema = z.object({
  indicator: IndicatorIdSchema,
  jurisdiction: JurisdictionIdSchema,
  year: z.number().int(),
  disaggregation: DisaggregationSchema,
  value: z.number().nullable(),
  suppressed: z.boolean(),
  suppressionReason: z.enum(SUPPRESSION_REASONS).nullable(),
});
export type SuppressedCell = z.infer<typeof SuppressedCellSchema>;

export const ValidationIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

export const CONFIDENCE_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export const ConfidenceSchema = z.enum(CONFIDENCE_LEVELS);
export type Confidence = z.infer<typeof ConfidenceSchema>;

export const ScorecardWeightsSchema = z.object({ indicators: z.number(), measures: z.number() });
export type ScorecardWeights = z.infer<typeof ScorecardWeightsSchema>;

export const IndicatorScoreSchema = z.object({
  indicator: IndicatorIdSchema,
  /** 0–100 on the indicator's own absolute scale; null when not scorable (see `reason`). */
  score: z.number().nullable(),
  /** The jurisdiction's own figure scored, and the scale it was scored on. */
  basis: z.object({ year: z.number().int(), value: z.number(), scale: z.string() }).nullable(),
  reason: z.string().nullable(),
});
export type IndicatorScore = z.infer<typeof IndicatorScoreSchema>;

export const FrameworkItemSchema = z.object({
  /** The higher jurisdiction (e.g. the country for a district) whose law or programme applies. */
  jurisdiction: JurisdictionIdSchema,
  level: z.number().int(),
  year: z.number().int(),
  evidence: z.string().nullable(),
});
export type FrameworkItem = z.infer<typeof FrameworkItemSchema>;

export const MeasureScoreSchema = z.object({
  measure: z.string(),
  /** The jurisdiction's own latest assessment; null when it has none. */
  level: z.number().int().nullable(),
  assessedYear: z.number().int().nullable(),
  score: z.number().nullable(),
  /** The national (or provincial) framework that applies when the jurisdiction has no assessment of its own: shown, never scored. */
  framework: FrameworkItemSchema.nullable(),
});
export type MeasureScore = z.infer<typeof MeasureScoreSchema>;

export const PillarScoreSchema = z.object({
  pillar: z.enum(SCORED_PILLAR_IDS),
  /** From the jurisdiction's own evidence only; null when withheld (see `reason`). */
  score: z.number().nullable(),
  reason: z.string().nullable(),
  indicatorScore: z.number().nullable(),
  measureScore: z.number().nullable(),
  appliedWeights: ScorecardWeightsSchema,
  /** The pillar score under other weightings; null where the part is missing or the score is withheld. */
  sensitivity: z.object({
    indicatorsOnly: z.number().nullable(),
    measuresOnly: z.number().nullable(),
    equal: z.number().nullable(),
  }),
  coverage: z.object({
    indicatorsScored: z.number().int(),
    indicatorsInPillar: z.number().int(),
    measuresAssessed: z.number().int(),
    measuresInPillar: z.number().int(),
    /** Items scored from the jurisdiction's own evidence. */
    ownItems: z.number().int(),
    /** Items that could be scored: indicators on an absolute scale plus every measure. */
    scorableItems: z.number().int(),
    /** Measures known only from a higher jurisdiction's framework (not scored). */
    frameworkItems: z.number().int(),
  }),
  confidence: ConfidenceSchema,
  indicators: z.array(IndicatorScoreSchema),
  measures: z.array(MeasureScoreSchema),
});
export type PillarScore = z.infer<typeof PillarScoreSchema>;

export const ScorecardSchema = z.object({
  jurisdiction: JurisdictionIdSchema,
  year: z.number().int(),
  benchmarks: z.array(JurisdictionIdSchema),
  method: z.string(),
  weights: ScorecardWeightsSchema,
  pillars: z.array(PillarScoreSchema),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;
