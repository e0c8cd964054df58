import { describe, expect, it } from 'vitest';
import {
  PROGRESS_MINIMUMS,
  PROGRESS_THRESHOLDS,
  assessProgress,
  statusForRatio,
  theilSenSlope,
} from './progress.js';
import type { ProgressInput, ProgressPoint } from './progress.js';

const pts = (...pairs: [number, number][]): ProgressPoint[] =>
  pairs.map(([year, value]) => ({ year, value }));

const higher = (...figures: [number, number][]): ProgressInput => ({
  baseline: { year: 2015, value: 100 },
  target: { year: 2025, value: 200 },
  figures: pts(...figures),
  direction: 'higher_is_better',
  measureType: 'count',
});
const lower = (...figures: [number, number][]): ProgressInput => ({
  baseline: { year: 2015, value: 50 },
  target: { year: 2025, value: 25 },
  figures: pts(...figures),
  direction: 'lower_is_better',
  measureType: 'rate_per_100k',
});

const valueOf = (input: ProgressInput) => {
  const result = assessProgress(input);
  if (!result.ok)
    throw new Error(`expected an assessment, got ${result.error.code}: ${result.error.message}`);
  return result.value;
};
const errorOf = (input: ProgressInput) => {
  const result = assessProgress(input);
  if (result.ok) throw new Error(`expected a failure, got ${result.value.status}`);
  return result.error;
};

describe('assessProgress: slope over every figure in the window', () => {
  it.each([
    {
      name: 'on the required path',
      input: higher([2017, 120], [2019, 140]),
      status: 'substantial_progress',
      ratio: 1,
    },
    {
      name: '70 % of the pace',
      input: higher([2017, 114], [2019, 128]),
      status: 'moderate_progress',
      ratio: 0.7,
    },
    {
      name: 'half the pace',
      input: higher([2017, 110], [2019, 120]),
      status: 'limited_progress',
      ratio: 0.5,
    },
    { name: 'flat', input: higher([2017, 100], [2019, 100]), status: 'limited_progress', ratio: 0 },
    { name: 'falling', input: higher([2017, 95], [2019, 90]), status: 'deterioration', ratio: -0.25 },
    {
      name: 'lower is better, on the path',
      input: lower([2017, 45], [2019, 40]),
      status: 'substantial_progress',
      ratio: 1,
    },
    {
      name: 'lower is better, rising',
      input: lower([2017, 55], [2019, 60]),
      status: 'deterioration',
      ratio: -1,
    },
  ])('$name → $status', ({ input, status, ratio }) => {
    const value = valueOf(input);
    expect(value).toMatchObject({ status, method: 'theil_sen', points: 3 });
    expect(value.ratio).toBeCloseTo(ratio, 10);
  });

  it('is not decided by one unusual end year, as growth from two points was (motivating case)', () => {
    // +2 a year, then one year with a single large case: growth from 2015 to 2020 alone reads 12 a year,
    // 1.2 times the required pace ("substantial"); the median slope over all six figures stays at 2.
    const value = valueOf(higher([2016, 102], [2017, 104], [2018, 106], [2019, 108], [2020, 160]));
    expect(value).toMatchObject({ status: 'limited_progress', actualAnnualGrowth: 2, points: 6 });
    expect(value.ratio).toBeCloseTo(0.2, 12);
  });

  it('is not decided by a low end year either', () => {
    const value = valueOf(higher([2016, 110], [2017, 120], [2018, 130], [2019, 140], [2020, 95]));
    expect(value.status).toBe('substantial_progress');
  });

  it('uses the figures after the baseline year only, in year order', () => {
    const value = valueOf(higher([2019, 140], [2012, 5], [2015, 999], [2017, 120]));
    expect(value).toMatchObject({ points: 3, actualAnnualGrowth: 10 });
  });
});

