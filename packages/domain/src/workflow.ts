import { z } from 'zod';
import type { Action } from './authorisation.js';
import {
  IndicatorIdSchema,
  JurisdictionIdSchema,
  ObservationSchema,
  ObsStatusSchema,
  ProgressStatusSchema,
  SourceSchema,
  TEXT_LIMITS,
  WorkflowStateSchema,
  YearSchema,
  type WorkflowState,
} from './contracts.js';
import { sayError } from './i18n/message-locale.js';
import { reason, renderReason, type Reason } from './i18n/reasons.js';
import { releaseQuery } from './releases.js';
import { ProgressResultSchema, ValidationIssueSchema } from './results.js';
import { NewSourceInputSchema, ObservationInputSchema } from './validate-observation.js';

export const WORKFLOW_EVENTS = ['edit', 'submit', 'approve', 'reject', 'publish', 'unlock'] as const;
export const WorkflowEventTypeSchema = z.enum(WORKFLOW_EVENTS);
export type WorkflowEventType = z.infer<typeof WorkflowEventTypeSchema>;

/** The authorisation action each event needs, so routes ask `authorize` about the right thing. */
export const EVENT_ACTIONS: Record<WorkflowEventType, Action> = {
  edit: 'observation.update',
  submit: 'observation.submit',
  approve: 'observation.approve',
  reject: 'observation.reject',
  publish: 'observation.publish',
  unlock: 'observation.unlock',
};

export const MIN_REASON_LENGTH = 5;

export type WorkflowSnapshot = {
  state: WorkflowState;
  locked: boolean;
  /** Who last submitted the figure for review; null when it never was. */
  submittedBy: string | null;
  /** Who entered or imported the figure, and who last changed it; null or absent when not known. */
  createdBy?: string | null;
  lastEditedBy?: string | null;
};
export type WorkflowEvent = { type: WorkflowEventType; actorId: string; reason?: string | null | undefined };

export const WORKFLOW_ERROR_CODES = [
  'invalid_transition',
  'reason_required',
  'same_person',
  'locked',
] as const;
export type WorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number];
/** A refusal: its code, the reason it gives (to render in the reader's language) and that reason in English. */
export type WorkflowRefusal = { code: WorkflowErrorCode; message: string; why: Reason };
export type WorkflowResult = { ok: true; value: WorkflowSnapshot } | { ok: false; error: WorkflowRefusal };

const FROM: Record<WorkflowEventType, readonly WorkflowState[]> = {
  edit: ['draft', 'rejected', 'approved', 'published'],
  submit: ['draft', 'rejected'],
  approve: ['submitted'],
  reject: ['submitted'],
  publish: ['approved'],
  unlock: ['approved', 'published'],
};

const refuse = (code: WorkflowErrorCode, why: Reason): WorkflowResult => ({
  ok: false,
  error: { code, message: renderReason(why), why },
});

/**
 * The state after `event`: draft → submitted → approved (locked) → published; a reviewer rejects a submitted
 * figure back to its submitter with a reason; unlocking a locked figure needs a reason, and editing an
 * unlocked approved or published figure returns it to draft so that it is reviewed again.
 */
export function applyWorkflowEvent(snapshot: WorkflowSnapshot, event: WorkflowEvent): WorkflowResult {
  const { state, locked } = snapshot;
  if (!FROM[event.type].includes(state)) {
    return refuse('invalid_transition', reason('workflow_not_from_state', { state, event: event.type }));
  }
  const given = event.reason?.trim() ?? '';
  switch (event.type) {
    case 'edit':
      if (locked) return refuse('locked', reason('workflow_locked', {}));
      return {
        ok: true,
        value: { ...snapshot, state: state === 'rejected' ? 'rejected' : 'draft', locked: false },
      };
    case 'submit':
      return {
        ok: true,
        value: { ...snapshot, state: 'submitted', locked: false, submittedBy: event.actorId },
      };
    case 'approve':
      if (snapshot.submittedBy === event.actorId) {
        return refuse('same_person', reason('workflow_same_submitter', {}));
      }
      if (snapshot.createdBy === event.actorId || snapshot.lastEditedBy === event.actorId) {
        return refuse('same_person', reason('workflow_same_editor', {}));
      }
      return { ok: true, value: { ...snapshot, state: 'approved', locked: true } };
    case 'reject':
      if (given.length < MIN_REASON_LENGTH) {
        return refuse(
          'reason_required',
          reason('workflow_reason_required', { event: 'reject', minimum: MIN_REASON_LENGTH }),
        );
      }
      return { ok: true, value: { ...snapshot, state: 'rejected', locked: false } };
    case 'publish':
      return { ok: true, value: { ...snapshot, state: 'published', locked: true } };
    case 'unlock':
      if (!locked) return refuse('invalid_transition', reason('workflow_not_locked', {}));
      if (given.length < MIN_REASON_LENGTH) {
        return refuse(
          'reason_required',
          reason('workflow_reason_required', { event: 'unlock', minimum: MIN_REASON_LENGTH }),
        );
      }
      return { ok: true, value: { ...snapshot, locked: false } };
  }
}

