import { z } from 'zod';
import {
  IndicatorIdSchema,
  IndicatorSchema,
  IsoDateSchema,
  JurisdictionIdSchema,
  JurisdictionSchema,
  type JurisdictionNode,
  MAX_YEAR,
  MIN_YEAR,
  ObservationSchema,
  PillarIdSchema,
  PillarSchema,
  PolicyMeasureSchema,
  RubricLevelDefinitionSchema,
  RubricLevelSchema,
  SCORED_PILLAR_IDS,
  SourceSchema,
  TEXT_LIMITS,
  YearSchema,
  FROM_NOT_AFTER_TO,
} from './contracts.js';
import { CodeListSchema } from './code-lists.js';
import { sayError } from './i18n/message-locale.js';
import { reason } from './i18n/reasons.js';
import { PER_MODES } from './normalise.js';
import { ComparisonSchema, IntervalSchema, ScorecardSchema } from './results.js';
import { releaseQuery, ReleaseChangeKindSchema, ReleaseChangeSchema } from './releases.js';

// ---------- query and path parameters (strings on the wire, coerced here) ----------

export const ResponseFormatSchema = z.enum(['json', 'csv']);
export type ResponseFormat = z.infer<typeof ResponseFormatSchema>;

const listFormat = ResponseFormatSchema.optional().describe(
  'json (default) or csv; an `Accept: text/csv` header also selects csv',
);
const jsonOnly = z.literal('json').optional().describe('only json is available for this resource');
const queryYear = z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR);

/** Room for a district's neighbours (up to seven) beside Punjab, Pakistan and the benchmarks. */
const MAX_COMPARED_JURISDICTIONS = 12;

/** Room for the units an indicator page can show, several districts' neighbourhoods included. */
export const MAX_LISTED_JURISDICTIONS = 50;

const jurisdictionList = (max: number) =>
  z
    .string()
    .max(max * (TEXT_LIMITS.id + 1))
    .transform((list) =>
      list
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    )
    .pipe(z.array(JurisdictionIdSchema).min(1).max(max));

export const FormatQuerySchema = z.object({ format: jsonOnly });
export const ListQuerySchema = z.object({ format: listFormat });

export const JurisdictionsQuerySchema = z.object({
  asOf: z
    .union([IsoDateSchema, queryYear])
    .optional()
    .describe(
      'the tree as it stood on a day (YYYY-MM-DD) or in a year (its 31 December); without it, every unit ever loaded with its validity and parent periods, placed as it stands today',
    ),
  format: listFormat,
});
export type JurisdictionsQuery = z.infer<typeof JurisdictionsQuerySchema>;

export const IndicatorsQuerySchema = z.object({
  pillar: PillarIdSchema.optional().describe('only indicators of this pillar'),
  format: listFormat,
});
export type IndicatorsQuery = z.infer<typeof IndicatorsQuerySchema>;

export const IndicatorParamsSchema = z.object({ id: IndicatorIdSchema });

export const DEFAULT_OBSERVATIONS_LIMIT = 1000;
export const MAX_OBSERVATIONS_LIMIT = 10000;

/** A page position: the sort key of the last figure read, base64url-encoded. Opaque to callers. */
export const ObservationCursorSchema = z
  .string()
  .max(400)
  .regex(/^[A-Za-z0-9_-]+$/, sayError(reason('cursor_format', {})))
  .describe('where the page starts: pass on the cursor of `meta.next` or the `Link: rel="next"` header');

/** Which figures of a cell a selection keeps: `total`, only those without a breakdown. */
export const BreakdownSelectionSchema = z.enum(['total']);
export type BreakdownSelection = z.infer<typeof BreakdownSelectionSchema>;

