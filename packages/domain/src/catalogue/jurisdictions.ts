import { z } from 'zod';
import { say } from '../i18n/message-locale.js';
import { reason } from '../i18n/reasons.js';
import {
  IsoDateSchema,
  JURISDICTION_ROLES,
  JurisdictionIdSchema,
  JurisdictionKindSchema,
  LocalisedNameSchema,
  MigrationProfileSchema,
  TEXT_LIMITS,
  type Jurisdiction,
  type JurisdictionId,
  type ParentPeriod,
} from '../contracts.js';
import { createJurisdictionTree } from './jurisdiction-tree.js';

export * from './benchmarks.js';

const SourceKeySchema = z.string().regex(/^[a-z0-9-]+$/, 'a source key such as nation-2023-02-21');

/** The versioned jurisdictions file (apps/api/seed/jurisdictions.json): every unit, its life and its parents. */
export const JurisdictionFileSchema = z.object({
  /** Raised whenever the file changes; the API reloads the file when it is newer than what it loaded. */
  version: z.number().int().positive(),
  date: IsoDateSchema,
  notes: z.array(z.string()),
  sources: z.record(
    SourceKeySchema,
    z.object({
      citation: z.string().min(1),
      url: z.url().nullable(),
      status: z.enum(['verified', 'partly', 'not_verified']),
    }),
  ),
  units: z.array(
    z.object({
      id: JurisdictionIdSchema,
      kind: JurisdictionKindSchema,
      name: LocalisedNameSchema.extend({ ur: z.string().min(1) }),
      role: z.enum(JURISDICTION_ROLES),
      validFrom: IsoDateSchema.nullable(),
      validTo: IsoDateSchema.nullable(),
      parents: z.array(
        z.object({
          parentId: JurisdictionIdSchema,
          from: IsoDateSchema.nullable(),
          to: IsoDateSchema.nullable(),
          source: SourceKeySchema.nullable(),
        }),
      ),
      source: SourceKeySchema.nullable(),
      note: z.string().nullable(),
      /** Set on a country; the units below it inherit it. */
      migrationProfile: MigrationProfileSchema.optional(),
    }),
  ),
});
export type JurisdictionFile = z.infer<typeof JurisdictionFileSchema>;

/** The file's units as the domain's jurisdictions, each source key replaced by its citation. */
export function unitsOfFile(file: JurisdictionFile): Jurisdiction[] {
  const cite = (key: string | null): string | null => {
    if (key === null) return null;
    const source = file.sources[key];
    if (!source) return key;
    return source.url ? `${source.citation} ${source.url}` : source.citation;
  };
  return file.units.map((unit) => ({
    ...unit,
    parentId: unit.parents.find((p) => p.to === null)?.parentId ?? null,
    parents: unit.parents.map((p) => ({ ...p, source: cite(p.source) })),
    source: cite(unit.source),
  }));
}

export type JurisdictionIssue = { id: JurisdictionId; path: string; message: string };

/** Whether the period starts before or ends after the unit's life. */
const outsideLife = (period: ParentPeriod, unit: Jurisdiction): boolean =>
  (unit.validFrom !== null && (period.from === null || period.from < unit.validFrom)) ||
  (unit.validTo !== null && (period.to === null || period.to > unit.validTo));

/**
 * Problems that would make `units` an inconsistent tree: a repeated id, an unknown source key, a parent that
 * does not exist, a parent period outside the unit's or the parent's life, overlapping parent periods, a cycle.
 */
