import { DISAGGREGATION_DIMENSIONS, DisaggregationSchema, fail, ok } from './contracts.js';
import type { Disaggregation, Result } from './contracts.js';
import { PAIR_SEPARATOR } from './cell.js';

const breakdownHint =
  `use dimension=category pairs separated by "${PAIR_SEPARATOR}" (dimensions: ` +
  `${DISAGGREGATION_DIMENSIONS.join(', ')}; categories in snake_case)`;

const invalid = (message: string): Result<Disaggregation> =>
  fail({ code: 'invalid_observation', message, issues: [{ path: 'disaggregation', message }] });

/**
 * Breakdown text as people write it (`sex=female; age_group=child`, any order, blanks around pairs ignored); "" is
 * the total. Fails `invalid_observation` for a malformed pair, a repeated or unknown dimension, or a category
 * outside its dimension's code list.
 */
export function parseBreakdown(text: string): Result<Disaggregation> {
  const entries: [string, string][] = [];
  for (const raw of text.split(PAIR_SEPARATOR)) {
    const part = raw.trim();
    if (part === '') continue;
    const [dimension, category, ...rest] = part.split('=').map((s) => s.trim());
    if (!dimension || !category || rest.length > 0) {
      return invalid(`"${part}" is not dimension=category`);
    }
    if (entries.some(([seen]) => seen === dimension)) {
      return invalid(`${dimension} is given twice`);
    }
    entries.push([dimension, category]);
  }
  const parsed = DisaggregationSchema.safeParse(Object.fromEntries(entries));
  if (parsed.success) return ok(parsed.data);
  const malformed = parsed.error.issues.some((issue) => issue.code !== 'custom');
  return invalid(malformed ? breakdownHint : parsed.error.issues.map((issue) => issue.message).join('; '));
}
