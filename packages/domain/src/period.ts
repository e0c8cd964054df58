import type { Period } from './contracts.js';
import { DEFAULT_LOCALE, type Locale } from './i18n/locale.js';
import { reason, renderReason, type Reason } from './i18n/reasons.js';

type SpanOfYears = { year: number; yearEnd: number; period?: Period | null };

export type PeriodParts =
  | { kind: 'months'; start: { year: number; month: number }; end: { year: number; month: number } }
  | { kind: 'length'; year: number; months: number };

const MONTHS = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/;
const LENGTH = /^(\d{4})\/P(\d+)M$/;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The parts of a period string; null for text that is not one (the contract's regex keeps those out). */
export function parsePeriod(period: Period): PeriodParts | null {
  const months = MONTHS.exec(period);
  if (months) {
    const [, y1, m1, y2, m2] = months.map(Number) as [number, number, number, number, number];
    return { kind: 'months', start: { year: y1, month: m1 }, end: { year: y2, month: m2 } };
  }
  const length = LENGTH.exec(period);
  if (length) return { kind: 'length', year: Number(length[1]), months: Number(length[2]) };
  return null;
}

/** How many months the figure covers: the period's, or 12 per whole year. */
export function monthsCovered(o: SpanOfYears): number {
  const parts = o.period ? parsePeriod(o.period) : null;
  if (parts === null) return 12 * (o.yearEnd - o.year + 1);
  if (parts.kind === 'length') return parts.months;
  return (parts.end.year - parts.start.year) * 12 + parts.end.month - parts.start.month + 1;
}

/** True when the figure covers fewer months than the years it is filed under (e.g. Jan–Jun of a year). */
export const isPartialPeriod = (o: SpanOfYears): boolean => monthsCovered(o) < 12 * (o.yearEnd - o.year + 1);

/** True for a figure of exactly one whole calendar year. */
export const isAnnual = (o: SpanOfYears): boolean =>
  o.year === o.yearEnd && (o.period === null || o.period === undefined);

/** Why a period does not fit the years it is filed under, in the locale (English by default); null when it fits. */
export function periodIssue(o: SpanOfYears, locale: Locale = DEFAULT_LOCALE): string | null {
  const why = periodProblem(o);
  return why === null ? null : renderReason(why, locale);
}

function periodProblem(o: SpanOfYears): Reason | null {
  if (!o.period) return null;
  const parts = parsePeriod(o.period);
  if (parts === null) return reason('period_not_months', { period: o.period });
  if (parts.kind === 'length') {
    return parts.year === o.year ? null : reason('period_start_year', { period: o.period, year: o.year });
  }
  const { start, end } = parts;
  if (start.year * 12 + start.month > end.year * 12 + end.month) {
    return reason('period_ends_before_start', { period: o.period });
  }
  if (start.year !== o.year || end.year !== o.yearEnd) {
    return reason('period_years', { period: o.period, year: o.year, yearEnd: o.yearEnd });
  }
  return null;
}

const monthLabel = (m: { year: number; month: number }) => `${MONTH_NAMES[m.month - 1]} ${m.year}`;

/** The span as a reader sees it: "2015", "2017–2021 (cumulative)", "Jan 2015–Jun 2015 (6 months)", "2022 (17 months)". */
export function spanLabel(o: SpanOfYears): string {
  const parts = o.period ? parsePeriod(o.period) : null;
  if (parts === null) return o.yearEnd === o.year ? `${o.year}` : `${o.year}–${o.yearEnd} (cumulative)`;
  const months = monthsCovered(o);
  if (parts.kind === 'length') return `${parts.year} (${months} months from a start month not given)`;
  return `${monthLabel(parts.start)}–${monthLabel(parts.end)} (${months} months)`;
}
