import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { RELEASE_CHANGES } from '@fourp/domain';

const isoNow = () => new Date().toISOString();

export const jurisdictions = sqliteTable('jurisdictions', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  parentId: text('parent_id').references((): AnySQLiteColumn => jurisdictions.id),
  nameEn: text('name_en').notNull(),
  nameUr: text('name_ur'),
  role: text('role', { enum: ['monitored', 'benchmark'] }).notNull(),
  validFrom: text('valid_from'),
  validTo: text('valid_to'),
  source: text('source'),
  note: text('note'),
  /** source | destination | transit; null: inherited from the parent. */
  migrationProfile: text('migration_profile', { enum: ['source', 'destination', 'transit'] }),
});

/** A unit's parent over time: `parent_id` from `valid_from` to `valid_to` (both days included; null is open). */
export const jurisdictionParents = sqliteTable(
  'jurisdiction_parents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    parentId: text('parent_id')
      .notNull()
      .references(() => jurisdictions.id),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    source: text('source'),
  },
  (t) => [index('jurisdiction_parents_jurisdiction_idx').on(t.jurisdictionId)],
);

/** The version of each versioned data file last loaded into the database. */
export const dataFileVersions = sqliteTable('data_file_versions', {
  name: text('name').primaryKey(),
  version: integer('version').notNull(),
  loadedAt: text('loaded_at').notNull().$defaultFn(isoNow),
});

export const indicators = sqliteTable('indicators', {
  id: text('id').primaryKey(),
  pillar: text('pillar').notNull(),
  name: text('name').notNull(),
  measureType: text('measure_type').notNull(),
  unit: text('unit').notNull(),
});

export const sources = sqliteTable(
  'sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    publisher: text('publisher').notNull(),
    year: integer('year'),
    locator: text('locator'),
    kind: text('kind', { enum: ['primary', 'secondary'] }).notNull(),
  },
  (t) => [
    uniqueIndex('sources_citation_uq').on(t.title, t.publisher, t.year, t.locator),
    check('sources_kind_ck', sql`${t.kind} in ('primary', 'secondary')`),
  ],
);

export const observations = sqliteTable(
  'observations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: integer('year').notNull(),
    yearEnd: integer('year_end').notNull(),
    /** ISO 8601 months covered when not whole years; '' for whole years (part of the cell, so not null). */
    period: text('period').notNull().default(''),
    disaggregation: text('disaggregation').notNull().default('{}'),
    value: real('value').notNull(),
    status: text('status', { enum: ['A', 'E', 'P', 'B', 'U', 'D'] })
      .notNull()
      .default('A'),
    /** SDMX CONF_STATUS as stored; public reads withhold anything not F and apply disclosure control on top. */
    confStatus: text('conf_status', { enum: ['F', 'N', 'C', 'S'] })
      .notNull()
      .default('F'),
    definition: text('definition').notNull().default('standard'),
    unitAsRead: text('unit_as_read'),
    valueAsRead: text('value_as_read'),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    note: text('note'),
    workflowState: text('workflow_state', {
      enum: ['draft', 'submitted', 'approved', 'published', 'rejected'],
    })
      .notNull()
      .default('draft'),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull().$defaultFn(isoNow),
    updatedAt: text('updated_at').notNull().$defaultFn(isoNow),
    locked: integer('locked').notNull().default(0),
    supersededBy: integer('superseded_by').references((): AnySQLiteColumn => observations.id),
  },
  (t) => [
    uniqueIndex('observations_cell_source_uq').on(
      t.indicatorId,
      t.jurisdictionId,
      t.year,
      t.yearEnd,
      t.period,
      t.disaggregation,
      t.definition,
      t.sourceId,
    ),
    index('observations_indicator_jurisdiction_year_idx').on(t.indicatorId, t.jurisdictionId, t.year),
    index('observations_jurisdiction_idx').on(t.jurisdictionId),
    index('observations_jurisdiction_indicator_year_idx').on(t.jurisdictionId, t.indicatorId, t.year),
    index('observations_jurisdiction_state_year_idx').on(t.jurisdictionId, t.workflowState, t.year),
    index('observations_jurisdiction_breakdown_idx').on(
      t.jurisdictionId,
      t.disaggregation,
      t.workflowState,
      t.year,
    ),
    index('observations_state_cell_idx').on(t.workflowState, t.indicatorId, t.jurisdictionId, t.year),
    // The totals (or one breakdown) of cells in the list order: progress, targets and series read from a seek.
    index('observations_state_cell_breakdown_idx').on(
      t.workflowState,
      t.indicatorId,
      t.jurisdictionId,
      t.disaggregation,
      t.year,
    ),
    index('observations_state_created_idx').on(t.workflowState, t.createdAt),
    index('observations_state_updated_idx').on(t.workflowState, t.updatedAt),
    index('observations_source_idx').on(t.sourceId),
    index('observations_workflow_state_idx').on(t.workflowState),
    check('observations_year_span_ck', sql`${t.yearEnd} >= ${t.year}`),
    check('observations_status_ck', sql`${t.status} in ('A', 'E', 'P', 'B', 'U', 'D')`),
    check('observations_conf_status_ck', sql`${t.confStatus} in ('F', 'N', 'C', 'S')`),
    check(
      'observations_workflow_state_ck',
      sql`${t.workflowState} in ('draft', 'submitted', 'approved', 'published', 'rejected')`,
    ),
    check('observations_locked_ck', sql`${t.locked} in (0, 1)`),
  ],
);

