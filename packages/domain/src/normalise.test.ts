import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Population } from './contracts.js';
import {
  chooseDenominator,
  describeDenominator,
  missingDenominators,
  mergeMissingDenominators,
  DEFAULT_POPULATION_TOLERANCE_YEARS,
  missedRateScale,
  fromPer100k,
  isNormalisable,
  NORMALISATION_METHOD,
  normalisePer100k,
  PER_MODES,
  perModesOf,
} from './normalise.js';

const pop = (jurisdiction: string, year: number, value: number): Population => ({
  jurisdiction,
  year,
  value,
});
const populations = [
  pop('PK-PB-GUJRAT', 2017, 2_000_000),
  pop('PK-PB-GUJRAT', 2023, 2_400_000),
  pop('IT', 2019, 59_000_000),
  pop('IT', 2021, 60_000_000),
  pop('ES', 2020, 47_000_000),
];

describe('normalisePer100k', () => {
  it.each([
    { name: 'exact year', count: 590, j: 'IT', year: 2019, value: 1, populationYear: 2019, exact: true },
    {
      name: 'nearest year within tolerance',
      count: 47,
      j: 'ES',
      year: 2022,
      value: 0.1,
      populationYear: 2020,
      exact: false,
    },
    {
      name: 'between 2019 and 2021 interpolates linearly',
      count: 59.5,
      j: 'IT',
      year: 2020,
      value: 0.1,
      populationYear: 2020,
      exact: false,
    },
    { name: 'zero stays zero', count: 0, j: 'ES', year: 2020, value: 0, populationYear: 2020, exact: true },
    {
      name: 'closer later year beats farther earlier one',
      count: 60,
      j: 'IT',
      year: 2022,
      value: 0.1,
      populationYear: 2021,
      exact: false,
    },
  ])('$name', ({ count, j, year, value, populationYear, exact }) => {
    const result = normalisePer100k(count, j, year, populations);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.value).toBeCloseTo(value, 12);
    expect(result.value.populationYear).toBe(populationYear);
    expect(result.value.exact).toBe(exact);
  });

  it('fails missing_population naming jurisdiction, year and tolerance', () => {
    const result = normalisePer100k(10, 'PK-PB-GUJRAT', 2026, populations);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'missing_population',
        message:
          'No population figure for PK-PB-GUJRAT within 2 year(s) of 2026, nor one on each side to interpolate between, so the count cannot be expressed per 100,000 residents.',
        why: {
          code: 'missing_population',
          params: { jurisdiction: 'PK-PB-GUJRAT', years: 2, year: 2026, neither: true },
        },
      },
    });
  });

  it('says why in Urdu when the reader reads Urdu', () => {
    const [missing] = missingDenominators(
      [{ indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2026 }],
      populations,
      'ur',
    );
    expect(missing?.reason).toBe(
      'PK-PB-GUJRAT کی آبادی کا کوئی عدد 2026 کے 2 سال کے اندر نہیں، نہ ہی دونوں جانب ایک ایک عدد جن کے درمیان اندازہ لگایا جا سکے، اس لیے تعداد فی ایک لاکھ آبادی ظاہر نہیں کی جا سکتی۔',
    );
  });

  it('honours a custom tolerance', () => {
    expect(normalisePer100k(10, 'PK-PB-GUJRAT', 2020, populations, { toleranceYears: 3 }).ok).toBe(true);
    expect(normalisePer100k(10, 'ES', 2021, populations, { toleranceYears: 0 }).ok).toBe(false);
  });

  it('never borrows another jurisdiction’s population', () => {
    expect(normalisePer100k(10, 'PK-PB', 2019, populations).ok).toBe(false);
  });

  it('throws on a non-finite count', () => {
    expect(() => normalisePer100k(Number.NaN, 'IT', 2019, populations)).toThrow();
  });
});

describe('fromPer100k', () => {
  it('inverts a known rate', () => {
    expect(fromPer100k(2.5, 4_000_000)).toBe(100);
  });

  it('throws on a non-positive population', () => {
    expect(() => fromPer100k(1, 0)).toThrow();
  });

  it('round-trips: fromPer100k(normalisePer100k(x)) ≈ x', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 2_000_000_000 }),
        fc.integer({ min: 1990, max: 2030 }),
        fc.integer({ min: -2, max: 2 }),
        (count, population, year, offset) => {
          const result = normalisePer100k(count, 'PK-PB-GUJRAT', year, [
            pop('PK-PB-GUJRAT', year + offset, population),
          ]);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const back = fromPer100k(result.value.value, result.value.population);
          expect(Math.abs(back - count)).toBeLessThanOrEqual(Math.max(1e-9, count * 1e-12));
        },
      ),
    );
  });
});

