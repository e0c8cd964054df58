import { monthsCovered, parsePeriod } from '@fourp/domain/client';

type SpanOfYears = Parameters<typeof monthsCovered>[0];
import { formatted } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';

const monthName = (at: { year: number; month: number }) =>
  formatted(
    'month',
    (locale) => new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    new Date(Date.UTC(at.year, at.month - 1, 1)),
  );

/** The span of a figure as a reader sees it, in the page's language: the domain's `spanLabel`, translated. */
export function periodLabel(o: SpanOfYears): string {
  const parts = o.period ? parsePeriod(o.period) : null;
  if (parts === null)
    return o.yearEnd === o.year ? `${o.year}` : m.period_cumulative({ from: o.year, to: o.yearEnd });
  const count = monthsCovered(o);
  if (parts.kind === 'length') return m.period_lengthOnly({ year: parts.year, count });
  return m.period_months({ from: monthName(parts.start), to: monthName(parts.end), count });
}
