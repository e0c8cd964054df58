import type { Trend } from './results.js';

export type TrendPoint = { year: number; value: number | null; suppressed?: boolean };

/**
 * Latest change (absolute in the series' unit, percent vs the previous available year; percent null when that
 * was 0) and average annual change over the span: compound percent per year when first and last values are
 * positive, else linear units per year; suppressed or missing points are skipped and listed.
 */
export function trendOf(series: readonly TrendPoint[]): Trend {
  const sorted = [...series].sort((a, b) => a.year - b.year);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.year === sorted[i - 1]?.year) {
      throw new Error(`trendOf: two points for ${sorted[i]?.year}; pass one series of totals`);
    }
  }
  const skipped: Trend['skipped'] = [];
  const points: { year: number; value: number }[] = [];
  for (const p of sorted) {
    if (p.suppressed === true) skipped.push({ year: p.year, reason: 'suppressed' });
    else if (p.value === null || !Number.isFinite(p.value)) skipped.push({ year: p.year, reason: 'missing' });
    else points.push({ year: p.year, value: p.value });
  }
  const first = points[0];
  const last = points[points.length - 1];
  const previous = points[points.length - 2];
  if (first === undefined || last === undefined) {
    return { n: 0, firstYear: null, lastYear: null, latestChange: null, averageAnnualChange: null, skipped };
  }
  if (previous === undefined) {
    return {
      n: 1,
      firstYear: first.year,
      lastYear: last.year,
      latestChange: null,
      averageAnnualChange: null,
      skipped,
    };
  }
  const span = last.year - first.year;
  const compound = first.value > 0 && last.value > 0;
  return {
    n: points.length,
    firstYear: first.year,
    lastYear: last.year,
    latestChange: {
      fromYear: previous.year,
      toYear: last.year,
      absolute: last.value - previous.value,
      percent: previous.value === 0 ? null : ((last.value - previous.value) / Math.abs(previous.value)) * 100,
    },
    averageAnnualChange: {
      method: compound ? 'compound' : 'linear',
      value: compound
        ? (Math.pow(last.value / first.value, 1 / span) - 1) * 100
        : (last.value - first.value) / span,
      fromYear: first.year,
      toYear: last.year,
    },
    skipped,
  };
}