describe('NORMALISATION_METHOD', () => {
  it('states the population tolerance the function applies', () => {
    const years = DEFAULT_POPULATION_TOLERANCE_YEARS;
    const at = (distance: number) => chooseDenominator('IT', 2019 + distance, [pop('IT', 2019, 1)]);
    expect(at(years)).toMatchObject({ ok: true, value: { years: [2019], method: 'extrapolated' } });
    expect(at(-years)).toMatchObject({ ok: true, value: { years: [2019], method: 'extrapolated' } });
    expect(at(years + 1).ok).toBe(false);
    expect(NORMALISATION_METHOD).toContain(`multiplied by 100,000`);
    expect(NORMALISATION_METHOD).toContain(`at most ${years} years away`);
  });
});

describe('isNormalisable and perModesOf', () => {
  it.each([
    { measureType: 'count', perCapita: true, normalisable: true, modes: ['100k', 'absolute'] },
    { measureType: 'count', perCapita: false, normalisable: false, modes: ['absolute'] },
    { measureType: 'rate_per_100k', perCapita: false, normalisable: false, modes: ['100k'] },
    { measureType: 'percent', perCapita: false, normalisable: false, modes: ['absolute'] },
    { measureType: 'currency', perCapita: true, normalisable: false, modes: ['absolute'] },
  ] as const)('$measureType (per capita: $perCapita)', ({ measureType, perCapita, normalisable, modes }) => {
    expect(isNormalisable({ measureType, perCapita })).toBe(normalisable);
    expect(perModesOf({ measureType, perCapita })).toEqual(modes);
    expect(modes.every((mode) => PER_MODES.includes(mode))).toBe(true);
  });
});

describe('missedRateScale', () => {
  it.each([
    [{ normalised: false }, '100k', 'count', true],
    [{ normalised: true }, '100k', 'count', false],
    [{ normalised: false }, 'absolute', 'count', false],
    [{ normalised: false }, undefined, 'count', false],
    [{ normalised: false }, '100k', 'share', false],
    [{ normalised: false }, '100k', 'rate_per_100k', false],
  ] as const)('%j asked %s for a %s → %s', (point, per, measureType, expected) => {
    expect(missedRateScale(point, per, measureType)).toBe(expected);
  });
});

