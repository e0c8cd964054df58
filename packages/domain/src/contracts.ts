import { z } from 'zod';
import { codeListProblem } from './code-lists.js';
import { say, sayError } from './i18n/message-locale.js';
import { reason } from './i18n/reasons.js';
import { COMPARABILITY_GRADES, JURISDICTION_KINDS, MIGRATION_PROFILES } from './kinds.js';
import { DISAGGREGATION_DIMENSIONS, OBS_STATUSES, PILLAR_IDS, SCORED_PILLAR_IDS } from './vocabulary.js';

export { COMPARABILITY_GRADES, JURISDICTION_KINDS, MIGRATION_PROFILES } from './kinds.js';
export * from './vocabulary.js';
export * from './domain-error.js';

export const PillarIdSchema = z.enum(PILLAR_IDS);
export type PillarId = z.infer<typeof PillarIdSchema>;

export const PillarSchema = z.object({
  id: PillarIdSchema,
  name: z.string(),
  description: z.string(),
  thesisSection: z.string().nullable(),
  scored: z.boolean(),
});
export type Pillar = z.infer<typeof PillarSchema>;

export const JurisdictionKindSchema = z.enum(JURISDICTION_KINDS);
export type { JurisdictionKind } from './kinds.js';

/** A query's year range: `from` not later than `to` (either may be absent), else an issue at `from`. */
export const FROM_NOT_AFTER_TO: [
  (q: { from?: number | undefined; to?: number | undefined }) => boolean,
  { path: PropertyKey[]; error: () => string },
] = [
  (q) => q.from === undefined || q.to === undefined || q.from <= q.to,
  { path: ['from'], ...sayError(reason('from_after_to', {})) },
];

/** Upper bounds, in characters, on the free text a request may carry. */
export const TEXT_LIMITS = { id: 64, short: 100, name: 200, title: 500, text: 2000 } as const;

export const JurisdictionIdSchema = z
  .string()
  .max(TEXT_LIMITS.id)
  .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, sayError(reason('jurisdiction_id_format', {})));
export type JurisdictionId = z.infer<typeof JurisdictionIdSchema>;

export const LocalisedNameSchema = z.object({ en: z.string(), ur: z.string().optional() });
export type LocalisedName = z.infer<typeof LocalisedNameSchema>;

/** A calendar day, YYYY-MM-DD. */
export const IsoDateSchema = z.iso.date('a date written YYYY-MM-DD, e.g. 2024-12-21');
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** The unit's parent from `from` to `to`, both days included; null is an open end. */
export const ParentPeriodSchema = z.object({
  parentId: JurisdictionIdSchema,
  from: IsoDateSchema.nullable(),
  to: IsoDateSchema.nullable(),
  source: z.string().max(TEXT_LIMITS.text).nullable(),
});
export type ParentPeriod = z.infer<typeof ParentPeriodSchema>;

export const JURISDICTION_ROLES = ['monitored', 'benchmark'] as const;

/**
 * Where trafficked and smuggled people mostly leave from (`source`), arrive in (`destination`) or pass through
 * (`transit`). Counts of identified victims or offenders mean different things in each, so comparisons across
 * profiles are graded at most B.
 */
export const MigrationProfileSchema = z.enum(MIGRATION_PROFILES);
export type { MigrationProfile } from './kinds.js';

export const JurisdictionSchema = z.object({
  id: JurisdictionIdSchema,
  kind: JurisdictionKindSchema,
  /** The parent as of the date the answer is for (today when none was asked); null for a root. */
  parentId: JurisdictionIdSchema.nullable(),
  name: LocalisedNameSchema,
  /** Italy, Spain and the EU-27 are benchmarks; Pakistan and its subdivisions are monitored. */
  role: z.enum(JURISDICTION_ROLES),
  /** First and last day the unit exists, both included; null is an open end. */
  validFrom: IsoDateSchema.nullable(),
  validTo: IsoDateSchema.nullable(),
  parents: z.array(ParentPeriodSchema),
  /** The citation for the unit's creation or closure. */
  source: z.string().max(TEXT_LIMITS.text).nullable(),
  note: z.string().max(TEXT_LIMITS.text).nullable(),
  /** Absent or null: inherited from the nearest ancestor that has one (see `migrationProfileOf`). */
  migrationProfile: MigrationProfileSchema.nullable().optional(),
});
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;
export type JurisdictionNode = Jurisdiction & { children: JurisdictionNode[] };

/** `duration`: a length of time (unit months or days), e.g. an average trial duration; never a count of things. */
export const MEASURE_TYPES = [
  'count',
  'rate_per_100k',
  'percent',
  'currency',
  'ordinal',
  'yes_no',
  'duration',
] as const;
export const MeasureTypeSchema = z.enum(MEASURE_TYPES);
export type MeasureType = z.infer<typeof MeasureTypeSchema>;

export const DIRECTIONS = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export const DirectionSchema = z.enum(DIRECTIONS);
export const DIRECTION_MEANINGS = ['performance', 'detection'] as const;
export type DirectionMeaning = (typeof DIRECTION_MEANINGS)[number];
export type Direction = z.infer<typeof DirectionSchema>;

