import {
  cellKey,
  cellOf,
  INDICATORS,
  JURISDICTIONS,
  STANDARD_DEFINITION,
  applyWorkflowEvent,
  authorize,
  detectOutlier,
  isAnnual,
  parseBreakdown,
  validateObservation,
  type ImportIssue,
  type ObservationCell,
  type ObsStatus,
  type UserPrincipal,
  type WorkflowState,
} from '@fourp/domain';
import type { Db } from '../db/client.js';
import { listAllSources } from '../repos/sources.js';
import {
  cellSourceKey,
  citationKey,
  listFiguresIn,
  type FigureReading,
  type SourceInput,
  type StoredReading,
} from '../repos/workflow/observations.js';
import { resolveReferenceRow } from '../reference/mapping.js';
import { toReferenceRow } from '../reference/rows.js';
import { classifySourceKind } from '../reference/source-kind.js';
import type { ImportRow, ParsedImport } from './parse.js';

export type PlannedFigure = FigureReading & { row: number; cell: ObservationCell; source: SourceInput };

export type ExistingFigure = Omit<StoredReading, 'cell'>;

export type PlannedRow = PlannedFigure &
  (
    | { action: 'insert' }
    | { action: 'unchanged'; existing: ExistingFigure }
    | { action: 'update'; existing: ExistingFigure; nextState: WorkflowState }
  );