export const observationRevisions = sqliteTable(
  'observation_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    observationId: integer('observation_id')
      .notNull()
      .references(() => observations.id),
    previousValue: real('previous_value'),
    previousValueAsRead: text('previous_value_as_read'),
    previousSourceId: integer('previous_source_id').references(() => sources.id),
    newValue: real('new_value'),
    reason: text('reason').notNull(),
    revisedAt: text('revised_at').notNull().$defaultFn(isoNow),
    revisedBy: text('revised_by'),
  },
  (t) => [index('observation_revisions_observation_idx').on(t.observationId)],
);

export const targets = sqliteTable(
  'targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    baselineYear: integer('baseline_year'),
    baselineValue: real('baseline_value'),
    targetYear: integer('target_year').notNull(),
    targetValue: real('target_value').notNull(),
    sourceId: integer('source_id').references(() => sources.id),
    note: text('note'),
    setBy: text('set_by'),
    createdAt: text('created_at').notNull().$defaultFn(isoNow),
  },
  (t) => [uniqueIndex('targets_indicator_jurisdiction_uq').on(t.indicatorId, t.jurisdictionId)],
);

export const measureAssessments = sqliteTable(
  'measure_assessments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    measureId: text('measure_id').notNull(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: integer('year').notNull(),
    level: integer('level').notNull(),
    evidence: text('evidence').notNull(),
    quote: text('quote'),
    quoteLocator: text('quote_locator'),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
  },
  (t) => [
    uniqueIndex('measure_assessments_measure_jurisdiction_year_uq').on(t.measureId, t.jurisdictionId, t.year),
    check('measure_assessments_level_ck', sql`${t.level} between 0 and 4`),
  ],
);

/** The disclosure state of each published identifying figure, recomputed with every change to the published set. */
export const disclosureStates = sqliteTable(
  'disclosure_states',
  {
    observationId: integer('observation_id')
      .primaryKey()
      .references(() => observations.id, { onDelete: 'cascade' }),
    state: text('state', { enum: ['public', 'small_count', 'complementary'] }).notNull(),
  },
  (t) => [check('disclosure_states_state_ck', sql`${t.state} in ('public', 'small_count', 'complementary')`)],
);

/** Per disclosure family (indicator group and definition): what its pattern was computed from, and its audit. */
export const disclosureFamilies = sqliteTable('disclosure_families', {
  family: text('family').primaryKey(),
  /** Hash of the family's published figures and the jurisdiction tree. */
  fingerprint: text('fingerprint').notNull(),
  primaryCells: integer('primary_cells').notNull(),
  /** JSON: the family's pinned cells. */
  pinned: text('pinned').notNull(),
});

/** Components already protected, by a hash of their whole content: a recompute solves only the others. */
export const disclosureComponents = sqliteTable(
  'disclosure_components',
  {
    family: text('family').notNull(),
    signature: text('signature').notNull(),
    /** JSON: ids of the component's figures that are withheld. */
    hidden: text('hidden').notNull(),
    pinned: text('pinned').notNull(),
  },
  (t) => [primaryKey({ columns: [t.family, t.signature] })],
);

