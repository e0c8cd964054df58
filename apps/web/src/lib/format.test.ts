import { afterEach, describe, expect, it, vi } from 'vitest';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { formatDate, formatNumber, formatValue, formatYears } from './format';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [21253, '21,253'],
    [1234.56, '1,235'],
    [12.34, '12.3'],
    [0.8123, '0.81'],
    [0.000312, '0.00031'],
    [-4, '-4'],
  ])('%d → %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe('formatValue', () => {
  const yesNo = { yes: 'Yes', no: 'No' };
  it('reads yes/no, percent and counts', () => {
    expect(formatValue(1, 'yes_no', yesNo)).toBe('Yes');
    expect(formatValue(0, 'yes_no', yesNo)).toBe('No');
    expect(formatValue(42.5, 'percent', yesNo)).toBe('42.5%');
    expect(formatValue(2.5, 'ordinal', yesNo)).toBe('2.5');
  });
});

describe('formatYears', () => {
  it('shows a span only for cumulative figures', () => {
    expect(formatYears(2019)).toBe('2019');
    expect(formatYears(2019, 2019)).toBe('2019');
    expect(formatYears(2019, 2021)).toBe('2019–2021');
  });
});

describe('formats on Urdu pages', () => {
  afterEach(() => overwriteGetLocale(() => baseLocale));

  it('writes numbers in Western digits, as ur-PK does, and dates with Urdu month names', () => {
    overwriteGetLocale(() => 'ur');
    expect(formatNumber(21253)).toBe('21,253');
    expect(formatNumber(12.34)).toBe('12.3');
    expect(formatDate('2024-11-30')).toBe('30 نومبر، 2024');
    overwriteGetLocale(() => 'en');
    expect(formatDate('2024-11-30')).toBe('30 November 2024');
  });
});

describe('strings the server formatted', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('are recorded, per language, while a request renders', async () => {
    const { recordFormatsIn, formatNumber: format, formatDate: date } = await import('./format');
    const store = new Map<string, string>();
    recordFormatsIn(() => store);
    format(1234.5);
    date('2024-11-30');
    expect(Object.fromEntries(store)).toEqual({
      'en-GB integer 1234.5': '1,235',
      'en-GB date 2024-11-30T00:00:00.000Z': '30 November 2024',
    });
  });

  it("are reused by the browser from the page's block, for the same language, formatter and value only", async () => {
    const block = { 'en-GB integer 1234.5': 'from the server', 'ur-PK integer 7': 'Urdu' };
    vi.stubGlobal('document', {
      getElementById: (id: string) =>
        id === 'fourp-formatted' ? { textContent: JSON.stringify(block) } : null,
    });
    const { formatNumber: format } = await import('./format');
    expect(format(1234.5)).toBe('from the server');
    expect(format(7)).toBe('7');
    expect(format(-0)).toBe('-0');
  });
});