describe('chooseDenominator', () => {
  const gujrat = [
    { ...pop('PK-PB-GUJRAT', 2017, 2_000_000), source: 'PBS, Census 2017' },
    { ...pop('PK-PB-GUJRAT', 2023, 2_400_000), source: 'PBS, Census 2023' },
    pop('PK-PB', 2019, 110_000_000),
    pop('PK', 2020, 220_000_000),
  ];

  it('takes the figure of the year itself as observed', () => {
    expect(chooseDenominator('PK-PB-GUJRAT', 2017, gujrat)).toEqual({
      ok: true,
      value: {
        value: 2_000_000,
        year: 2017,
        years: [2017],
        sources: ['PBS, Census 2017'],
        method: 'observed',
        status: 'A',
      },
    });
  });

  it('interpolates 2019 linearly between the 2017 and 2023 censuses, marked estimated', () => {
    expect(chooseDenominator('PK-PB-GUJRAT', 2019, gujrat)).toEqual({
      ok: true,
      value: {
        value: 2_000_000 + (400_000 * 2) / 6,
        year: 2019,
        years: [2017, 2023],
        sources: ['PBS, Census 2017', 'PBS, Census 2023'],
        method: 'interpolated',
        status: 'E',
      },
    });
  });

  it('describes the denominator in one line with its years, method and sources', () => {
    const chosen = chooseDenominator('PK-PB-GUJRAT', 2019, gujrat);
    expect(chosen.ok && describeDenominator(chosen.value, 2019)).toBe(
      'per 100,000, population 2019 interpolated between the 2017 and 2023 figures (PBS, Census 2017; PBS, Census 2023)',
    );
    const carried = chooseDenominator('PK-PB-GUJRAT', 2025, gujrat);
    expect(carried.ok && describeDenominator(carried.value, 2025)).toBe(
      'per 100,000, population 2025 extrapolated flat from the 2023 figure (PBS, Census 2023)',
    );
  });

  it('no longer divides a 2019 count by the 2017 census', () => {
    const rate = normalisePer100k(100, 'PK-PB-GUJRAT', 2019, gujrat);
    expect(rate.ok && rate.value.value).toBeCloseTo((100 / 2_133_333.333_333) * 100_000, 6);
    expect(rate.ok && rate.value.value).not.toBeCloseTo((100 / 2_000_000) * 100_000, 3);
    expect(rate.ok && rate.value.exact).toBe(false);
  });

  it('extrapolates flat at most 2 years past the last figure and refuses beyond', () => {
    expect(chooseDenominator('PK-PB-GUJRAT', 2025, gujrat)).toMatchObject({
      ok: true,
      value: { value: 2_400_000, year: 2023, years: [2023], method: 'extrapolated', status: 'E' },
    });
    expect(chooseDenominator('PK-PB-GUJRAT', 2026, gujrat)).toMatchObject({
      ok: false,
      error: { code: 'missing_population' },
    });
    expect(chooseDenominator('PK-PB-GUJRAT', 2014, gujrat).ok).toBe(false);
    expect(chooseDenominator('PK-PB-GUJRAT', 2026, gujrat, 3).ok).toBe(true);
  });

  it('never takes a population from another geography', () => {
    expect(chooseDenominator('PK-PB-GUJRAT-KHARIAN', 2019, gujrat).ok).toBe(false);
    expect(chooseDenominator('PK-PB', 2020, gujrat)).toMatchObject({
      ok: true,
      value: { value: 110_000_000, method: 'extrapolated', years: [2019] },
    });
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2040 }), (year) => {
        const chosen = chooseDenominator('PK-PB-GUJRAT', year, gujrat);
        if (chosen.ok) expect(chosen.value.years.every((y) => y === 2017 || y === 2023)).toBe(true);
        if (chosen.ok) expect(chosen.value.value).toBeLessThanOrEqual(2_400_000);
      }),
    );
  });
});

describe('missingDenominators', () => {
  it('lists each jurisdiction-year without a denominator once, with its indicators and the reason', () => {
    const cell = (indicator: string, jurisdiction: string, year: number) => ({
      indicator,
      jurisdiction,
      year,
    });
    expect(
      missingDenominators(
        [
          cell('victims_identified', 'PK-PB-GUJRAT', 2020),
          cell('victims_identified', 'IT', 2025),
          cell('persons_convicted', 'IT', 2025),
          cell('victims_identified', 'PK-PB', 2019),
          cell('victims_identified', 'ES', 2021),
        ],
        populations,
      ),
    ).toEqual([
      {
        jurisdiction: 'IT',
        year: 2025,
        indicators: ['persons_convicted', 'victims_identified'],
        reason: expect.stringMatching(/^No population figure for IT within 2 year\(s\) of 2025/),
      },
      {
        jurisdiction: 'PK-PB',
        year: 2019,
        indicators: ['victims_identified'],
        reason:
          'No population figure for PK-PB within 2 year(s) of 2019, so the count cannot be expressed per 100,000 residents.',
      },
    ]);
  });
});

describe('mergeMissingDenominators', () => {
  it('gives the same list from pages of cells as from all the cells at once', () => {
    const cell = (indicator: string, jurisdiction: string, year: number) => ({
      indicator,
      jurisdiction,
      year,
    });
    const cells = [
      cell('persons_convicted', 'IT', 2025),
      cell('persons_convicted', 'PK-PB', 2019),
      cell('victims_identified', 'ES', 2021),
      cell('victims_identified', 'IT', 2025),
      cell('victims_identified', 'PK-PB', 2019),
    ];
    const pages = [cells.slice(0, 2), cells.slice(2, 3), cells.slice(3)];
    expect(mergeMissingDenominators(pages.map((page) => missingDenominators(page, populations)))).toEqual(
      missingDenominators(cells, populations),
    );
    expect(mergeMissingDenominators([])).toEqual([]);
  });
});
