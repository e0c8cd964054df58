import {
  INDICATORS,
  MIN_YEAR,
  breakdownKey,
  NewSourceInputSchema,
  TargetRequestSchema,
  detectOutlier,
  validateObservation,
  type Indicator,
  type Jurisdiction,
  type JurisdictionTree,
  type ValidationIssue,
  type WorkflowObservation,
} from '@fourp/domain';
import { m } from '$lib/paraglide/messages.js';
import { errorsByField, numberOrUndefined, type FieldErrors } from './forms';

/** A form's text values by field name; the browser binds inputs to it, the server builds it from FormData. */
export type FormValues = Record<string, string>;

const v = (values: FormValues, name: string) => (values[name] ?? '').trim();
const orNull = (value: string) => (value === '' ? null : value);

/** `{ sourceId }` for an existing source, `{ source }` for a new one, as the API's requests take them. */
export function sourceRef(values: FormValues, prefix = '') {
  if (v(values, `${prefix}sourceMode`) !== 'new') {
    return { sourceId: numberOrUndefined(v(values, `${prefix}sourceId`)) };
  }
  const year = numberOrUndefined(v(values, `${prefix}source.year`));
  return {
    source: {
      title: v(values, `${prefix}source.title`),
      publisher: v(values, `${prefix}source.publisher`),
      year: year ?? null,
      locator: orNull(v(values, `${prefix}source.locator`)),
      kind: v(values, `${prefix}source.kind`) === 'primary' ? ('primary' as const) : ('secondary' as const),
    },
  };
}

/** The dimensions an indicator can be broken down by, from the catalogue. */
export const dimensionsOf = (indicatorId: string) =>
  INDICATORS.find((indicator) => indicator.id === indicatorId)?.disaggregations ?? [];

/** The body of `POST /v1/observations` from the entry form (only the indicator's own dimensions count). */
export function observationRequest(values: FormValues) {
  const indicator = v(values, 'indicator');
  const disaggregation: Record<string, string> = {};
  for (const dimension of dimensionsOf(indicator)) {
    const category = v(values, `disaggregation.${dimension}`);
    if (category !== '') disaggregation[dimension] = category;
  }
  const ref = sourceRef(values);
  const note = v(values, 'note');
  const comment = v(values, 'comment');
  const yearEnd = numberOrUndefined(v(values, 'yearEnd'));
  const valueAsRead = v(values, 'valueAsRead');
  const unitAsRead = v(values, 'unitAsRead');
  return {
    indicator,
    jurisdiction: v(values, 'jurisdiction'),
    year: numberOrUndefined(v(values, 'year')),
    ...(yearEnd === undefined ? {} : { yearEnd }),
    disaggregation,
    value: numberOrUndefined(v(values, 'value')),
    status: v(values, 'status') || 'A',
    definition: v(values, 'definition') || 'standard',
    ...(valueAsRead === '' ? {} : { valueAsRead }),
    ...(unitAsRead === '' ? {} : { unitAsRead }),
    ...(note === '' ? {} : { note }),
    ...ref,
    ...(comment === '' ? {} : { comment }),
  };
}

/** The units a user may enter figures for: their scope and everything under it, in today's tree. */
export function jurisdictionsInScope(tree: JurisdictionTree, scope: string | null): Jurisdiction[] {
  if (scope === null) return [];
  return tree.unitsAt().filter((j) => j.role === 'monitored' && tree.isWithin(j.id, scope));
}

const PLACEHOLDERS: Record<string, unknown> = {
  indicator: 'placeholder',
  jurisdiction: 'X',
  year: MIN_YEAR,
  yearEnd: undefined,
  disaggregation: {},
  value: 0,
  status: 'A',
  definition: 'standard',
};

/** The source half of the entry form: an existing source chosen, or a new one with title and publisher. */
function sourceIssues(values: FormValues): ValidationIssue[] {
  const ref = sourceRef(values);
  if ('sourceId' in ref) {
    return ref.sourceId === undefined || !Number.isInteger(ref.sourceId)
      ? [{ path: 'sourceId', message: m.form_chooseSource() }]
      : [];
  }
  const parsed = NewSourceInputSchema.safeParse(ref.source);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: `source.${issue.path.map(String).join('.')}`,
        message: issue.message,
      }));
}

/**
 * The domain's checks on the entry form, as the API runs them: catalogue fit, years, value range, the
 * indicator's dimensions, the source; plus the user's jurisdiction scope. Fields that fail the schema are
 * stood in for by valid placeholders in a second pass, so that every other field still gets its catalogue checks.
 */