// ---------- wire shapes of the officials' workflow API ----------

const reasonText = z
  .string()
  .trim()
  .min(MIN_REASON_LENGTH, sayError(reason('workflow_reason_too_short', { minimum: MIN_REASON_LENGTH })))
  .max(TEXT_LIMITS.text);
const commentText = z.string().trim().min(1).max(TEXT_LIMITS.text);

/** A new figure; `comment` explains a value flagged as an outlier and is required when it is. */
export const ObservationCreateRequestSchema = z.intersection(
  ObservationInputSchema,
  z.object({ comment: commentText.optional() }),
);
export type ObservationCreateRequest = z.infer<typeof ObservationCreateRequestSchema>;

/** A correction: only the fields given change; `reason` is kept with the revision. */
export const ObservationCorrectionRequestSchema = z.object({
  value: z.number().optional(),
  status: ObsStatusSchema.optional(),
  unitAsRead: z.string().max(TEXT_LIMITS.short).nullable().optional(),
  valueAsRead: z.string().max(TEXT_LIMITS.short).nullable().optional(),
  note: z.string().max(TEXT_LIMITS.text).nullable().optional(),
  sourceId: z.number().int().positive().optional(),
  source: NewSourceInputSchema.optional(),
  reason: reasonText.optional(),
  comment: commentText.optional(),
});
export type ObservationCorrectionRequest = z.infer<typeof ObservationCorrectionRequestSchema>;

export const TransitionRequestSchema = z.object({
  reason: z.string().max(TEXT_LIMITS.text).optional(),
  comment: commentText.optional(),
});
export type TransitionRequest = z.infer<typeof TransitionRequestSchema>;

/** The most figures one batch transition may move, so that a request stays bounded in time and memory. */
export const BATCH_TRANSITION_LIMIT = 1000;

export const BatchTransitionRequestSchema = TransitionRequestSchema.extend({
  event: WorkflowEventTypeSchema.exclude(['edit']).describe('the workflow step applied to every figure'),
  ids: z
    .array(z.number().int().positive())
    .min(1)
    .max(BATCH_TRANSITION_LIMIT)
    .describe(`the figures to move, all or none (at most ${BATCH_TRANSITION_LIMIT})`),
});
export type BatchTransitionRequest = z.infer<typeof BatchTransitionRequestSchema>;