export function jurisdictionIssues(units: readonly Jurisdiction[]): JurisdictionIssue[] {
  const issues: JurisdictionIssue[] = [];
  const byId = new Map<JurisdictionId, Jurisdiction>();
  for (const unit of units) {
    if (byId.has(unit.id))
      issues.push({ id: unit.id, path: 'id', message: say(reason('unit_listed_twice', { id: unit.id })) });
    byId.set(unit.id, unit);
  }
  const before = (a: string | null, b: string | null) => a === null || b === null || a <= b;
  for (const unit of units) {
    if (!before(unit.validFrom, unit.validTo)) {
      issues.push({
        id: unit.id,
        path: 'validTo',
        message: say(
          reason('unit_closes_before_opening', { id: unit.id, from: unit.validFrom, to: unit.validTo }),
        ),
      });
    }
    const periods = [...unit.parents].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
    periods.forEach((period, index) => {
      const parent = byId.get(period.parentId);
      const path = `parents[${index}]`;
      if (!parent) {
        issues.push({
          id: unit.id,
          path,
          message: say(reason('unit_unknown_parent', { id: unit.id, parent: period.parentId })),
        });
        return;
      }
      if (!before(period.from, period.to)) {
        issues.push({
          id: unit.id,
          path,
          message: say(reason('unit_period_reversed', { parent: period.parentId })),
        });
      }
      if (outsideLife(period, unit)) {
        issues.push({
          id: unit.id,
          path,
          message: say(
            reason('unit_period_outside_life', {
              id: unit.id,
              parent: period.parentId,
              from: unit.validFrom,
              to: unit.validTo,
            }),
          ),
        });
      }
      if (outsideLife(period, parent)) {
        issues.push({
          id: unit.id,
          path,
          message: say(reason('unit_parent_not_alive', { id: unit.id, parent: period.parentId })),
        });
      }
      const next = periods[index + 1];
      if (next && (period.to === null || (next.from !== null && next.from <= period.to))) {
        issues.push({
          id: unit.id,
          path,
          message: say(
            reason('unit_periods_overlap', { id: unit.id, parent: period.parentId, next: next.parentId }),
          ),
        });
      }
    });
  }
  const tree = createJurisdictionTree(units);
  for (const unit of units) {
    for (const period of unit.parents) {
      const day = period.from ?? unit.validFrom ?? '1900-01-01';
      if (tree.ancestorsOf(period.parentId, day).includes(unit.id) || period.parentId === unit.id) {
        issues.push({
          id: unit.id,
          path: 'parents',
          message: say(reason('unit_below_itself', { id: unit.id })),
        });
      }
    }
  }
  return issues;
}

export const JURISDICTION_IMPORT_COLUMNS = [
  'id',
  'kind',
  'name_en',
  'name_ur',
  'role',
  'valid_from',
  'valid_to',
  'parent_id',
  'source',
  'note',
] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null);
const optionalDate = z
  .string()
  .trim()
  .transform((value) => (value === '' ? null : value))
  .pipe(IsoDateSchema.nullable())
  .nullable()
  .default(null);

/**
 * One row of an admin's jurisdiction import. A row with a new id adds the unit under `parent_id` from
 * `valid_from`; a row with a known id and `valid_to` closes that unit (and its current parent period) on that day.
 */
export const JurisdictionImportRowSchema = z.object({
  id: JurisdictionIdSchema,
  kind: z.union([JurisdictionKindSchema, z.literal('')]).optional(),
  name_en: optionalText(TEXT_LIMITS.name),
  name_ur: optionalText(TEXT_LIMITS.name),
  role: z.union([z.enum(JURISDICTION_ROLES), z.literal('')]).optional(),
  valid_from: optionalDate,
  valid_to: optionalDate,
  parent_id: z.union([JurisdictionIdSchema, z.literal('')]).optional(),
  source: z.string().trim().min(1, 'source: cite the notification or order').max(TEXT_LIMITS.text),
  note: optionalText(TEXT_LIMITS.text),
});
export type JurisdictionImportRow = z.infer<typeof JurisdictionImportRowSchema>;

export type JurisdictionRowIssue = { row: number; field: string; message: string };

export const JurisdictionImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .describe('true: check the rows and report what would change, writing nothing'),
});

