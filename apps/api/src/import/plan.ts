import {
  cellKey,
  cellOf,
  INDICATORS,
  STANDARD_DEFINITION,
  applyWorkflowEvent,
  authorize,
  detectOutlier,
  isAnnual,
  parseBreakdown,
  renderReason,
  validateObservation,
  type ImportIssue,
  type JurisdictionTree,
  type Locale,
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
import { textIn, type MessageCode, type MessageParams } from '../i18n/messages.js';
import type { ImportLayout, ImportRow } from './rows.js';

export type PlannedFigure = FigureReading & { row: number; cell: ObservationCell; source: SourceInput };

export type ExistingFigure = Omit<StoredReading, 'cell'>;

export type PlannedRow = PlannedFigure &
  (
    | { action: 'insert' }
    | { action: 'unchanged'; existing: ExistingFigure }
    | { action: 'update'; existing: ExistingFigure; nextState: WorkflowState }
  );

export type ImportPlan = {
  /** Rows read from the file, blank ones not counted. */
  rowCount: number;
  rows: PlannedRow[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Rows for jurisdictions outside the importer's scope (also listed in errors). */
  outOfScope: number;
  inserted: number;
  updated: number;
  unchanged: number;
};

/** `locale` is the language of the row messages. */
export type PlanOptions = { principal: UserPrincipal; now: Date; tree: JurisdictionTree; locale: Locale };

type Say = <K extends MessageCode>(code: K, params: MessageParams[K]) => string;
const sayIn =
  (locale: Locale): Say =>
  (code, params) =>
    textIn(locale, code, params);

/** The rows that passed every check that needs no database, and the problems of the others. */
export type CheckedRows = {
  rowCount: number;
  figures: PlannedFigure[];
  errors: ImportIssue[];
  outOfScope: number;
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
function fromTemplate({ row, values }: ImportRow, locale: Locale): Candidate | ImportIssue[] {
  const say = sayIn(locale);
  const get = (column: string) => (values[column] ?? '').trim();
  const issues: ImportIssue[] = [];
  const required = ['indicator', 'jurisdiction', 'year', 'value', 'source_title', 'source_publisher'];
  for (const column of required) {
    if (get(column) === '') issues.push({ row, column, message: say('import_required', { column }) });
  }
  const number = (
    column: string,
    pattern: RegExp,
    hint: 'import_not_year' | 'import_not_number',
  ): number | null => {
    const text = get(column);
    if (text === '') return null;
    if (!pattern.test(text)) {
      issues.push({ row, column, message: say(hint, { text }) });
      return null;
    }
    return Number(text);
  };
  const year = number('year', YEAR, 'import_not_year');
  const yearEnd = number('year_end', YEAR, 'import_not_year');
  const value = number('value', NUMBER, 'import_not_number');
  const sourceYear = number('source_year', YEAR, 'import_not_year');
  const breakdown = parseBreakdown(get('disaggregation'), locale);
  if (!breakdown.ok) issues.push({ row, column: 'disaggregation', message: breakdown.error.message });
  const status = (get('status') || 'A').toUpperCase();
  const kind = (get('source_kind') || 'secondary').toLowerCase();
  if (kind !== 'primary' && kind !== 'secondary') {
    issues.push({
      row,
      column: 'source_kind',
      message: say('import_not_source_kind', { text: get('source_kind') }),
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
function fromReference({ row, values }: ImportRow, locale: Locale): Candidate | ImportIssue[] {
  const reference = toReferenceRow(row, values);
  if ('message' in reference) return [{ row, column: reference.column, message: reference.message[locale] }];
  const resolved = resolveReferenceRow(reference);
  if (!resolved.ok) return [{ row, column: resolved.column, message: resolved.message[locale] }];
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

/** Problems beyond this many are counted, not listed, so that a file of bad rows costs bounded memory. */
export const LISTED_ERRORS = 1000;

function issueList(say: Say) {
  const listed: ImportIssue[] = [];
  let more = 0;
  let lastRow = 1;
  return {
    add(...issues: ImportIssue[]) {
      for (const issue of issues) {
        lastRow = issue.row;
        if (listed.length < LISTED_ERRORS) listed.push(issue);
        else more++;
      }
    },
    list: (): ImportIssue[] =>
      more === 0
        ? listed
        : [
            ...listed,
            { row: lastRow, column: '(file)', message: say('import_more_problems', { count: more }) },
          ],
  };
}

/**
 * Checks each row as the reader yields it (catalogue, jurisdiction scope, duplicates within the file), so
 * that a file is read once and only the figures that passed are kept. Reads no database.
 */
export async function checkRows(
  { layout, rows }: { layout: ImportLayout; rows: AsyncIterable<ImportRow> },
  options: PlanOptions,
): Promise<CheckedRows> {
  const read = layout === 'template' ? fromTemplate : fromReference;
  const say = sayIn(options.locale);
  const errors = issueList(say);
  const figures: PlannedFigure[] = [];
  const seen = new Map<string, number>();
  let outOfScope = 0;
  let rowCount = 0;
  const currentYear = options.now.getUTCFullYear();
  const { tree } = options;

  for await (const importRow of rows) {
    rowCount++;
    const candidate = read(importRow, options.locale);
    if (Array.isArray(candidate)) {
      errors.add(...candidate);
      continue;
    }
    const checked = validateObservation(candidate.input, {
      indicators: INDICATORS,
      jurisdictions: tree,
      currentYear,
      locale: options.locale,
    });
    if (!checked.ok) {
      for (const issue of checked.error.issues ?? [{ path: '(row)', message: checked.error.message }]) {
        errors.add({ row: importRow.row, column: columnOf(issue.path), message: issue.message });
      }
      continue;
    }
    const { figure } = candidate;
    const allowed = authorize(options.principal, 'import.run', {
      jurisdictionId: figure.cell.jurisdiction,
      tree,
      asOf: figure.cell.yearEnd,
    });
    if (!allowed.allowed) {
      outOfScope++;
      errors.add({
        row: importRow.row,
        column: 'jurisdiction',
        message: renderReason(allowed.why, options.locale),
      });
      continue;
    }
    const key = `${cellKey(figure.cell)}|${citationKey(figure.source)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.add({
        row: importRow.row,
        column: 'indicator',
        message: say('import_repeats_row', { first }),
      });
      continue;
    }
    seen.set(key, importRow.row);
    figures.push(figure);
  }
  return { rowCount, figures, errors: errors.list(), outOfScope };
}

/**
 * Compares the checked figures with the database: new figures are inserted, identical ones left unchanged,
 * editable ones corrected, locked or submitted ones refused. Outliers against the previous year are
 * warnings. Writes nothing.
 */
export async function planImport(db: Db, checked: CheckedRows, options: PlanOptions): Promise<ImportPlan> {
  const { figures, outOfScope, rowCount } = checked;
  const errors = [...checked.errors];
  const warnings: ImportIssue[] = [];
  const say = sayIn(options.locale);

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
    const outlier = previous === undefined ? null : detectOutlier(figure.value, previous, options.locale);
    if (outlier) {
      const message = say('import_outlier', { outlier: outlier.message, explained: Boolean(figure.note) });
      warnings.push({ row: figure.row, column: 'value', message });
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
          message: say('import_figure_refused', {
            id: existing.id,
            state: existing.workflowState,
            locked: existing.locked,
            value: existing.value,
          }),
        });
        continue;
      }
      planned.push({ ...figure, action: 'update', existing, nextState: next.value.state });
      updated++;
    }
  }
  errors.sort((a, b) => a.row - b.row);
  warnings.sort((a, b) => a.row - b.row);
  return { rowCount, rows: planned, errors, warnings, outOfScope, inserted, updated, unchanged };
}