export const DisaggregationDimensionSchema = z.enum(DISAGGREGATION_DIMENSIONS);
export type DisaggregationDimension = z.infer<typeof DisaggregationDimensionSchema>;

/** Dimension → category; `{}` is the total. Coded dimensions take a category from their code list (`CODE_LISTS`). */
export const DisaggregationSchema = z
  .partialRecord(
    DisaggregationDimensionSchema,
    z
      .string()
      .max(TEXT_LIMITS.id)
      .regex(/^[a-z0-9_]+$/, sayError(reason('category_not_snake_case', {}))),
  )
  .superRefine((breakdown, ctx) => {
    for (const [dimension, category] of Object.entries(breakdown)) {
      const problem = category === undefined ? null : codeListProblem(dimension, category);
      if (problem) {
        const message = say(reason('category_not_in_code_list', problem));
        ctx.addIssue({ code: 'custom', path: [dimension], message, params: { codeList: problem } });
      }
    }
  });
export type Disaggregation = z.infer<typeof DisaggregationSchema>;

export const IndicatorIdSchema = z
  .string()
  .max(TEXT_LIMITS.id)
  .regex(/^[a-z][a-z0-9_]*$/, sayError(reason('indicator_id_format', {})));
export type IndicatorId = z.infer<typeof IndicatorIdSchema>;

export const FormulaSchema = z.object({
  numerator: IndicatorIdSchema,
  denominator: IndicatorIdSchema,
  /** 100 for a percent, 100000 for a rate per 100,000. */
  factor: z.number().positive(),
});
export type Formula = z.infer<typeof FormulaSchema>;

export const CROSSWALK_FRAMEWORKS = [
  'SDG',
  'US_TIP',
  'GRETA',
  'PTPA_2018',
  'EU_DIRECTIVE',
  'UNODC_GLOTIP',
] as const;
export const CrosswalkSchema = z.object({
  framework: z.enum(CROSSWALK_FRAMEWORKS),
  reference: z.string(),
  note: z.string().optional(),
});
export type Crosswalk = z.infer<typeof CrosswalkSchema>;

/**
 * A definition variant: a way a source counts the indicator that differs from the catalogue's
 * standard definition (e.g. Pakistan FIA counts that include migrant smuggling).
 * `comparable: false` makes any comparison involving it grade C.
 */
export const DefinitionVariantSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string(),
  note: z.string(),
  comparable: z.boolean(),
  /** The law the figures of this variant count offences under, where the source gives it (e.g. "PSMA 2018"). */
  legalBasis: z.string().optional(),
});
export type DefinitionVariant = z.infer<typeof DefinitionVariantSchema>;

