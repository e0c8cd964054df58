import { breakdownEntries, missedRateScale } from '@fourp/domain';
import type {
  ComparedPoint,
  ComparabilityGrade,
  Confidence,
  Disaggregation,
  BenchmarkComparison,
  Interval,
  PerMode,
} from '@fourp/domain';
import { formatNumber, formatValue } from './format';
import { t } from './i18n/messages';
import type { MessageKey } from './i18n/messages';

const yesNo = () => ({ yes: t('common.yes'), no: t('common.no') });

/** A number as a reader sees it, for a measure type ("12.5%", "Yes", "1,204"). */
export function showValue(value: number | null, measureType: string, suppressed = false): string {
  if (suppressed) return t('common.suppressed');
  if (value === null) return t('common.noData');
  return formatValue(value, measureType, yesNo());
}

/** A compared point: its value, and the count as published when the value was normalised. */
export function showPoint(point: ComparedPoint | null, measureType: string, per: PerMode): string {
  if (point === null) return t('common.noData');
  if (point.suppressed) return t('common.suppressed');
  if (missedRateScale(point, per, measureType) && point.rawValue !== null) {
    return `${formatNumber(point.rawValue)} (${t('indicator.normaliseFailed', { year: String(point.year) })})`;
  }
  const shown = showValue(point.value, measureType);
  if (point.normalised && point.rawValue !== null && point.value !== null) {
    return t('common.asPublished', { value: shown, raw: formatNumber(point.rawValue) });
  }
  return shown;
}

/** "95 % interval 0.052–0.37": the text equivalent of an error bar; empty without an interval. */
export const showInterval = (interval: Interval | null): string =>
  interval === null
    ? ''
    : t('indicator.interval', { low: formatNumber(interval.low), high: formatNumber(interval.high) });

/** "0.16 (95 % interval 0.052–0.37)", or the value alone without an interval. */
export const showValueWithInterval = (value: string, interval: Interval | null): string =>
  interval === null
    ? value
    : t('indicator.withInterval', {
        value,
        low: formatNumber(interval.low),
        high: formatNumber(interval.high),
      });

export const gradeKey = (grade: ComparabilityGrade | null): MessageKey =>
  grade === null ? 'grade.none' : `grade.${grade}`;

export const confidenceKey = (confidence: Confidence): MessageKey => `confidence.${confidence}`;

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
    assessment: t(`assessment.${item.assessment}`),
    grade: item.grade ?? t('common.none'),
  };
  return item.judgement === null
    ? t('indicator.comparisonLine', params)
    : t('indicator.comparisonJudged', { ...params, judgement: t(`judgement.${item.judgement}`) });
}