export const WorkflowObservationSchema = ObservationSchema.extend({
  locked: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkflowObservation = z.infer<typeof WorkflowObservationSchema>;

export const WorkflowObservationResponseSchema = z.object({
  data: WorkflowObservationSchema,
  meta: z.object({ warnings: z.array(ValidationIssueSchema) }),
});
export type WorkflowObservationResponse = z.infer<typeof WorkflowObservationResponseSchema>;

export const BatchTransitionResponseSchema = z.object({
  data: z.array(WorkflowObservationSchema),
  meta: z.object({ count: z.number().int() }),
});
export type BatchTransitionResponse = z.infer<typeof BatchTransitionResponseSchema>;

export const ReviewQueueQuerySchema = z.object({
  state: WorkflowStateSchema.optional().describe(
    'only figures in this workflow state (default: all but published)',
  ),
  jurisdiction: JurisdictionIdSchema.optional().describe('only this jurisdiction and the ones under it'),
});
/** The same cell's published annual value one year earlier, as a reviewer compares against it. */
export const PreviousYearValueSchema = z.object({
  observationId: z.number().int(),
  year: z.number().int(),
  value: z.number(),
  source: SourceSchema,
});
export type PreviousYearValue = z.infer<typeof PreviousYearValueSchema>;

export const ReviewItemSchema = WorkflowObservationSchema.extend({
  /** Null when the figure spans several years or the previous year has no published value. */
  previous: PreviousYearValueSchema.nullable(),
  /** The domain's outlier warnings against `previous`; empty when there is none. */
  warnings: z.array(ValidationIssueSchema),
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

export const ReviewQueueResponseSchema = z.object({
  data: z.array(ReviewItemSchema),
  meta: z.object({ count: z.number().int() }),
});
export type ReviewQueueResponse = z.infer<typeof ReviewQueueResponseSchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  sessionId: z.string().nullable(),
  tokenId: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  jurisdictionId: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Who did something, as people recognise them; null `email` when the account no longer exists. */
export const UserRefSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
});
export type UserRef = z.infer<typeof UserRefSchema>;

export const RevisionSchema = z.object({
  id: z.number().int(),
  previousValue: z.number().nullable(),
  previousValueAsRead: z.string().nullable(),
  /** The source before the revision, only when the revision changed it; null when the source stayed the same. */
  previousSourceId: z.number().int().nullable(),
  previousSourceTitle: z.string().nullable(),
  newValue: z.number().nullable(),
  reason: z.string(),
  revisedAt: z.string(),
  /** Null for revisions made by the system (e.g. a later report loaded with the reference data). */
  revisedBy: UserRefSchema.nullable(),
});
export type Revision = z.infer<typeof RevisionSchema>;

export const WorkflowStepSchema = z.object({
  at: z.string(),
  event: z.enum(['create', 'import', ...WORKFLOW_EVENTS]),
  from: WorkflowStateSchema.nullable(),
  to: WorkflowStateSchema,
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  reason: z.string().nullable(),
});
export type WorkflowStep = z.infer<typeof WorkflowStepSchema>;

export const ObservationHistorySchema = z.object({
  observation: WorkflowObservationSchema,
  steps: z.array(WorkflowStepSchema),
  revisions: z.array(RevisionSchema),
  audit: z.array(AuditEntrySchema),
});
export const ObservationHistoryResponseSchema = z.object({ data: ObservationHistorySchema });
export type ObservationHistoryResponse = z.infer<typeof ObservationHistoryResponseSchema>;

export const IMPORT_COLUMNS = [
  'indicator',
  'jurisdiction',
  'year',
  'year_end',
  'period',
  'disaggregation',
  'value',
  'status',
  'definition',
  'source_title',
  'source_publisher',
  'source_year',
  'source_locator',
  'source_kind',
  'note',
] as const;

/** What one import file may hold; the API refuses a file past any of these as soon as it reads that far. */
export const IMPORT_LIMITS = {
  /** Size of the uploaded file, in bytes. */
  bytes: 20 * 1024 * 1024,
  /** Figure rows after the header; blank rows count, as a spreadsheet numbers them. */
  rows: 100_000,
  /** Columns in the header row. */
  columns: 50,
  /** Characters in one cell. */
  cellCharacters: 5_000,
  /** Size of an XLSX once unpacked: all the zip entries read, in bytes. */
  unpackedBytes: 100 * 1024 * 1024,
} as const;
export type ImportLimit = keyof typeof IMPORT_LIMITS;

export const ImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .describe('true: check the file and report, write nothing'),
  state: z.enum(['draft', 'submitted']).default('draft').describe('workflow state of the imported figures'),
});

/** Row numbers count as a spreadsheet shows them: the header is row 1, the first figure row 2. */
export const IMPORT_ROW_CONVENTION =
  'row: the row number a spreadsheet shows, the header being row 1 and the first figure row 2 (in a CSV, the line where the record starts)';

