import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue, formatYears } from './format';

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
