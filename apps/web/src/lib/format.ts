import type { MeasureType } from '@fourp/domain';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';

/**
 * The Intl locale of each page language. ur-PK writes Western digits (latn), as the Pakistan Bureau of
 * Statistics and the Urdu press print statistics.
 */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ur: 'ur-PK' };

/** A formatter for the page's language, made once per language. */
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
export function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(
  name: string,
  make: (locale: string) => F,
): F {
  const locale = INTL_LOCALE[getLocale()];
  const key = `${locale} ${name}`;
  let format = formats.get(key) as F | undefined;
  if (!format) formats.set(key, (format = make(locale)));
  return format;
}

/** The id of the page's JSON block of the strings its server render formatted (see `formatted`). */
export const FORMATTED_ID = 'fourp-formatted';

let record: (() => Map<string, string> | undefined) | null = null;
/** On the server: where `formatted` writes what it formats for the page being rendered (none outside a request). */
export function recordFormatsIn(store: () => Map<string, string> | undefined): void {
  record = store;
}

let written: Map<string, string> | null = null;
function writtenByServer(): Map<string, string> {
  if (written) return written;
  const block = typeof document === 'undefined' ? null : document.getElementById(FORMATTED_ID);
  written = new Map(
    Object.entries(block ? (JSON.parse(block.textContent ?? '{}') as Record<string, string>) : {}),
  );
  return written;
}

/**
 * `value` formatted by the page language's formatter `name`. The browser first reuses the string the server
 * wrote for the same language, formatter and value (the page's JSON block): the first `Intl.NumberFormat` or
 * `Intl.DateTimeFormat` of a page sets up ICU's locale data, about 50 ms of main-thread CPU in Chromium before
 * any phone slowdown, which hydrating the server's HTML then no longer pays.
 */
export function formatted(
  name: string,
  make: (locale: string) => Intl.NumberFormat | Intl.DateTimeFormat,
  value: number | Date,
): string {
  const shown = value instanceof Date ? value.toISOString() : Object.is(value, -0) ? '-0' : String(value);
  const key = `${INTL_LOCALE[getLocale()]} ${name} ${shown}`;
  const known = writtenByServer().get(key);
  if (known !== undefined) return known;
  // Both kinds take a number, and a date formatter a Date, which only date formatters are given.
  const text = (cached(name, make) as { format: (value: number | Date) => string }).format(value);
  record?.()?.set(key, text);
  return text;
}
const numberFormat = (name: string, options: Intl.NumberFormatOptions) => ({
  format: (value: number) => formatted(name, (locale) => new Intl.NumberFormat(locale, options), value),
});
const integer = () => numberFormat('integer', { maximumFractionDigits: 0 });
const oneDecimal = () => numberFormat('oneDecimal', { maximumFractionDigits: 1 });
const twoDecimals = () => numberFormat('twoDecimals', { maximumFractionDigits: 2 });
const twoSignificant = () => numberFormat('twoSignificant', { maximumSignificantDigits: 2 });
const compactFmt = () => numberFormat('compact', { notation: 'compact', maximumFractionDigits: 1 });

/** A number for display: whole numbers stay whole, rates keep two decimals, tiny rates two significant digits. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return integer().format(value);
  const abs = Math.abs(value);
  if (abs >= 100) return integer().format(value);
  if (abs >= 10) return oneDecimal().format(value);
  if (abs >= 0.1) return twoDecimals().format(value);
  return twoSignificant().format(value);
}

export function formatCompact(value: number): string {
  return compactFmt().format(value);
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
  return integer().format(score);
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : formatted('date', (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }), date);
}
