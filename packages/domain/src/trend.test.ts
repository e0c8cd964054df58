import { describe, expect, it } from 'vitest';
import { trendOf } from './trend.js';

describe('trendOf', () => {
  it('reports nothing for an empty series', () => {
    expect(trendOf([])).toEqual({
      n: 0,
      firstYear: null,
      lastYear: null,
      latestChange: null,
      averageAnnualChange: null,
      skipped: [],
    });
  });

  it('gives no change for a one-year series', () => {
    expect(trendOf([{ year: 2020, value: 12 }])).toEqual({
      n: 1,
      firstYear: 2020,
      lastYear: 2020,
      latestChange: null,
      averageAnnualChange: null,
      skipped: [],
    });
  });

  it.each([
    {
      name: 'two consecutive years',
      series: [
        { year: 2020, value: 100 },
        { year: 2021, value: 110 },
      ],
      latest: { fromYear: 2020, toYear: 2021, absolute: 10, percent: 10 },
      average: { method: 'compound', value: 10, fromYear: 2020, toYear: 2021 },
    },
    {
      name: 'a gap is measured by year distance',
      series: [
        { year: 2015, value: 100 },
        { year: 2019, value: 146.41 },
      ],
      latest: { fromYear: 2015, toYear: 2019, absolute: 46.41, percent: 46.41 },
      average: { method: 'compound', value: 10, fromYear: 2015, toYear: 2019 },
    },
    {
      name: 'a zero first value falls back to linear change',
      series: [
        { year: 2018, value: 0 },
        { year: 2019, value: 4 },
        { year: 2022, value: 8 },
      ],
      latest: { fromYear: 2019, toYear: 2022, absolute: 4, percent: 100 },
      average: { method: 'linear', value: 2, fromYear: 2018, toYear: 2022 },
    },
    {
      name: 'a previous value of zero has no percent change',
      series: [
        { year: 2020, value: 5 },
        { year: 2021, value: 0 },
        { year: 2022, value: 3 },
      ],
      latest: { fromYear: 2021, toYear: 2022, absolute: 3, percent: null },
      average: { method: 'compound', value: (Math.sqrt(3 / 5) - 1) * 100, fromYear: 2020, toYear: 2022 },
    },
    {
      name: 'negative values use linear change',
      series: [
        { year: 2020, value: -4 },
        { year: 2022, value: -2 },
      ],
      latest: { fromYear: 2020, toYear: 2022, absolute: 2, percent: 50 },
      average: { method: 'linear', value: 1, fromYear: 2020, toYear: 2022 },
    },
  ])('$name', ({ series, latest, average }) => {
    const t = trendOf(series);
    expect(t.latestChange?.fromYear).toBe(latest.fromYear);
    expect(t.latestChange?.toYear).toBe(latest.toYear);
    expect(t.latestChange?.absolute).toBeCloseTo(latest.absolute, 9);
    if (latest.percent === null) expect(t.latestChange?.percent).toBeNull();
    else expect(t.latestChange?.percent).toBeCloseTo(latest.percent, 9);
    expect(t.averageAnnualChange?.method).toBe(average.method);
    expect(t.averageAnnualChange?.value).toBeCloseTo(average.value, 9);
    expect([t.averageAnnualChange?.fromYear, t.averageAnnualChange?.toYear]).toEqual([
      average.fromYear,
      average.toYear,
    ]);
  });

  it('skips suppressed and missing points and reports them', () => {
    const t = trendOf([
      { year: 2022, value: null, suppressed: true },
      { year: 2019, value: 50 },
      { year: 2021, value: 60 },
      { year: 2020, value: null },
    ]);
    expect(t.n).toBe(2);
    expect(t.skipped).toEqual([
      { year: 2020, reason: 'missing' },
      { year: 2022, reason: 'suppressed' },
    ]);
    expect(t.lastYear).toBe(2021);
    expect(t.latestChange).toEqual({ fromYear: 2019, toYear: 2021, absolute: 10, percent: 20 });
  });

  it('throws on two points for the same year', () => {
    expect(() =>
      trendOf([
        { year: 2020, value: 1 },
        { year: 2020, value: 2 },
      ]),
    ).toThrow(/two points for 2020/);
  });
});