const observationSelection = {
  indicator: IndicatorIdSchema.optional().describe('indicator id, e.g. victims_identified'),
  jurisdiction: JurisdictionIdSchema.optional().describe('jurisdiction id, e.g. PK-PB-GUJRAT'),
  jurisdictions: jurisdictionList(MAX_LISTED_JURISDICTIONS)
    .optional()
    .describe(
      `comma-separated jurisdiction ids (at most ${MAX_LISTED_JURISDICTIONS}), e.g. PK-PB-GUJRAT,IT; with \`jurisdiction\`, only the ids in both`,
    ),
  breakdown: BreakdownSelectionSchema.optional().describe(
    'total: only figures without a breakdown (by sex, age, form of exploitation…)',
  ),
  from: queryYear.optional().describe('first year (inclusive)'),
  to: queryYear.optional().describe('last year (inclusive)'),
};

export const ObservationsQuerySchema = z
  .object({
    ...observationSelection,
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_OBSERVATIONS_LIMIT)
      .default(DEFAULT_OBSERVATIONS_LIMIT)
      .describe(
        `at most this many figures per page (1–${MAX_OBSERVATIONS_LIMIT}, default ${DEFAULT_OBSERVATIONS_LIMIT})`,
      ),
    cursor: ObservationCursorSchema.optional(),
    release: releaseQuery,
    format: listFormat,
  })
  .refine(...FROM_NOT_AFTER_TO);
export type ObservationsQuery = z.infer<typeof ObservationsQuerySchema>;

export const BulkFormatSchema = z.enum(['ndjson', 'csv']);
export type BulkFormat = z.infer<typeof BulkFormatSchema>;

export const ObservationsBulkQuerySchema = z
  .object({
    ...observationSelection,
    format: BulkFormatSchema.default('ndjson').describe('ndjson (default: one figure per line) or csv'),
  })
  .refine(...FROM_NOT_AFTER_TO);
export type ObservationsBulkQuery = z.infer<typeof ObservationsBulkQuerySchema>;

export const PerModeSchema = z.enum(PER_MODES);

export const CompareQuerySchema = z
  .object({
    indicator: IndicatorIdSchema.describe('indicator id, e.g. victims_identified'),
    base: JurisdictionIdSchema.default('PK-PB-GUJRAT').describe('the jurisdiction monitored'),
    with: jurisdictionList(MAX_COMPARED_JURISDICTIONS)
      .prefault('IT,ES')
      .describe('comma-separated benchmark ids, e.g. IT,ES'),
    per: PerModeSchema.optional().describe('100k (default for per-capita counts) or absolute'),
    from: queryYear.optional().describe('first year (inclusive)'),
    to: queryYear.optional().describe('last year (inclusive)'),
    release: releaseQuery,
    format: jsonOnly,
  })
  .refine(...FROM_NOT_AFTER_TO);
export type CompareQuery = z.infer<typeof CompareQuerySchema>;

export const ScorecardQuerySchema = z.object({
  jurisdiction: JurisdictionIdSchema.default('PK-PB-GUJRAT').describe('the jurisdiction scored'),
  year: queryYear.optional().describe('defaults to the latest year with data'),
  release: releaseQuery,
  format: jsonOnly,
});
export type ScorecardQuery = z.infer<typeof ScorecardQuerySchema>;

export const MeasuresQuerySchema = z.object({
  pillar: z.enum(SCORED_PILLAR_IDS).optional().describe('only measures of this pillar'),
  format: listFormat,
});
export type MeasuresQuery = z.infer<typeof MeasuresQuerySchema>;

export const MeasureIdSchema = z
  .string()
  .max(TEXT_LIMITS.id)
  .regex(/^[a-z][a-z0-9_]*$/, sayError(reason('measure_id_format', {})));
export const MeasureParamsSchema = z.object({ id: MeasureIdSchema });

export const DEFAULT_COVERAGE_LIMIT = 1000;
export const MAX_COVERAGE_LIMIT = 10000;

export const CoverageQuerySchema = z.object({
  pillar: PillarIdSchema.optional().describe('only indicators of this pillar'),
  jurisdiction: JurisdictionIdSchema.optional().describe('only this jurisdiction'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_COVERAGE_LIMIT)
    .default(DEFAULT_COVERAGE_LIMIT)
    .describe(`at most this many rows per page (1–${MAX_COVERAGE_LIMIT}, default ${DEFAULT_COVERAGE_LIMIT})`),
  cursor: ObservationCursorSchema.optional(),
  release: releaseQuery,
  format: listFormat,
});
export type CoverageQuery = z.infer<typeof CoverageQuerySchema>;

