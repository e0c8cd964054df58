import { z } from 'zod';
import {
  DisaggregationSchema,
  IndicatorIdSchema,
  JurisdictionIdSchema,
  MIN_YEAR,
  ObsStatusSchema,
  PeriodSchema,
  STANDARD_DEFINITION,
  SourceKindSchema,
  TEXT_LIMITS,
  fail,
  ok,
} from './contracts.js';
import type { JurisdictionTree } from './catalogue/jurisdiction-tree.js';
import type { Formula, Indicator, Result } from './contracts.js';
import { periodIssue } from './period.js';
import type { ValidationIssue } from './results.js';
import type { Locale } from './i18n/locale.js';
import { say, sayError } from './i18n/message-locale.js';
import { reason, renderReason, type Reason } from './i18n/reasons.js';

const wholeYear = (field: string) =>
  z
    .number(sayError(reason('year_not_a_number', { field })))
    .int(sayError(reason('year_not_whole', { field })));

export const NewSourceInputSchema = z.object({
  title: z
    .string(sayError(reason('source_title_required', {})))
    .trim()
    .min(1, sayError(reason('source_title_empty', {})))
    .max(TEXT_LIMITS.title),
  publisher: z
    .string(sayError(reason('source_publisher_required', {})))
    .trim()
    .min(1, sayError(reason('source_publisher_empty', {})))
    .max(TEXT_LIMITS.title),
  year: wholeYear('source.year').nullable().default(null),
  locator: z.string().max(TEXT_LIMITS.text).nullable().default(null),
  kind: SourceKindSchema.default('secondary'),
});

export const ObservationInputSchema = z
  .object({
    indicator: IndicatorIdSchema,
    jurisdiction: JurisdictionIdSchema,
    year: wholeYear('year'),
    yearEnd: wholeYear('yearEnd').optional(),
    period: PeriodSchema.nullable().optional(),
    disaggregation: DisaggregationSchema.default({}),
    value: z.number(sayError(reason('value_not_finite', {}))),
    status: ObsStatusSchema.default('A'),
    definition: z.string().min(1).max(TEXT_LIMITS.text).default(STANDARD_DEFINITION),
    unitAsRead: z.string().max(TEXT_LIMITS.short).nullable().optional(),
    valueAsRead: z.string().max(TEXT_LIMITS.short).nullable().optional(),
    note: z.string().max(TEXT_LIMITS.text).nullable().optional(),
    sourceId: z
      .number()
      .int()
      .positive(sayError(reason('source_id_not_positive', {})))
      .optional(),
    source: NewSourceInputSchema.optional(),
  })
  .superRefine((o, ctx) => {
    if ((o.sourceId === undefined) === (o.source === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sourceId'],
        message: say(reason('source_exactly_one', {})),
      });
    }
  });
export type ObservationInput = z.infer<typeof ObservationInputSchema>;

export type ValidationContext = {
  indicators: readonly Indicator[];
  jurisdictions: JurisdictionTree;
  currentYear: number;
  /** The same cell's value in the previous year, for the outlier warning. */
  previousValue?: number | null;
  /** The language of the messages; `'en'` by default. */
  locale?: Locale;
};

export type ValidatedObservation = { observation: ObservationInput; warnings: ValidationIssue[] };

const OUTLIER_FACTOR = 3;

function valueIssue(indicator: Indicator, value: number): Reason | null {
  const name = indicator.id;
  switch (indicator.measureType) {
    case 'count':
      return Number.isInteger(value) && value >= 0
        ? null
        : reason('value_not_a_count', { indicator: name, unit: indicator.unit, value });
    case 'percent':
      if (indicator.canExceed100 === true) {
        return value >= 0 ? null : reason('value_negative_percent', { indicator: name, value });
      }
      return value >= 0 && value <= 100 ? null : reason('value_not_a_percent', { indicator: name, value });
    case 'yes_no':
      return value === 0 || value === 1 ? null : reason('value_not_yes_no', { indicator: name, value });
    case 'ordinal': {
      const range = indicator.range;
      if (range === undefined || (value >= range.min && value <= range.max)) return null;
      return reason('value_out_of_range', { indicator: name, min: range.min, max: range.max, value });
    }
    case 'rate_per_100k':
    case 'currency':
    case 'duration':
      return value >= 0 ? null : reason('value_negative', { indicator: name, value });
  }
}