/** The last disclosure-control run (one row): what it was computed from, and its audit. */
export const disclosureRuns = sqliteTable('disclosure_runs', {
  id: integer('id').primaryKey(),
  /** Hash of the published figures and the jurisdiction tree the pattern was computed from. */
  fingerprint: text('fingerprint').notNull(),
  checkedAt: text('checked_at').notNull(),
  primaryCells: integer('primary_cells').notNull(),
  /** JSON: the cells the audit could pin down (none on a healthy database). */
  pinned: text('pinned').notNull(),
  millis: real('millis').notNull(),
});

/** One row: a number that grows with every change to what public reads answer; ETags are derived from it. */
export const publishGeneration = sqliteTable('publish_generation', {
  id: integer('id').primaryKey(),
  generation: integer('generation').notNull(),
});

/** A numbered, immutable release of the published figures; checksums as JSON, its manifest in `release_changes`. */
export const releases = sqliteTable('releases', {
  id: text('id').primaryKey(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by'),
  previousId: text('previous_id').references((): AnySQLiteColumn => releases.id),
  note: text('note'),
  figureCount: integer('figure_count').notNull(),
  /** How many rows of `release_changes` the release has of each kind. */
  addedCount: integer('added_count').notNull().default(0),
  correctedCount: integer('corrected_count').notNull().default(0),
  withdrawnCount: integer('withdrawn_count').notNull().default(0),
  checksums: text('checksums').notNull(),
});

/** Each figure of a release exactly as the public saw it then (JSON, disclosure control applied). */
export const releaseFigures = sqliteTable(
  'release_figures',
  {
    releaseId: text('release_id')
      .notNull()
      .references(() => releases.id),
    observationId: integer('observation_id').notNull(),
    indicatorId: text('indicator_id').notNull(),
    jurisdictionId: text('jurisdiction_id').notNull(),
    year: integer('year').notNull(),
    figure: text('figure').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.releaseId, t.observationId] }),
    index('release_figures_release_indicator_jurisdiction_idx').on(
      t.releaseId,
      t.indicatorId,
      t.jurisdictionId,
    ),
  ],
);

/**
 * A release's manifest, one row a figure: added (new to the public), corrected (shown differently) or withdrawn
 * (no longer shown) since the previous release, keyed by the figure's cell (as released, or as last released
 * when withdrawn).
 */
export const releaseChanges = sqliteTable(
  'release_changes',
  {
    releaseId: text('release_id')
      .notNull()
      .references(() => releases.id),
    change: text('change', { enum: RELEASE_CHANGES }).notNull(),
    observationId: integer('observation_id').notNull(),
    indicatorId: text('indicator_id').notNull(),
    jurisdictionId: text('jurisdiction_id').notNull(),
    year: integer('year').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.releaseId, t.indicatorId, t.jurisdictionId, t.year, t.observationId] }),
    index('release_changes_release_change_idx').on(
      t.releaseId,
      t.change,
      t.indicatorId,
      t.jurisdictionId,
      t.year,
      t.observationId,
    ),
    check('release_changes_change_ck', sql`${t.change} in ('added', 'corrected', 'withdrawn')`),
  ],
);

/** Published figures counted per indicator × jurisdiction × first year (coverage), kept with the published set. */
export const publishedCellCounts = sqliteTable(
  'published_cell_counts',
  {
    indicatorId: text('indicator_id').notNull(),
    jurisdictionId: text('jurisdiction_id').notNull(),
    year: integer('year').notNull(),
    observations: integer('observations').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.jurisdictionId, t.year] })],
);

/**
 * The published whole-year current totals whose value the public sees (disclosure control applied), by
 * jurisdiction: what a scorecard scores, kept with the published set so a scorecard reads a few rows.
 */
export const publicAnnualTotals = sqliteTable(
  'public_annual_totals',
  {
    jurisdictionId: text('jurisdiction_id').notNull(),
    indicatorId: text('indicator_id').notNull(),
    year: integer('year').notNull(),
    observationId: integer('observation_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jurisdictionId, t.indicatorId, t.year, t.observationId] })],
);
