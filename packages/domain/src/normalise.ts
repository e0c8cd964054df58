import { fail, ok } from './contracts.js';
import type { Indicator, JurisdictionId, Population, Result } from './contracts.js';
import type { NormalisedValue } from './results.js';

export const DEFAULT_POPULATION_TOLERANCE_YEARS = 2;
const PER = 100_000;

/** How a figure is scaled: `'100k'` per 100,000 residents, `'absolute'` as counted or published. */
export const PER_MODES = ['100k', 'absolute'] as const;
export type PerMode = (typeof PER_MODES)[number];

/** True for counts flagged per capita: the only figures that can be divided by population (per 100,000). */
export const isNormalisable = (indicator: Pick<Indicator, 'measureType' | 'perCapita'>): boolean =>
  indicator.measureType === 'count' && indicator.perCapita;

/** The scales an indicator can be shown in, the default first: both for normalisable counts, else the one it has. */
export function perModesOf(indicator: Pick<Indicator, 'measureType' | 'perCapita'>): PerMode[] {
  if (isNormalisable(indicator)) return ['100k', 'absolute'];
  return indicator.measureType === 'rate_per_100k' ? ['100k'] : ['absolute'];
}

/**
 * True when a count was asked for per 100,000 but could not be put on that scale (no population figure near
 * its year): its value is the count as published and must not be drawn or read as a rate.
 */
export const missedRateScale = (
  point: { normalised: boolean },
  per: PerMode | undefined,
  measureType: string,
): boolean => per === '100k' && measureType === 'count' && !point.normalised;

export const NORMALISATION_METHOD =
  `Counts of people or events are divided by the population of the same jurisdiction and multiplied by ` +
  `${PER.toLocaleString('en-GB')}, using the population of the nearest year at most ` +
  `${DEFAULT_POPULATION_TOLERANCE_YEARS} years away (on a tie, the earlier year). Without a population ` +
  'figure that near, no rate is shown and the comparison is graded C.';

/**
 * The population figure nearest to `year` for the jurisdiction, at most `toleranceYears` away;
 * on a tie (one year before and one after) the earlier year wins, since it was known at the time.
 */
export function nearestPopulation(
  jurisdiction: JurisdictionId,
  year: number,
  populations: readonly Population[],
  toleranceYears: number = DEFAULT_POPULATION_TOLERANCE_YEARS,
): Population | null {
  let best: Population | null = null;
  for (const p of populations) {
    if (p.jurisdiction !== jurisdiction) continue;
    const distance = Math.abs(p.year - year);
    if (distance > toleranceYears) continue;
    if (best === null) best = p;
    else {
      const bestDistance = Math.abs(best.year - year);
      if (distance < bestDistance || (distance === bestDistance && p.year < best.year)) best = p;
    }
  }
  return best;
}

/** A count expressed per 100,000 residents (≥ 0 for counts ≥ 0); fails `missing_population` when no population lies within the tolerance. */
export function normalisePer100k(
  count: number,
  jurisdiction: JurisdictionId,
  year: number,
  populations: readonly Population[],
  { toleranceYears = DEFAULT_POPULATION_TOLERANCE_YEARS }: { toleranceYears?: number } = {},
): Result<NormalisedValue> {
  if (!Number.isFinite(count)) throw new Error(`normalisePer100k: count must be finite, got ${count}`);
  const population = nearestPopulation(jurisdiction, year, populations, toleranceYears);
  if (population === null) {
    return fail({
      code: 'missing_population',
      message: `No population figure for ${jurisdiction} within ${toleranceYears} year(s) of ${year}, so the count cannot be expressed per 100,000 residents.`,
    });
  }
  return ok({
    value: (count / population.value) * PER,
    populationYear: population.year,
    population: population.value,
    exact: population.year === year,
  });
}

/** The count behind a rate per 100,000 residents, for a population > 0 (inverse of `normalisePer100k`). */
export function fromPer100k(ratePer100k: number, population: number): number {
  if (!(population > 0)) throw new Error(`fromPer100k: population must be positive, got ${population}`);
  return (ratePer100k * population) / PER;
}
