import { DISAGGREGATION_DIMENSIONS, DisaggregationSchema, fail, ok } from './contracts.js';
import type { Disaggregation, Result } from './contracts.js';
import { PAIR_SEPARATOR } from './cell.js';
import { DEFAULT_LOCALE, type Locale } from './i18n/locale.js';
import type { CodeListProblem } from './i18n/problems.js';
import { reason, renderReason, type Reason } from './i18n/reasons.js';

const invalid = (why: Reason, locale: Locale): Result<Disaggregation> => {
  const message = renderReason(why, locale);
  return fail({ code: 'invalid_observation', message, issues: [{ path: 'disaggregation', message }], why });
};

/**
 * Breakdown text as people write it (`sex=female; age_group=child`, any order, blanks around pairs ignored); "" is
 * the total. Fails `invalid_observation` for a malformed pair, a repeated or unknown dimension, or a category
 * outside its dimension's code list, saying why in the locale (English by default).
 */
export function parseBreakdown(text: string, locale: Locale = DEFAULT_LOCALE): Result<Disaggregation> {
  const entries: [string, string][] = [];
  for (const raw of text.split(PAIR_SEPARATOR)) {
    const part = raw.trim();
    if (part === '') continue;
    const [dimension, category, ...rest] = part.split('=').map((s) => s.trim());
    if (!dimension || !category || rest.length > 0) {
      return invalid(reason('breakdown_not_a_pair', { part }), locale);
    }
    if (entries.some(([seen]) => seen === dimension)) {
      return invalid(reason('breakdown_dimension_twice', { dimension }), locale);
    }
    entries.push([dimension, category]);
  }
  const parsed = DisaggregationSchema.safeParse(Object.fromEntries(entries));
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((issue) =>
    issue.code === 'custom' ? (issue.params?.['codeList'] as CodeListProblem | undefined) : undefined,
  );
  return invalid(
    problems.every((p) => p !== undefined)
      ? reason('breakdown_categories', { problems })
      : reason('breakdown_malformed', { dimensions: DISAGGREGATION_DIMENSIONS }),
    locale,
  );
}
