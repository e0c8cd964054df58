import type { MeasureType } from '@fourp/domain';

const LOCALE = 'en-GB';

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const twoSignificant = new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 2 });
const compactFmt = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });

/** A number for display: whole numbers stay whole, rates keep two decimals, tiny rates two significant digits. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return integer.format(value);
  const abs = Math.abs(value);
  if (abs >= 100) return integer.format(value);
  if (abs >= 10) return oneDecimal.format(value);
  if (abs >= 0.1) return twoDecimals.format(value);
  return twoSignificant.format(value);
}

export function formatCompact(value: number): string {
  return compactFmt.format(value);
}

/** A value with its measure type in mind: percent gets a % sign; yes/no reads as text via `yesNo`. */
export function formatValue(
  value: number,
  measureType: MeasureType | string,
  yesNo: { yes: string; no: string },
): string {
  if (measureType === 'yes_no') return value >= 1 ? yesNo.yes : yesNo.no;
  if (measureType === 'percent') return `${formatNumber(value)}%`;
  return formatNumber(value);
}

/** "2019" or "2017–2019" for a cumulative figure. */
export function formatYears(year: number, yearEnd?: number | null): string {
  return yearEnd !== undefined && yearEnd !== null && yearEnd !== year ? `${year}–${yearEnd}` : String(year);
}

/** A 0–100 score, rounded. */
export function formatScore(score: number): string {
  return integer.format(score);
}

const dateFmt = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long' });
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFmt.format(date);
}
