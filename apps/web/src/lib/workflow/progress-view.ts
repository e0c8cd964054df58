import type { ProgressItem, ProgressStatus } from '@fourp/domain';
import { PROGRESS_STATUS_LABEL, type Label } from '$lib/i18n/labels';

export const STATUS_ORDER: readonly ProgressStatus[] = [
  'target_achieved',
  'substantial_progress',
  'moderate_progress',
  'limited_progress',
  'deterioration',
];

/** How each status reads: a word, a symbol that does not rely on colour, and a tone for the colour. */
export const STATUS_VIEW: Record<
  ProgressStatus,
  { label: Label; symbol: string; tone: 'good' | 'fair' | 'poor' | 'bad' }
> = {
  target_achieved: { label: PROGRESS_STATUS_LABEL.target_achieved, symbol: '✔', tone: 'good' },
  substantial_progress: { label: PROGRESS_STATUS_LABEL.substantial_progress, symbol: '▲', tone: 'good' },
  moderate_progress: { label: PROGRESS_STATUS_LABEL.moderate_progress, symbol: '◆', tone: 'fair' },
  limited_progress: { label: PROGRESS_STATUS_LABEL.limited_progress, symbol: '▼', tone: 'poor' },
  deterioration: { label: PROGRESS_STATUS_LABEL.deterioration, symbol: '✖', tone: 'bad' },
};

/** How far the latest value has moved from the baseline towards the target, 0–1 (clamped); null without both values. */
export function shareOfWay(item: Pick<ProgressItem, 'baseline' | 'target' | 'latest'>): number | null {
  if (item.latest === null || item.latest.value === null || item.baseline.value === null) return null;
  const span = item.target.value - item.baseline.value;
  if (span === 0) return 1;
  return Math.min(1, Math.max(0, (item.latest.value - item.baseline.value) / span));
}

export const isLink = (locator: string | null): locator is string =>
  locator !== null && /^https?:\/\//.test(locator);