describe('assessProgress: insufficient data', () => {
  it(`needs ${PROGRESS_MINIMUMS.points} figures with the baseline`, () => {
    expect(errorOf(higher([2020, 150]))).toMatchObject({
      code: 'insufficient_data',
      message: expect.stringMatching(/^Insufficient data: 2 figures from 2015 to 2020/) as unknown,
    });
  });

  const few = (measureType: ProgressInput['measureType']): ProgressInput => ({
    baseline: { year: 2018, value: 3 },
    target: { year: 2028, value: 30 },
    figures: pts([2019, 5], [2020, 4], [2021, 9]),
    direction: 'higher_is_better',
    measureType,
  });

  it('refuses a trend of small counts (5 convictions a year, motivating case)', () => {
    expect(errorOf(few('count'))).toMatchObject({
      code: 'insufficient_data',
      message: expect.stringMatching(/mean of 5\.3 a year is below 10/) as unknown,
    });
  });

  it('applies the count minimum to counts only', () => {
    expect(valueOf(few('percent')).method).toBe('theil_sen');
  });

  it('fails no_baseline when no figure is after the baseline', () => {
    expect(errorOf(higher([2015, 150], [2010, 90]))).toMatchObject({ code: 'no_baseline' });
  });
});

describe('assessProgress: achieved and lost, whatever the scale', () => {
  it('calls a target met by the latest figure achieved, even with two figures', () => {
    expect(valueOf(higher([2020, 210]))).toMatchObject({ status: 'target_achieved', ratio: null, points: 2 });
    expect(valueOf(lower([2020, 20])).status).toBe('target_achieved');
  });

  it('calls it deterioration when the baseline already met the target and the latest does not', () => {
    const input = { ...higher([2020, 90]), target: { year: 2030, value: 100 } };
    expect(valueOf(input)).toMatchObject({ status: 'deterioration', ratio: null });
  });
});

describe('assessProgress: ordinal placements', () => {
  const tier = (
    latest: number,
    range: { min: number; max: number } | null = { min: 1, max: 3 },
  ): ProgressInput => ({
    baseline: { year: 2018, value: 2.5 },
    target: { year: 2026, value: 1 },
    figures: pts([2022, 2.5], [2024, latest]),
    direction: 'lower_is_better',
    measureType: 'ordinal',
    ...(range === null ? {} : { range }),
  });

  it.each([
    [1, 'target_achieved'],
    [2, 'moderate_progress'],
    [2.5, 'limited_progress'],
    [3, 'deterioration'],
  ] as const)('TIP tier 2.5 → %s is %s, with no ratio', (latest, status) => {
    expect(valueOf(tier(latest))).toMatchObject({
      status,
      method: 'ordinal',
      ratio: null,
      actualAnnualGrowth: null,
    });
  });

  it('does not assess a rank without a fixed scale (GSI rank)', () => {
    expect(errorOf(tier(2, null))).toMatchObject({ code: 'insufficient_data' });
  });
});

describe('assessProgress: yes/no indicators', () => {
  const flag = (baseline: number, latest: number): ProgressInput => ({
    baseline: { year: 2018, value: baseline },
    target: { year: 2025, value: 1 },
    figures: pts([2022, latest]),
    direction: 'higher_is_better',
    measureType: 'yes_no',
  });

  it.each([
    [0, 1, 'target_achieved'],
    [0, 0, 'limited_progress'],
    [1, 0, 'deterioration'],
  ] as const)('%s → %s is %s', (baseline, latest, status) => {
    expect(valueOf(flag(baseline, latest))).toMatchObject({ status, method: 'yes_no', ratio: null });
  });
});

describe('assessProgress: programmer errors', () => {
  it.each([
    { name: 'neutral direction', input: { ...higher([2020, 120]), direction: 'neutral' as const } },
    { name: 'target before baseline', input: { ...higher([2020, 120]), target: { year: 2015, value: 200 } } },
    { name: 'non-finite value', input: higher([2020, Number.NaN]) },
  ])('throws: $name', ({ input }) => {
    expect(() => assessProgress(input)).toThrow();
  });
});

describe('theilSenSlope', () => {
  it.each([
    { points: pts([2000, 0], [2001, 1], [2002, 2]), slope: 1 },
    { points: pts([2000, 0], [2001, 1], [2002, 2], [2003, 3], [2004, 100]), slope: 1 },
    { points: pts([2000, 5], [2004, 5]), slope: 0 },
    { points: pts([2000, 1], [2000, 3], [2002, 5]), slope: 1.5 },
  ])('$slope', ({ points, slope }) => {
    expect(theilSenSlope(points)).toBe(slope);
  });

  it('throws with a single year', () => {
    expect(() => theilSenSlope(pts([2000, 1], [2000, 2]))).toThrow();
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