export const ImportIssueSchema = z.object({
  row: z.number().int().min(1).describe(IMPORT_ROW_CONVENTION),
  column: z.string().describe('the template column, "(file)" or "(row)" when the problem is not in one cell'),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const ImportReportSchema = z.object({
  dryRun: z.boolean(),
  format: z.enum(['csv', 'xlsx']),
  layout: z.enum(['template', 'reference']),
  contentHash: z.string(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ImportIssueSchema),
  warnings: z.array(ImportIssueSchema),
  batchId: z.number().int().nullable(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
export const ImportReportResponseSchema = z.object({ data: ImportReportSchema });

/** One past import run: who ran it, on which file, and what it wrote. */
export const ImportBatchSchema = z.object({
  id: z.number().int(),
  contentHash: z.string(),
  filename: z.string().nullable(),
  format: z.enum(['csv', 'xlsx']),
  layout: z.enum(['template', 'reference']),
  importedBy: z.string(),
  importedByEmail: z.string(),
  at: z.string(),
  rowsTotal: z.number().int(),
  rowsInserted: z.number().int(),
  rowsUpdated: z.number().int(),
  rowsUnchanged: z.number().int(),
});
export type ImportBatch = z.infer<typeof ImportBatchSchema>;
export const ImportBatchListResponseSchema = z.object({
  data: z.array(ImportBatchSchema),
  meta: z.object({ count: z.number().int() }),
});

/** The audit log export's period, both days inclusive. */
export const AuditQuerySchema = z.object({
  from: z.iso.date().optional().describe('first day (inclusive), YYYY-MM-DD'),
  to: z.iso.date().optional().describe('last day (inclusive), YYYY-MM-DD'),
});

const EvidenceRequestSchema = z
  .object({
    year: YearSchema,
    value: z.number(),
    sourceId: z.number().int().positive().optional(),
    source: NewSourceInputSchema.optional(),
  })
  .refine((e) => (e.sourceId === undefined) !== (e.source === undefined), {
    path: ['sourceId'],
    ...sayError(reason('source_exactly_one', {})),
  });

export const TargetRequestSchema = z
  .object({
    indicator: IndicatorIdSchema,
    jurisdiction: JurisdictionIdSchema,
    baseline: EvidenceRequestSchema,
    target: EvidenceRequestSchema,
    note: z.string().max(TEXT_LIMITS.text).nullable().default(null),
  })
  .refine((t) => t.target.year > t.baseline.year, {
    path: ['target', 'year'],
    ...sayError(reason('target_after_baseline', {})),
  });
export type TargetRequest = z.infer<typeof TargetRequestSchema>;

export const EvidencePointSchema = z.object({
  year: z.number().int(),
  value: z.number(),
  source: SourceSchema.nullable(),
});
export type EvidencePoint = z.infer<typeof EvidencePointSchema>;
export const BaselinePointSchema = EvidencePointSchema.extend({
  /** Null when suppressed. */
  value: z.number().nullable(),
  /** True when the baseline is an identifying small count, or a figure suppressed, hidden from the caller. */
  suppressed: z.boolean(),
});
export type BaselinePoint = z.infer<typeof BaselinePointSchema>;

export const TargetSchema = z.object({
  id: z.number().int(),
  indicator: IndicatorIdSchema,
  jurisdiction: JurisdictionIdSchema,
  baseline: BaselinePointSchema,
  target: EvidencePointSchema,
  note: z.string().nullable(),
  setBy: z.string().nullable(),
  setAt: z.string(),
});
export type Target = z.infer<typeof TargetSchema>;
export const TargetResponseSchema = z.object({ data: TargetSchema });
export const TargetListResponseSchema = z.object({
  data: z.array(TargetSchema),
  meta: z.object({ count: z.number().int() }),
});
export const TargetsQuerySchema = z.object({
  jurisdiction: JurisdictionIdSchema.optional().describe('only targets for this jurisdiction'),
});

export const ProgressItemSchema = z.object({
  indicator: IndicatorIdSchema,
  jurisdiction: JurisdictionIdSchema,
  unit: z.string(),
  direction: z.string(),
  baseline: BaselinePointSchema,
  target: EvidencePointSchema,
  /** The latest published annual total (standard definition) for the cell; null when there is none. */
  latest: EvidencePointSchema.extend({
    observationId: z.number().int(),
    /** Null when suppressed. */
    value: z.number().nullable(),
    /** True when the value is an identifying small count (or its complement) hidden from the public. */
    suppressed: z.boolean(),
  }).nullable(),
  status: ProgressStatusSchema.nullable(),
  assessment: ProgressResultSchema.nullable(),
  /** Why there is no status, when there is none. */
  reason: z.string().nullable(),
});
export type ProgressItem = z.infer<typeof ProgressItemSchema>;
export const ProgressQuerySchema = z.object({
  jurisdiction: JurisdictionIdSchema.default('PK-PB-GUJRAT').describe(
    'the jurisdiction whose targets to assess',
  ),
  release: releaseQuery.describe(
    "assess against the figures as this release stood (targets are today's: releases do not keep them)",
  ),
});
export const ProgressResponseSchema = z.object({
  data: z.array(ProgressItemSchema),
  meta: z.object({ count: z.number().int(), jurisdiction: JurisdictionIdSchema, method: z.string() }),
});
export type ProgressResponse = z.infer<typeof ProgressResponseSchema>;
