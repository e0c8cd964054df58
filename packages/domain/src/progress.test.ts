import { describe, expect, it } from 'vitest';
import { PROGRESS_THRESHOLDS, assessProgress, statusForRatio } from './progress.js';
import type { ProgressInput } from './progress.js';

const higher = (latest: [number, number]): ProgressInput => ({
  baseline: { year: 2015, value: 100 },
  target: { year: 2030, value: 200 },
  latest: { year: latest[0], value: latest[1] },
  direction: 'higher_is_better',
});
const lower = (latest: [number, number]): ProgressInput => ({
  baseline: { year: 2015, value: 50 },
  target: { year: 2030, value: 25 },
  latest: { year: latest[0], value: latest[1] },
  direction: 'lower_is_better',
});

describe('assessProgress', () => {
  it.each([
    { name: 'higher: past the target', input: higher([2020, 210]), status: 'target_achieved', ratio: null },
    {
      name: 'higher: exactly on the required path',
      input: higher([2020, 100 * 2 ** (5 / 15)]),
      status: 'substantial_progress',
      ratio: 1,
    },
    {
      name: 'higher: 71 % of the required growth',
      input: higher([2020, 118]),
      status: 'moderate_progress',
      ratio: 0.7116,
    },
    {
      name: 'higher: just under 60 %',
      input: higher([2020, 115]),
      status: 'limited_progress',
      ratio: 0.5994,
    },
    { name: 'higher: no change', input: higher([2020, 100]), status: 'limited_progress', ratio: 0 },
    { name: 'higher: fell', input: higher([2020, 95]), status: 'deterioration', ratio: -0.2158 },
    {
      name: 'lower: close to the path',
      input: lower([2020, 40]),
      status: 'substantial_progress',
      ratio: 0.9665,
    },
    { name: 'lower: rose', input: lower([2020, 60]), status: 'deterioration', ratio: -0.8224 },
    { name: 'lower: below the target', input: lower([2020, 20]), status: 'target_achieved', ratio: null },
  ])('$name → $status', ({ input, status, ratio }) => {
    const result = assessProgress(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.status).toBe(status);
    expect(result.value.method).toBe('cagr');
    if (ratio === null) expect(result.value.ratio).toBeNull();
    else expect(result.value.ratio).toBeCloseTo(ratio, 3);
  });

  it('falls back to linear change when the baseline is zero', () => {
    const result = assessProgress({
      baseline: { year: 2018, value: 0 },
      target: { year: 2028, value: 10 },
      latest: { year: 2023, value: 5 },
      direction: 'higher_is_better',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        status: 'substantial_progress',
        method: 'linear',
        ratio: 1,
        actualAnnualGrowth: 1,
        requiredAnnualGrowth: 1,
      },
    });
  });

  it('uses linear change towards a target of zero', () => {
    const result = assessProgress({
      baseline: { year: 2020, value: 10 },
      target: { year: 2030, value: 0 },
      latest: { year: 2025, value: 8 },
      direction: 'lower_is_better',
    });
    expect(result.ok && result.value).toMatchObject({ method: 'linear', status: 'limited_progress' });
    expect(result.ok && result.value.ratio).toBeCloseTo(0.4, 12);
  });

  it('calls it deterioration when the baseline already met the target and the latest does not', () => {
    const result = assessProgress({
      baseline: { year: 2015, value: 100 },
      target: { year: 2030, value: 100 },
      latest: { year: 2020, value: 90 },
      direction: 'higher_is_better',
    });
    expect(result.ok && result.value).toMatchObject({ status: 'deterioration', ratio: null });
  });

  it('counts a target equal to baseline and latest as achieved', () => {
    const result = assessProgress({
      baseline: { year: 2015, value: 100 },
      target: { year: 2030, value: 100 },
      latest: { year: 2020, value: 100 },
      direction: 'lower_is_better',
    });
    expect(result.ok && result.value.status).toBe('target_achieved');
  });

  it('fails no_baseline when the latest figure is not after the baseline', () => {
    const result = assessProgress(higher([2015, 150]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'no_baseline' });
  });

  it.each([
    { name: 'neutral direction', input: { ...higher([2020, 120]), direction: 'neutral' as const } },
    { name: 'target before baseline', input: { ...higher([2020, 120]), target: { year: 2015, value: 200 } } },
    { name: 'non-finite value', input: higher([2020, Number.NaN]) },
  ])('throws on a programmer error: $name', ({ input }) => {
    expect(() => assessProgress(input)).toThrow();
  });
});

describe('statusForRatio', () => {
  it('publishes the Open SDG thresholds', () => {
    expect(PROGRESS_THRESHOLDS).toEqual({ substantial: 0.95, moderate: 0.6, limited: 0 });
  });

  it.each([
    [2, 'substantial_progress'],
    [0.95, 'substantial_progress'],
    [0.9499, 'moderate_progress'],
    [0.6, 'moderate_progress'],
    [0.5999, 'limited_progress'],
    [0, 'limited_progress'],
    [-0.0001, 'deterioration'],
  ] as const)('%s → %s', (ratio, status) => {
    expect(statusForRatio(ratio)).toBe(status);
  });
});
