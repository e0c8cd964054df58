import { breakdownEntries, missedRateScale } from '@fourp/domain';
import type { ComparedPoint, ComparabilityGrade, Confidence, Disaggregation, PerMode } from '@fourp/domain';
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

export const gradeKey = (grade: ComparabilityGrade | null): MessageKey =>
  grade === null ? 'grade.none' : `grade.${grade}`;

export const confidenceKey = (confidence: Confidence): MessageKey => `confidence.${confidence}`;

/** A breakdown as a reader sees it ("age_group: child, sex: female"); "" for the total. */
export const showBreakdown = (breakdown: Disaggregation): string =>
  breakdownEntries(breakdown)
    .map(([dimension, category]) => `${dimension}: ${category}`)
    .join(', ');
