import { breakdownEntries, missedRateScale } from '@fourp/domain/client';
import type { ComparedPoint, Disaggregation, BenchmarkComparison, Interval, PerMode } from '@fourp/domain';
import { formatNumber, formatValue } from './format';
import { m } from '$lib/paraglide/messages.js';
import { ASSESSMENT_LABEL, JUDGEMENT_LABEL } from './i18n/labels';

const yesNo = () => ({ yes: m.common_yes(), no: m.common_no() });

/** A number as a reader sees it, for a measure type ("12.5%", "Yes", "1,204"). */
export function showValue(value: number | null, measureType: string, suppressed = false): string {
  if (suppressed) return m.common_suppressed();
  if (value === null) return m.common_noData();
  return formatValue(value, measureType, yesNo());
}

/** A compared point: its value, and the count as published when the value was normalised. */
export function showPoint(point: ComparedPoint | null, measureType: string, per: PerMode): string {
  if (point === null) return m.common_noData();
  if (point.suppressed) return m.common_suppressed();
  if (missedRateScale(point, per, measureType) && point.rawValue !== null) {
    return `${formatNumber(point.rawValue)} (${m.indicator_normaliseFailed({ year: String(point.year) })})`;
  }
  const shown = showValue(point.value, measureType);
  if (point.normalised && point.rawValue !== null && point.value !== null) {
    return m.common_asPublished({ value: shown, raw: formatNumber(point.rawValue) });
  }
  return shown;
}

/** "95 % interval 0.052–0.37": the text equivalent of an error bar; empty without an interval. */
export const showInterval = (interval: Interval | null): string =>
  interval === null
    ? ''
    : m.indicator_interval({ low: formatNumber(interval.low), high: formatNumber(interval.high) });

/** "0.16 (95 % interval 0.052–0.37)", or the value alone without an interval. */
export const showValueWithInterval = (value: string, interval: Interval | null): string =>
  interval === null
    ? value
    : m.indicator_withInterval({
        value,
        low: formatNumber(interval.low),
        high: formatNumber(interval.high),
      });

/** A breakdown as a reader sees it ("age_group: child, sex: female"); "" for the total. */
export const showBreakdown = (breakdown: Disaggregation): string =>
  breakdownEntries(breakdown)
    .map(([dimension, category]) => `${dimension}: ${category}`)
    .join(', ');

/** "Italy (2023): higher, so better, grade B": better or worse only from the API's `judgement`, never guessed here. */
export function comparisonLine(item: BenchmarkComparison, benchmark: string): string {
  const params = {
    benchmark,
    year: String(item.year),
    assessment: ASSESSMENT_LABEL[item.assessment](),
    grade: item.grade ?? m.common_none(),
  };
  return item.judgement === null
    ? m.indicator_comparisonLine(params)
    : m.indicator_comparisonJudged({ ...params, judgement: JUDGEMENT_LABEL[item.judgement]() });
}
