import * as domain from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { load } from './+page.server';

const strings = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
};

describe('the methodology page’s data', () => {
  const data = load();
  const shown = new Set(strings(data));

  it('states every method text the domain exports', () => {
    const methods = Object.entries(domain)
      .filter(([name]) => name.endsWith('_METHOD'))
      .flatMap(([, value]) => strings(value));
    expect(methods.length).toBeGreaterThanOrEqual(8);
    expect(methods.filter((text) => !shown.has(text))).toEqual([]);
  });

  it('gives the scorecard and progress thresholds as the domain sets them', () => {
    expect(data).toMatchObject({
      weights: domain.DEFAULT_SCORECARD_WEIGHTS,
      confidence: domain.CONFIDENCE_THRESHOLDS,
      minOwnItems: domain.MIN_OWN_ITEMS,
      progressThresholds: domain.PROGRESS_THRESHOLDS,
      progressMinimums: domain.PROGRESS_MINIMUMS,
    });
    expect(data.ordinalScales).toEqual([
      { indicator: 'tip_tier', steps: [...domain.ORDINAL_SCALES['tip_tier']!] },
    ]);
  });
});