export function checkEntry(
  values: FormValues,
  scope: string | null,
  currentYear: number,
  tree: JurisdictionTree,
): FieldErrors {
  const { comment: _comment, ...request } = observationRequest(values);
  const withSource = { ...request, sourceId: 1, source: undefined };
  const ctx = { indicators: INDICATORS, jurisdictions: tree, currentYear };
  const first = validateObservation(withSource, ctx);
  const issues: ValidationIssue[] = first.ok ? [] : [...(first.error.issues ?? [])];
  const failed = new Set(issues.map((issue) => issue.path.split('.')[0] ?? ''));
  if (!first.ok && failed.size > 0) {
    const repaired: Record<string, unknown> = { ...withSource };
    for (const field of failed) if (field in PLACEHOLDERS) repaired[field] = PLACEHOLDERS[field];
    const second = validateObservation(repaired, ctx);
    if (!second.ok) {
      issues.push(
        ...(second.error.issues ?? []).filter((issue) => !failed.has(issue.path.split('.')[0] ?? '')),
      );
    }
  }
  issues.push(...sourceIssues(values));
  if (request.indicator === '') {
    issues.splice(0, issues.length, ...issues.filter((issue) => issue.path !== 'indicator'));
    issues.unshift({ path: 'indicator', message: m.form_chooseIndicator() });
  }
  if (
    request.jurisdiction !== '' &&
    (scope === null || !tree.isWithin(request.jurisdiction, scope, request.yearEnd ?? request.year))
  ) {
    issues.push({
      path: 'jurisdiction',
      message: m.form_outsideScope({ jurisdiction: request.jurisdiction, scope: scope ?? '—' }),
    });
  }
  return errorsByField(issues.map((issue) => ({ ...issue, path: entryFieldOf(issue.path) })));
}

/** Maps an API or domain issue path onto the entry form's field names. */
export function entryFieldOf(path: string): string {
  const p = path.replace(/^body\./, '');
  if (p === 'source' || p === '(observation)') return 'source.title';
  if (
    p.startsWith('source.') &&
    !['source.title', 'source.publisher', 'source.year', 'source.locator', 'source.kind'].includes(p)
  ) {
    return 'source.title';
  }
  return p;
}

export const ENTRY_FIELDS = [
  'indicator',
  'jurisdiction',
  'year',
  'yearEnd',
  'value',
  'valueAsRead',
  'unitAsRead',
  'status',
  'definition',
  'note',
  'comment',
  'sourceId',
  'source.title',
  'source.publisher',
  'source.year',
  'source.locator',
  'source.kind',
  ...INDICATORS.flatMap((i) => i.disaggregations.map((d) => `disaggregation.${d}`)),
] as const;

/** The body of `PUT /v1/targets` from the target form. */
export function targetRequest(values: FormValues) {
  const note = v(values, 'note');
  return {
    indicator: v(values, 'indicator'),
    jurisdiction: v(values, 'jurisdiction'),
    baseline: {
      year: numberOrUndefined(v(values, 'baseline.year')),
      value: numberOrUndefined(v(values, 'baseline.value')),
      ...sourceRef(values, 'baseline.'),
    },
    target: {
      year: numberOrUndefined(v(values, 'target.year')),
      value: numberOrUndefined(v(values, 'target.value')),
      ...sourceRef(values, 'target.'),
    },
    note: note === '' ? null : note,
  };
}

/** The target form's checks: the API's request schema, and an indicator with a desired direction. */
export function checkTarget(values: FormValues): FieldErrors {
  const parsed = TargetRequestSchema.safeParse(targetRequest(values));
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: targetFieldOf(issue.path.map(String).join('.')),
        message: issue.message,
      }));
  const indicator: Indicator | undefined = INDICATORS.find((i) => i.id === v(values, 'indicator'));
  if (indicator?.direction === 'neutral') {
    issues.push({
      path: 'indicator',
      message: m.form_neutralTarget({ indicator: indicator.name }),
    });
  }
  return errorsByField(issues);
}

export function targetFieldOf(path: string): string {
  const p = path.replace(/^body\./, '');
  const m = /^(baseline|target)\.source(\..*)?$/.exec(p);
  if (m && !['.title', '.publisher', '.year', '.locator', '.kind'].includes(m[2] ?? ''))
    return `${m[1]}.source.title`;
  return p;
}

/** Categories offered as suggestions for a breakdown (any snake_case category is accepted). */
export const CATEGORY_SUGGESTIONS: Partial<Record<string, readonly string[]>> = {
  sex: ['female', 'male'],
  age_group: ['adult', 'child'],
  tehsil: ['gujrat', 'kharian', 'sarai_alamgir'],
};

type CellFigure = Pick<
  WorkflowObservation,
  | 'id'
  | 'indicator'
  | 'jurisdiction'
  | 'year'
  | 'yearEnd'
  | 'disaggregation'
  | 'definition'
  | 'value'
  | 'workflowState'
>;

/**
 * Last year's value of the cell the form describes (any figure but a rejected one, newest first), as the API
 * compares; null for a multi-year total, which is never compared with annual values.
 */
export function previousYearValue(values: FormValues, figures: readonly CellFigure[]): number | null {
  const request = observationRequest(values);
  if (request.year === undefined || !Number.isInteger(request.year)) return null;
  if (request.yearEnd !== undefined && request.yearEnd !== request.year) return null;
  const previous = figures
    .filter(
      (f) =>
        f.indicator === request.indicator &&
        f.jurisdiction === request.jurisdiction &&
        f.year === request.year! - 1 &&
        f.yearEnd === f.year &&
        f.definition === request.definition &&
        f.workflowState !== 'rejected' &&
        f.value !== null &&
        breakdownKey(request.disaggregation) === breakdownKey(f.disaggregation),
    )
    .sort((a, b) => b.id - a.id)[0];
  return previous?.value ?? null;
}

/** The domain's outlier warning for the form's value against last year's, or null. */
export function outlierWarning(values: FormValues, previous: number | null): string | null {
  const value = numberOrUndefined(values.value ?? '');
  if (previous === null || value === undefined || !Number.isFinite(value)) return null;
  return detectOutlier(value, previous)?.message ?? null;
}