export const DEFAULT_RELEASE_CHANGES_LIMIT = 100;
export const MAX_RELEASE_CHANGES_LIMIT = 5000;
export const ReleaseChangesQuerySchema = z.object({
  change: ReleaseChangeKindSchema.optional().describe(
    'only this kind of change: added, corrected or withdrawn',
  ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_RELEASE_CHANGES_LIMIT)
    .default(DEFAULT_RELEASE_CHANGES_LIMIT)
    .describe(
      `at most this many changes per page (1–${MAX_RELEASE_CHANGES_LIMIT}, default ${DEFAULT_RELEASE_CHANGES_LIMIT})`,
    ),
  cursor: ObservationCursorSchema.optional(),
});
export type ReleaseChangesQuery = z.infer<typeof ReleaseChangesQuerySchema>;

export const SourceParamsSchema = z.object({
  id: z.coerce.number().int().positive().describe('numeric source id'),
});

export const MAX_SOURCES_LIMIT = 500;
export const SourcesQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('case-insensitive text to find in the title, publisher or locator'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_SOURCES_LIMIT)
    .default(100)
    .describe(`at most this many sources (1–${MAX_SOURCES_LIMIT}, default 100)`),
  format: listFormat,
});
export type SourcesQuery = z.infer<typeof SourcesQuerySchema>;

// ---------- responses: always { data, meta? } ----------

const LastUpdatedSchema = z.iso
  .datetime({ offset: true })
  .nullable()
  .describe('when a published figure was last added or changed; null when nothing is published');

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    time: z.string(),
    database: z
      .object({
        reachable: z.boolean(),
        counts: z.object({
          observations: z.number().int(),
          publishedObservations: z.number().int(),
          sources: z.number().int(),
          jurisdictions: z.number().int(),
          indicators: z.number().int(),
          measureAssessments: z.number().int(),
        }),
      })
      .optional(),
    migrations: z
      .object({
        applied: z.number().int(),
        latestAt: z.iso.datetime().nullable().describe('when the newest applied migration was written'),
      })
      .optional(),
    auditChain: z
      .object({
        entries: z.number().int(),
        headId: z.number().int().describe('the newest entry; 0 when the log is empty'),
        headHash: z.string().nullable().describe('its hash; null until the chain is sealed on start'),
      })
      .optional(),
    disclosure: z
      .object({
        checkedAt: z.string().describe('when the disclosure pattern was last recomputed and audited'),
        primaryCells: z.number().int().describe('published figures whose count is 1 to k-1'),
        pinned: z
          .number()
          .int()
          .describe(
            'primary cells the attacker model could narrow below the threshold; 0 on a healthy database',
          ),
      })
      .nullable()
      .optional(),
    lastUpdated: LastUpdatedSchema.optional(),
  })
  .describe(
    'Liveness for everyone; the database, migration, audit-log and disclosure details for admins only',
  );
export const HealthResponseSchema = z.object({ data: HealthSchema });
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

export const PillarSummarySchema = PillarSchema.extend({
  indicatorCount: z.number().int(),
  measureCount: z.number().int(),
});
export type PillarSummary = z.infer<typeof PillarSummarySchema>;
export const PillarListResponseSchema = z.object({
  data: z.array(PillarSummarySchema),
  meta: z.object({ count: z.number().int() }),
});
export type PillarListResponse = z.infer<typeof PillarListResponseSchema>;

export const IndicatorListResponseSchema = z.object({
  data: z.array(IndicatorSchema),
  meta: z.object({ count: z.number().int() }),
});
export type IndicatorListResponse = z.infer<typeof IndicatorListResponseSchema>;