export const IndicatorSchema = z.object({
  id: IndicatorIdSchema,
  pillar: PillarIdSchema,
  name: z.string(),
  /** What is counted and what is not. */
  definition: z.string(),
  measureType: MeasureTypeSchema,
  /** Catalogue unit, e.g. "persons", "cases", "percent", "EUR million", "tier". */
  unit: z.string(),
  direction: DirectionSchema,
  directionReason: z.string().optional(),
  /**
   * `detection`: a higher figure may mean more trafficking or more detection (identified victims, suspects,
   * offences, prosecutions, convictions), so it is never called better or worse. Absent means `performance`.
   */
  directionMeaning: z.enum(DIRECTION_MEANINGS).optional(),
  formula: FormulaSchema.optional(),
  /** Counts that may be expressed per 100,000 residents. */
  perCapita: z.boolean(),
  disaggregations: z.array(DisaggregationDimensionSchema),
  variants: z.array(DefinitionVariantSchema),
  scopeNotes: z.array(z.string()),
  crosswalks: z.array(CrosswalkSchema),
  /**
   * Counts of people that could identify victims, and rates or shares of such a count (`formula.numerator` links
   * the count): subject to disclosure control.
   */
  identifying: z.boolean(),
  /** For ordinal scores: the allowed range. */
  range: z.object({ min: z.number(), max: z.number() }).optional(),
  /** For a percent of two counts of different cohorts: values above 100 are valid. */
  canExceed100: z.boolean().optional(),
  /** The law each jurisdiction's standard figures count offences under, where sources give it. */
  legalBasis: z.partialRecord(z.enum(['PK', 'IT', 'ES']), z.string()).optional(),
  usualSources: z.object({
    PK: z.array(z.string()),
    IT: z.array(z.string()),
    ES: z.array(z.string()),
  }),
  /** The thesis recommendation(s) the indicator monitors, e.g. "5.1.2". */
  thesisRefs: z.array(z.string()),
  headline: z.boolean(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const RUBRIC_LEVELS = [0, 1, 2, 3, 4] as const;
export const RubricLevelSchema = z.union([
  z.literal(0),
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
]);
export type RubricLevel = z.infer<typeof RubricLevelSchema>;

export const RubricLevelDefinitionSchema = z.object({
  level: RubricLevelSchema,
  label: z.string(),
  evidenceRequired: z.string(),
});
export type RubricLevelDefinition = z.infer<typeof RubricLevelDefinitionSchema>;

export const PolicyMeasureSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  pillar: z.enum(SCORED_PILLAR_IDS),
  name: z.string(),
  description: z.string(),
  /** Where the model comes from, e.g. "Italy: Art. 18, Legislative Decree 286/1998". */
  model: z.string(),
  modelCountries: z.array(JurisdictionIdSchema),
  thesisRef: z.string(),
  /** Indicators that show whether the measure works in practice. */
  relatedIndicators: z.array(IndicatorIdSchema),
});
export type PolicyMeasure = z.infer<typeof PolicyMeasureSchema>;

export const ObsStatusSchema = z.enum(OBS_STATUSES);
export type ObsStatus = z.infer<typeof ObsStatusSchema>;

/**
 * SDMX CONF_STATUS (CL_CONF_STATUS): F free, N not for publication, C confidential (withheld by disclosure
 * control, e.g. a small count of persons), S secondary confidentiality (withheld so that a C cell cannot be
 * worked out from a total and its other parts).
 */
export const CONF_STATUSES = ['F', 'N', 'C', 'S'] as const;
export const ConfStatusSchema = z.enum(CONF_STATUSES);
export type ConfStatus = z.infer<typeof ConfStatusSchema>;

export const WORKFLOW_STATES = ['draft', 'submitted', 'approved', 'published', 'rejected'] as const;
export const WorkflowStateSchema = z.enum(WORKFLOW_STATES);
export type WorkflowState = z.infer<typeof WorkflowStateSchema>;

export const SourceKindSchema = z.enum(['primary', 'secondary']);
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const SourceSchema = z.object({
  id: z.number().int(),
  title: z.string().min(1),
  publisher: z.string().min(1),
  year: z.number().int().nullable(),
  locator: z.string().nullable(),
  kind: SourceKindSchema,
});
export type Source = z.infer<typeof SourceSchema>;

/**
 * The months a figure covers when they are not whole calendar years, as an ISO 8601 interval: `2015-01/2015-06`,
 * or `2022/P17M` when the source gives only the length. Null means the whole years `year`..`yearEnd`.
 */
export const PeriodSchema = z
  .string()
  .max(TEXT_LIMITS.id)
  .regex(
    /^(\d{4}-(0[1-9]|1[0-2])\/\d{4}-(0[1-9]|1[0-2])|\d{4}\/P[1-9]\d{0,2}M)$/,
    'a span of months such as 2015-01/2015-06, or 2022/P17M when only the length is known',
  );
export type Period = z.infer<typeof PeriodSchema>;

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;
export const YearSchema = z.number().int().min(MIN_YEAR).max(MAX_YEAR);

/**
 * A figure as the domain computes with it. `yearEnd` > `year` marks a cumulative multi-year
 * figure, never an annual one. `value` is null only when `suppressed`.
 */
export const ObservationSchema = z.object({
  id: z.number().int(),
  indicator: IndicatorIdSchema,
  jurisdiction: JurisdictionIdSchema,
  year: YearSchema,
  yearEnd: YearSchema,
  /** The months covered when not whole years (see `PeriodSchema`); null for whole years. */
  period: PeriodSchema.nullable(),
  /** True when the figure covers less than the whole years it is filed under: never an annual value. */
  partialPeriod: z.boolean(),
  disaggregation: DisaggregationSchema,
  value: z.number().nullable(),
  suppressed: z.boolean(),
  status: ObsStatusSchema,
  /** As stored, or as disclosure control set it for this answer (C or S when withheld). */
  confStatus: ConfStatusSchema,
  definition: z.string(),
  unitAsRead: z.string().nullable(),
  valueAsRead: z.string().nullable(),
  workflowState: WorkflowStateSchema,
  /** True when a later figure for the same cell superseded this one. */
  superseded: z.boolean(),
  note: z.string().nullable(),
  source: SourceSchema,
});
export type Observation = z.infer<typeof ObservationSchema>;

export const PopulationSchema = z.object({
  jurisdiction: JurisdictionIdSchema,
  year: YearSchema,
  value: z.number().positive(),
  /** The publisher and title of the figure, shown with every rate divided by it. */
  source: z.string().optional(),
});
export type Population = z.infer<typeof PopulationSchema>;

export const ComparabilityGradeSchema = z.enum(COMPARABILITY_GRADES);
export type { ComparabilityGrade } from './kinds.js';

export const PROGRESS_STATUSES = [
  'target_achieved',
  'substantial_progress',
  'moderate_progress',
  'limited_progress',
  'deterioration',
] as const;
export const ProgressStatusSchema = z.enum(PROGRESS_STATUSES);
export type ProgressStatus = z.infer<typeof ProgressStatusSchema>;

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  requestId: z.string(),
  errors: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        /** Where an uploaded file has the problem: the spreadsheet row (header = 1) and column name. */
        row: z.number().int().min(1).optional(),
        column: z.string().optional(),
      }),
    )
    .optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