export const JurisdictionImportReportSchema = z.object({
  dryRun: z.boolean(),
  /** Ids of the units added, and of those closed, in row order. */
  added: z.array(JurisdictionIdSchema),
  closed: z.array(JurisdictionIdSchema),
});
export type JurisdictionImportReport = z.infer<typeof JurisdictionImportReportSchema>;
export const JurisdictionImportResponseSchema = z.object({ data: JurisdictionImportReportSchema });
export type JurisdictionImportPlan =
  { ok: true; added: Jurisdiction[]; closed: Jurisdiction[] } | { ok: false; issues: JurisdictionRowIssue[] };

/**
 * Plans an import against the current units: each row (numbered from 1) either adds or closes a unit.
 * Nothing is planned when any row has a problem, so the import applies all rows or none.
 */
export function planJurisdictionImport(
  current: readonly Jurisdiction[],
  rows: readonly unknown[],
): JurisdictionImportPlan {
  const issues: JurisdictionRowIssue[] = [];
  const units = new Map(current.map((unit) => [unit.id, unit]));
  const added: Jurisdiction[] = [];
  const closed = new Map<JurisdictionId, Jurisdiction>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    const parsed = JurisdictionImportRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ row, field: issue.path.join('.') || 'row', message: issue.message });
      }
      return;
    }
    const r = parsed.data;
    const existing = units.get(r.id);
    if (existing) {
      if (r.valid_to === null) {
        issues.push({ row, field: 'valid_to', message: say(reason('unit_exists', { id: r.id })) });
        return;
      }
      if (existing.validTo !== null) {
        issues.push({
          row,
          field: 'valid_to',
          message: say(reason('unit_already_closed', { id: r.id, on: existing.validTo })),
        });
        return;
      }
      const closing: Jurisdiction = {
        ...existing,
        validTo: r.valid_to,
        source: r.source,
        note: r.note ?? existing.note,
        parents: existing.parents.map((p) => (p.to === null ? { ...p, to: r.valid_to } : p)),
      };
      units.set(r.id, closing);
      closed.set(r.id, closing);
      return;
    }
    const missing = (['kind', 'name_en', 'name_ur', 'role', 'valid_from', 'parent_id'] as const).filter(
      (field) => !r[field],
    );
    if (missing.length > 0) {
      for (const field of missing)
        issues.push({ row, field, message: say(reason('unit_field_required', { id: r.id, field })) });
      return;
    }
    const unit: Jurisdiction = {
      id: r.id,
      kind: r.kind as Jurisdiction['kind'],
      parentId: r.parent_id!,
      name: { en: r.name_en!, ur: r.name_ur! },
      role: r.role as Jurisdiction['role'],
      validFrom: r.valid_from,
      validTo: r.valid_to,
      parents: [{ parentId: r.parent_id!, from: r.valid_from, to: r.valid_to, source: r.source }],
      source: r.source,
      note: r.note,
    };
    units.set(r.id, unit);
    added.push(unit);
  });
  if (issues.length === 0) {
    const rowOf = (id: JurisdictionId) =>
      rows.findIndex((raw) => (raw as { id?: unknown } | null)?.id === id) + 1;
    const touched = new Set([...added.map((u) => u.id), ...closed.keys()]);
    for (const issue of jurisdictionIssues([...units.values()])) {
      if (touched.has(issue.id))
        issues.push({ row: rowOf(issue.id), field: issue.path, message: issue.message });
    }
    for (const unit of closed.values()) {
      const open = [...units.values()].filter(
        (child) =>
          child.validTo === null && child.parents.some((p) => p.parentId === unit.id && p.to === null),
      );
      if (open.length > 0) {
        issues.push({
          row: rowOf(unit.id),
          field: 'valid_to',
          message: say(reason('unit_has_open_children', { id: unit.id, children: open.map((c) => c.id) })),
        });
      }
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, added, closed: [...closed.values()] };
}