/** Which years hold published figures for one jurisdiction (any breakdown, any definition). */
export const JurisdictionCoverageSchema = z.object({
  jurisdiction: JurisdictionIdSchema,
  years: z.array(YearSchema),
  observations: z.number().int(),
});
export type JurisdictionCoverage = z.infer<typeof JurisdictionCoverageSchema>;

export const IndicatorDetailSchema = IndicatorSchema.extend({
  /** True when the value is computed from a formula rather than read from a source. */
  derived: z.boolean(),
  coverage: z.array(JurisdictionCoverageSchema),
});
export type IndicatorDetail = z.infer<typeof IndicatorDetailSchema>;
export const IndicatorDetailResponseSchema = z.object({ data: IndicatorDetailSchema });
export type IndicatorDetailResponse = z.infer<typeof IndicatorDetailResponseSchema>;

export const JurisdictionNodeSchema: z.ZodType<JurisdictionNode> = JurisdictionSchema.extend({
  get children() {
    return z.array(JurisdictionNodeSchema);
  },
});
export const JurisdictionListResponseSchema = z.object({
  data: z.object({
    /** Roots (countries, aggregates) with nested children. */
    tree: z.array(JurisdictionNodeSchema),
    /** The same jurisdictions as a flat list, parents before children. */
    items: z.array(JurisdictionSchema),
  }),
  meta: z.object({
    count: z.number().int(),
    /** The day or year asked for; null for today's tree. */
    asOf: z.union([z.string(), z.number().int()]).nullable(),
  }),
});
export type JurisdictionListResponse = z.infer<typeof JurisdictionListResponseSchema>;

/** A figure as the public list gives it: with the Poisson 95 % interval of a count (null when hidden or not a count). */
export const ListedObservationSchema = ObservationSchema.extend({ interval: IntervalSchema.nullable() });
export type ListedObservation = z.infer<typeof ListedObservationSchema>;

/** The meta of a page of a keyset-paged list. */
const PAGE_META = {
  count: z.number().int(),
  limit: z.number().int(),
  /** The next page's path and query (as in the Link header); null on the last page. */
  next: z.string().nullable(),
};

export const ObservationListResponseSchema = z.object({
  data: z.array(ListedObservationSchema),
  meta: z.object({
    ...PAGE_META,
    /** Identifying counts below this are returned as value null, suppressed true. */
    suppressionThreshold: z.number().int(),
  }),
});
export type ObservationListResponse = z.infer<typeof ObservationListResponseSchema>;

export const CompareStandInSchema = z.object({
  for: JurisdictionIdSchema,
  used: JurisdictionIdSchema,
  reason: z.string(),
});
export type CompareStandIn = z.infer<typeof CompareStandInSchema>;

export const CompareSchema = z.object({
  indicator: IndicatorIdSchema,
  per: PerModeSchema,
  requestedBase: JurisdictionIdSchema,
  /** False when the requested base has no published figure for the indicator. */
  baseHasData: z.boolean(),
  /** Set when the series shown for the base is a parent jurisdiction's. */
  standIn: CompareStandInSchema.nullable(),
  comparison: ComparisonSchema,
  /** The source of every compared point, by its `observationId` (for a computed figure, its numerator's source). */
  sources: z.record(z.string().regex(/^\d+$/), SourceSchema),
});
export type Compare = z.infer<typeof CompareSchema>;
export const CompareResponseSchema = z.object({
  data: CompareSchema,
  meta: z.object({ suppressionThreshold: z.number().int() }),
});
export type CompareResponse = z.infer<typeof CompareResponseSchema>;

export const ScorecardResponseSchema = z.object({
  data: ScorecardSchema,
  meta: z.object({
    /** Years with any published figure for the jurisdiction, newest first. */
    availableYears: z.array(YearSchema),
  }),
});
export type ScorecardResponse = z.infer<typeof ScorecardResponseSchema>;

export const MeasureAssessmentSchema = z.object({
  year: YearSchema,
  level: RubricLevelSchema,
  evidence: z.string(),
  /** The passage of the source that justifies the level, and where it is; null when none was stored. */
  quote: z.object({ text: z.string(), locator: z.string() }).nullable(),
  source: SourceSchema,
});
export type MeasureAssessment = z.infer<typeof MeasureAssessmentSchema>;