export type ImportPlan = {
  rows: PlannedRow[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Rows for jurisdictions outside the importer's scope (also listed in errors). */
  outOfScope: number;
  inserted: number;
  updated: number;
  unchanged: number;
};

export type PlanOptions = {
  principal: UserPrincipal;
  now: Date;
  onProgress?: (done: number, total: number) => void;
};

const TEMPLATE_FIELD_COLUMNS: Record<string, string> = {
  yearEnd: 'year_end',
  'source.title': 'source_title',
  'source.publisher': 'source_publisher',
  'source.year': 'source_year',
  'source.locator': 'source_locator',
  'source.kind': 'source_kind',
  sourceId: 'source_title',
};
const columnOf = (path: string) => TEMPLATE_FIELD_COLUMNS[path] ?? path.split('.')[0]!;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const YEAR = /^\d{4}$/;

type Candidate = { figure: PlannedFigure; input: Record<string, unknown> };

/** A template row as the domain's observation input, or the problems that stop it from being one. */
function fromTemplate({ row, values }: ImportRow): Candidate | ImportIssue[] {
  const get = (column: string) => (values[column] ?? '').trim();
  const issues: ImportIssue[] = [];
  const required = ['indicator', 'jurisdiction', 'year', 'value', 'source_title', 'source_publisher'];
  for (const column of required) {
    if (get(column) === '') issues.push({ row, column, message: `${column} is required` });
  }
  const number = (column: string, pattern: RegExp, hint: string): number | null => {
    const text = get(column);
    if (text === '') return null;
    if (!pattern.test(text)) {
      issues.push({ row, column, message: `"${text}" is not ${hint}` });
      return null;
    }
    return Number(text);
  };
  const year = number('year', YEAR, 'a four-digit year');
  const yearEnd = number('year_end', YEAR, 'a four-digit year');
  const value = number('value', NUMBER, 'a plain number (write 1234.5, without thousands separators)');
  const sourceYear = number('source_year', YEAR, 'a four-digit year');
  const breakdown = parseBreakdown(get('disaggregation'));
  if (!breakdown.ok) issues.push({ row, column: 'disaggregation', message: breakdown.error.message });
  const status = (get('status') || 'A').toUpperCase();
  const kind = (get('source_kind') || 'secondary').toLowerCase();
  if (kind !== 'primary' && kind !== 'secondary') {
    issues.push({
      row,
      column: 'source_kind',
      message: `"${get('source_kind')}" is not primary or secondary`,
    });
  }
  if (issues.length > 0 || year === null || value === null || !breakdown.ok) return issues;
  const source: SourceInput = {
    title: get('source_title'),
    publisher: get('source_publisher'),
    year: sourceYear,
    locator: get('source_locator') || null,
    kind: kind as SourceInput['kind'],
  };
  const figure: PlannedFigure = {
    row,
    cell: {
      indicator: get('indicator'),
      jurisdiction: get('jurisdiction'),
      year,
      yearEnd: yearEnd ?? year,
      period: get('period') || null,
      disaggregation: breakdown.value,
      definition: get('definition') || STANDARD_DEFINITION,
    },
    value,
    status: status as ObsStatus,
    unitAsRead: null,
    valueAsRead: null,
    note: get('note') || null,
    source,
  };
  return { figure, input: { ...figure.cell, value, status, source } };
}

/** A row of the reference CSV, mapped onto the catalogue by the seed's reference mapping. */
function fromReference({ row, values }: ImportRow): Candidate | ImportIssue[] {
  const reference = toReferenceRow(row, values);
  if ('message' in reference) return [{ row, ...reference }];
  const resolved = resolveReferenceRow(reference);
  if (!resolved.ok) {
    const column = /unit/.test(resolved.message)
      ? 'unit'
      : /value/.test(resolved.message)
        ? 'value'
        : 'indicator';
    return [{ row, column, message: resolved.message }];
  }
  const o = resolved.value;
  const citation = {
    title: reference.sourceTitle,
    publisher: reference.sourcePublisher,
    locator: reference.sourceLocator,
  };
  const source: SourceInput = {
    ...citation,
    year: reference.sourceYear,
    kind: classifySourceKind({ ...citation, note: reference.note }),
  };
  const figure: PlannedFigure = {
    row,
    cell: cellOf(o),
    value: o.value,
    status: o.status,
    unitAsRead: o.unitAsRead,
    valueAsRead: o.valueAsRead,
    note: o.note,
    source,
  };
  return { figure, input: { ...figure.cell, value: o.value, status: o.status, source } };
}

const previousCellKey = (cell: ObservationCell) =>
  isAnnual(cell) ? cellKey({ ...cell, year: cell.year - 1, yearEnd: cell.year - 1 }) : null;

const sameFigure = (f: PlannedFigure, e: ExistingFigure) =>
  f.value === e.value &&
  f.status === e.status &&
  f.note === e.note &&
  f.valueAsRead === e.valueAsRead &&
  f.unitAsRead === e.unitAsRead;

/**
 * Checks every row (catalogue, jurisdiction scope, duplicates within the file) and compares it with the
 * database: new figures are inserted, identical ones left unchanged, editable ones corrected, locked or
 * submitted ones refused. Outliers against the previous year are warnings. Writes nothing.
 */
export async function planImport(db: Db, parsed: ParsedImport, options: PlanOptions): Promise<ImportPlan> {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const figures: PlannedFigure[] = [];
  const seen = new Map<string, number>();
  let outOfScope = 0;
  const currentYear = options.now.getUTCFullYear();
  const total = parsed.rows.length;

  parsed.rows.forEach((importRow, index) => {
    const candidate = parsed.layout === 'template' ? fromTemplate(importRow) : fromReference(importRow);
    if (Array.isArray(candidate)) {
      errors.push(...candidate);
      return;
    }
    const checked = validateObservation(candidate.input, {
      indicators: INDICATORS,
      jurisdictions: JURISDICTIONS,
      currentYear,
    });
    if (!checked.ok) {
      for (const issue of checked.error.issues ?? [{ path: '(row)', message: checked.error.message }]) {
        errors.push({ row: importRow.row, column: columnOf(issue.path), message: issue.message });
      }
      return;
    }
    const { figure } = candidate;
    const allowed = authorize(options.principal, 'import.run', { jurisdictionId: figure.cell.jurisdiction });
    if (!allowed.allowed) {
      outOfScope++;
      errors.push({ row: importRow.row, column: 'jurisdiction', message: allowed.message });
      return;
    }
    const key = `${cellKey(figure.cell)}|${citationKey(figure.source)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        row: importRow.row,
        column: 'indicator',
        message: `repeats the figure of row ${first} (same cell and source)`,
      });
      return;
    }
    seen.set(key, importRow.row);
    figures.push(figure);
    if ((index + 1) % 5000 === 0) options.onProgress?.(index + 1, total);
  });

  const sourceIds = new Map<string, number>();
  for (const source of await listAllSources(db)) sourceIds.set(citationKey(source), source.id);

  const existingByKey = new Map<string, ExistingFigure>();
  const previousValues = new Map<string, number>();
  const stored = await listFiguresIn(db, {
    indicators: [...new Set(figures.map((f) => f.cell.indicator))],
    jurisdictions: [...new Set(figures.map((f) => f.cell.jurisdiction))],
  });
  for (const { cell, ...existing } of stored) {
    existingByKey.set(cellSourceKey(cell, existing.sourceId), existing);
    if (existing.workflowState !== 'rejected') previousValues.set(cellKey(cell), existing.value);
  }
  for (const f of figures) previousValues.set(cellKey(f.cell), f.value);

  const planned: PlannedRow[] = [];
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  for (const figure of figures) {
    const previousKey = previousCellKey(figure.cell);
    const previous = previousKey === null ? undefined : previousValues.get(previousKey);
    const outlier = previous === undefined ? null : detectOutlier(figure.value, previous);
    if (outlier) {
      const explained = figure.note ? ' (explained in note)' : '; explain it in the note column';
      warnings.push({ row: figure.row, column: 'value', message: `${outlier.message}${explained}` });
    }
    const sourceId = sourceIds.get(citationKey(figure.source));
    const existing =
      sourceId === undefined ? undefined : existingByKey.get(cellSourceKey(figure.cell, sourceId));
    if (!existing) {
      planned.push({ ...figure, action: 'insert' });
      inserted++;
    } else if (sameFigure(figure, existing)) {
      planned.push({ ...figure, action: 'unchanged', existing });
      unchanged++;
    } else {
      const next = applyWorkflowEvent(
        { state: existing.workflowState, locked: existing.locked, submittedBy: null },
        { type: 'edit', actorId: options.principal.userId },
      );
      if (!next.ok || existing.workflowState === 'approved' || existing.workflowState === 'published') {
        errors.push({
          row: figure.row,
          column: 'value',
          message: `figure ${existing.id} for this cell and source is ${existing.workflowState}${existing.locked ? ' and locked' : ''} with value ${existing.value}; a reviewer must reject or unlock it before it can be changed`,
        });
        continue;
      }
      planned.push({ ...figure, action: 'update', existing, nextState: next.value.state });
      updated++;
    }
  }
  options.onProgress?.(total, total);
  errors.sort((a, b) => a.row - b.row);
  warnings.sort((a, b) => a.row - b.row);
  return { rows: planned, errors, warnings, outOfScope, inserted, updated, unchanged };
}