/** Checks an incoming observation against the catalogue (years 1990..currentYear); fails `invalid_observation` with one issue per field problem. */
export function validateObservation(input: unknown, ctx: ValidationContext): Result<ValidatedObservation> {
  const parsed = ObservationInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.length > 0 ? i.path.map(String).join('.') : '(observation)',
      message: i.message,
    }));
    const message = renderReason(reason('observation_invalid_fields', {}), ctx.locale);
    return fail({ code: 'invalid_observation', message, issues });
  }
  const o = parsed.data;
  const issues: ValidationIssue[] = [];
  const issue = (path: string, why: Reason) => issues.push({ path, message: renderReason(why, ctx.locale) });
  const indicator = ctx.indicators.find((i) => i.id === o.indicator);
  if (indicator === undefined) {
    issue('indicator', reason('unknown_indicator', { indicator: o.indicator }));
  }
  const unit = ctx.jurisdictions.find(o.jurisdiction);
  if (unit === undefined) {
    issue('jurisdiction', reason('unknown_jurisdiction', { jurisdiction: o.jurisdiction }));
  } else if (!ctx.jurisdictions.existsDuring(o.jurisdiction, o.year, o.yearEnd ?? o.year)) {
    issue(
      'jurisdiction',
      reason('jurisdiction_not_then', {
        jurisdiction: o.jurisdiction,
        from: unit.validFrom ?? null,
        to: unit.validTo ?? null,
        year: o.year,
      }),
    );
  }
  if (o.year < MIN_YEAR || o.year > ctx.currentYear) {
    issue('year', reason('year_out_of_range', { min: MIN_YEAR, max: ctx.currentYear, value: o.year }));
  }
  if (o.yearEnd !== undefined) {
    if (o.yearEnd < o.year) {
      issue('yearEnd', reason('year_end_before_year', { yearEnd: o.yearEnd, year: o.year }));
    } else if (o.yearEnd > ctx.currentYear) {
      issue('yearEnd', reason('year_end_too_late', { max: ctx.currentYear, value: o.yearEnd }));
    }
  }
  const periodProblem = periodIssue(
    { year: o.year, yearEnd: o.yearEnd ?? o.year, period: o.period },
    ctx.locale,
  );
  if (periodProblem !== null) issues.push({ path: 'period', message: periodProblem });
  if (indicator !== undefined) {
    const problem = valueIssue(indicator, o.value);
    if (problem !== null) issue('value', problem);
    for (const dim of Object.keys(o.disaggregation)) {
      if (!(indicator.disaggregations as string[]).includes(dim)) {
        const allowed = [...indicator.disaggregations];
        issue(
          `disaggregation.${dim}`,
          reason('breakdown_not_allowed', { indicator: indicator.id, dimension: dim, allowed }),
        );
      }
    }
    if (o.definition !== STANDARD_DEFINITION && !indicator.variants.some((v) => v.id === o.definition)) {
      const known = [STANDARD_DEFINITION, ...indicator.variants.map((v) => v.id)];
      issue(
        'definition',
        reason('unknown_definition', { definition: o.definition, indicator: indicator.id, known }),
      );
    }
  }
  if (issues.length > 0) {
    const message = renderReason(reason('observation_does_not_fit', {}), ctx.locale);
    return fail({ code: 'invalid_observation', message, issues });
  }
  const warnings: ValidationIssue[] = [];
  if (ctx.previousValue !== undefined && ctx.previousValue !== null) {
    const outlier = detectOutlier(o.value, ctx.previousValue, ctx.locale);
    if (outlier !== null) warnings.push(outlier);
  }
  return ok({ observation: o, warnings });
}

/**
 * An issue when a formula's numerator exceeds its denominator: an error when the denominator is a population
 * (the numerator is a subset of it), a warning otherwise (cohorts can differ, e.g. convictions of earlier prosecutions).
 */
export function checkNumeratorNotAboveDenominator(
  formula: Formula,
  numerator: number,
  denominator: number,
): (ValidationIssue & { severity: 'error' | 'warning' }) | null {
  if (numerator <= denominator) return null;
  const subset = formula.denominator === 'population';
  return {
    severity: subset ? 'error' : 'warning',
    path: 'value',
    message: subset
      ? `${formula.numerator} (${numerator}) cannot exceed ${formula.denominator} (${denominator})`
      : `${formula.numerator} (${numerator}) is above ${formula.denominator} (${denominator}); possible only if they count different cohorts, check both figures`,
  };
}

/** A warning (never an error) when value is ≥ 3× or ≤ 1/3 of the previous year's value (> 0); null otherwise. */
export function detectOutlier(value: number, previousValue: number, locale?: Locale): ValidationIssue | null {
  if (!(previousValue > 0) || !Number.isFinite(value)) return null;
  const ratio = value / previousValue;
  if (ratio < OUTLIER_FACTOR && ratio > 1 / OUTLIER_FACTOR) return null;
  const times = ratio >= 1 ? ratio.toFixed(1) : null;
  return { path: 'value', message: renderReason(reason('outlier', { value, times, previousValue }), locale) };
}
