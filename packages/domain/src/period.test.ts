import { describe, expect, it } from 'vitest';
import { preferredFigure } from './cell.js';
import { compareToBenchmarks } from './compare.js';
import { PeriodSchema } from './contracts.js';
import { isAnnual, isPartialPeriod, monthsCovered, periodIssue, spanLabel } from './period.js';
import { indicator, obs } from './test-support/fixtures.js';
import { validateObservation } from './validate-observation.js';
import { INDICATORS } from './catalogue/index.js';
import { TEST_TREE } from './test-support/jurisdictions.js';

const firstHalf = { year: 2015, yearEnd: 2015, period: '2015-01/2015-06' };

describe('periods of months', () => {
  it('counts the months of a span, a length-only period and whole years', () => {
    expect(monthsCovered(firstHalf)).toBe(6);
    expect(monthsCovered({ year: 2018, yearEnd: 2021, period: '2018-05/2021-04' })).toBe(36);
    expect(monthsCovered({ year: 2022, yearEnd: 2023, period: '2022/P17M' })).toBe(17);
    expect(monthsCovered({ year: 2017, yearEnd: 2021, period: null })).toBe(60);
  });

  it('marks a span shorter than its years as partial, and only whole single years as annual', () => {
    expect(isPartialPeriod(firstHalf)).toBe(true);
    expect(isAnnual(firstHalf)).toBe(false);
    expect(isPartialPeriod({ year: 2018, yearEnd: 2021, period: '2018-05/2021-04' })).toBe(true);
    expect(isPartialPeriod({ year: 2019, yearEnd: 2019, period: '2019-01/2019-12' })).toBe(false);
    expect(isAnnual({ year: 2019, yearEnd: 2019, period: null })).toBe(true);
  });

  it('labels spans for readers', () => {
    expect(spanLabel(firstHalf)).toBe('Jan 2015–Jun 2015 (6 months)');
    expect(spanLabel({ year: 2022, yearEnd: 2023, period: '2022/P17M' })).toBe(
      '2022 (17 months from a start month not given)',
    );
    expect(spanLabel({ year: 2017, yearEnd: 2021 })).toBe('2017–2021 (cumulative)');
  });

  it.each([
    ['2015-13/2015-06', false],
    ['2015-01/2015-06', true],
    ['2022/P17M', true],
    ['2022/P0M', false],
    ['first half', false],
  ])('accepts %s as a period: %s', (text, valid) => {
    expect(PeriodSchema.safeParse(text).success).toBe(valid);
  });

  it('refuses a period that does not fit the years it is filed under, with a message', () => {
    expect(periodIssue({ year: 2016, yearEnd: 2016, period: '2015-01/2015-06' })).toBe(
      'period 2015-01/2015-06 must run from year 2016 to yearEnd 2016',
    );
    expect(periodIssue({ year: 2015, yearEnd: 2015, period: '2015-06/2015-01' })).toBe(
      'period 2015-06/2015-01 ends before it starts',
    );
    const entered = validateObservation(
      {
        indicator: 'victims_identified',
        jurisdiction: 'ES',
        year: 2016,
        value: 5,
        period: '2015-01/2015-06',
        sourceId: 1,
      },
      { indicators: INDICATORS, jurisdictions: TEST_TREE, currentYear: 2026 },
    );
    expect(entered.ok || entered.error.issues).toEqual([
      { path: 'period', message: 'period 2015-01/2015-06 must run from year 2016 to yearEnd 2016' },
    ]);
  });

  it('shows the whole-year figure rather than a part-year one for the same year', () => {
    const half = obs('victims_identified', 'ES', 2017, 173, {
      period: '2017-01/2017-08',
      partialPeriod: true,
    });
    const whole = obs('victims_identified', 'ES', 2017, 213);
    expect(preferredFigure([half, whole])?.value).toBe(213);
  });

  it('never compares a 15-month funding call as an annual budget: grade C, with both spans named', () => {
    const funding = indicator({
      id: 'victim_assistance_funding',
      measureType: 'currency',
      unit: 'EUR million',
    });
    const c = compareToBenchmarks({
      indicator: funding,
      base: {
        jurisdiction: 'IT',
        observations: [
          obs('victim_assistance_funding', 'IT', 2019, 24, { yearEnd: 2020, period: '2019-03/2020-05' }),
        ],
      },
      benchmarks: [{ jurisdiction: 'ES', observations: [obs('victim_assistance_funding', 'ES', 2019, 4)] }],
      populations: [],
    });
    const spain = c.years.find((y) => y.year === 2019)?.benchmarks[0];
    expect(spain?.grade).toBe('C');
    expect(spain?.reasons).toContain(
      'IT figure covers Mar 2019–May 2020 (15 months) but ES figure covers 2019',
    );
  });
});