export const MeasureJurisdictionSchema = z.object({
  jurisdiction: JurisdictionIdSchema,
  latest: MeasureAssessmentSchema,
  /** Every assessment, oldest first. */
  history: z.array(MeasureAssessmentSchema),
});
export type MeasureJurisdiction = z.infer<typeof MeasureJurisdictionSchema>;

export const MeasureDetailSchema = PolicyMeasureSchema.extend({
  jurisdictions: z.array(MeasureJurisdictionSchema),
});
export type MeasureDetail = z.infer<typeof MeasureDetailSchema>;

const RubricMetaSchema = z.object({ rubric: z.array(RubricLevelDefinitionSchema) });
export const MeasureListResponseSchema = z.object({
  data: z.array(MeasureDetailSchema),
  meta: RubricMetaSchema.extend({ count: z.number().int() }),
});
export type MeasureListResponse = z.infer<typeof MeasureListResponseSchema>;
export const MeasureResponseSchema = z.object({ data: MeasureDetailSchema, meta: RubricMetaSchema });
export type MeasureResponse = z.infer<typeof MeasureResponseSchema>;

/**
 * One row of the data-gap view: published figures for an indicator × jurisdiction × year.
 * An indicator with no figure anywhere has one row with jurisdiction and year null and 0 observations.
 */
export const CoverageCellSchema = z.object({
  indicator: IndicatorIdSchema,
  pillar: PillarIdSchema,
  jurisdiction: JurisdictionIdSchema.nullable(),
  year: YearSchema.nullable(),
  observations: z.number().int(),
});
export type CoverageCell = z.infer<typeof CoverageCellSchema>;
export const CoverageResponseSchema = z.object({
  data: z.array(CoverageCellSchema),
  meta: z.object({
    ...PAGE_META,
    indicators: z.number().int(),
    indicatorsWithData: z.number().int(),
    indicatorsWithoutData: z.array(IndicatorIdSchema),
    /** Of this page's rows: jurisdiction-years with counts to show per 100,000 but no population denominator. */
    missingDenominators: z.array(
      z.object({
        jurisdiction: JurisdictionIdSchema,
        year: YearSchema,
        indicators: z.array(IndicatorIdSchema),
        reason: z.string(),
      }),
    ),
    /** Published figures in the whole selection (every page). */
    observations: z.number().int(),
    /** The latest year any figure of the whole selection is of; null when it has none. */
    latestYear: YearSchema.nullable(),
    lastUpdated: LastUpdatedSchema,
  }),
});
export type CoverageResponse = z.infer<typeof CoverageResponseSchema>;

export const ReleaseChangesResponseSchema = z.object({
  data: z.array(ReleaseChangeSchema),
  meta: z.object(PAGE_META),
});
export type ReleaseChangesResponse = z.infer<typeof ReleaseChangesResponseSchema>;

/** A source with the number of published figures it backs. */
export const SourceSummarySchema = SourceSchema.extend({ observationCount: z.number().int() });
export type SourceSummary = z.infer<typeof SourceSummarySchema>;
export const SourceListResponseSchema = z.object({
  data: z.array(SourceSummarySchema),
  meta: z.object({
    count: z.number().int(),
    /** Sources matching the query before `limit` was applied. */
    total: z.number().int(),
  }),
});
export type SourceListResponse = z.infer<typeof SourceListResponseSchema>;

export const SourceDetailSchema = SourceSummarySchema.extend({
  observations: z.array(ObservationSchema),
});
export type SourceDetail = z.infer<typeof SourceDetailSchema>;
export const SourceResponseSchema = z.object({ data: SourceDetailSchema });
export type SourceResponse = z.infer<typeof SourceResponseSchema>;

export const CodeListResponseSchema = z.object({
  data: z.array(CodeListSchema),
  meta: z.object({ count: z.number().int() }),
});
export type CodeListResponse = z.infer<typeof CodeListResponseSchema>;
