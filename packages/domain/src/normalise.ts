import { fail, ok } from './domain-error.js';
import type { Indicator, JurisdictionId, Population, Result } from './contracts.js';
import { DEFAULT_LOCALE, type Locale } from './i18n/locale.js';
import { reason, renderReason } from './i18n/reasons.js';
import type { Denominator, NormalisedValue } from './results.js';

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
  '100,000; a population from another geography is never used. The denominator is the ' +
  'population figure of the same year (standard definition, annual, current) when there is one (observed). ' +
  'Otherwise it is interpolated linearly between the nearest figures before and after the year: censuses and ' +
  'annual estimates are years apart and populations change slowly, so a straight line between them errs far less ' +
  'than taking either figure as it is, and unlike a log-linear curve it needs no growth assumption. Otherwise the ' +
  `nearest figure is carried flat, at most ${DEFAULT_POPULATION_TOLERANCE_YEARS} years away, beyond the first or last ` +
  'one (extrapolated; flat, because a trend drawn from two figures can run away). Interpolated and extrapolated ' +
  'denominators are marked estimated (E), and their year, source and method are shown with every rate. Beyond that ' +
  'there is no denominator: no rate is shown and the comparison is graded C.';

const sourcesOf = (...ps: Population[]): string[] => [
  ...new Set(ps.flatMap((p) => (p.source === undefined ? [] : [p.source]))),
];

/**
 * The population to divide a count of (jurisdiction, year) by: the figure of that year (observed), else linear
 * interpolation between the nearest figures on both sides, else the nearest figure carried flat at most
 * `maxExtrapolationYears` past the first or last one; only the jurisdiction's own figures are considered.
 */
export function chooseDenominator(
  jurisdiction: JurisdictionId,
  year: number,
  populations: readonly Population[],
  maxExtrapolationYears: number = DEFAULT_POPULATION_TOLERANCE_YEARS,
): Result<Denominator> {
  const own = populations.filter((p) => p.jurisdiction === jurisdiction);
  const same = own.find((p) => p.year === year);
  if (same !== undefined) {
    return ok({
      value: same.value,
      year,
      years: [year],
      sources: sourcesOf(same),
      method: 'observed',
      status: 'A',
    });
  }
  const before = own.filter((p) => p.year < year).sort((a, b) => b.year - a.year)[0];
  const after = own.filter((p) => p.year > year).sort((a, b) => a.year - b.year)[0];
  if (before !== undefined && after !== undefined) {
    const share = (year - before.year) / (after.year - before.year);
    return ok({
      value: before.value + (after.value - before.value) * share,
      year,
      years: [before.year, after.year],
      sources: sourcesOf(before, after),
      method: 'interpolated',
      status: 'E',
    });
  }
  const nearest = before ?? after;
  if (nearest !== undefined && Math.abs(nearest.year - year) <= maxExtrapolationYears) {
    return ok({
      value: nearest.value,
      year: nearest.year,
      years: [nearest.year],
      sources: sourcesOf(nearest),
      method: 'extrapolated',
      status: 'E',
    });
  }
  const why = reason('missing_population', {
    jurisdiction,
    years: maxExtrapolationYears,
    year,
    neither: nearest !== undefined,
  });
  return fail({ code: 'missing_population', message: renderReason(why), why });
}

/** A count expressed per 100,000 residents (≥ 0 for counts ≥ 0), divided by `chooseDenominator`'s population. */
export function normalisePer100k(
  count: number,
  jurisdiction: JurisdictionId,
  year: number,
  populations: readonly Population[],
  { toleranceYears = DEFAULT_POPULATION_TOLERANCE_YEARS }: { toleranceYears?: number } = {},
): Result<NormalisedValue> {
  if (!Number.isFinite(count)) throw new Error(`normalisePer100k: count must be finite, got ${count}`);
  const denominator = chooseDenominator(jurisdiction, year, populations, toleranceYears);
  if (!denominator.ok) return denominator;
  return ok({
    value: (count / denominator.value.value) * PER,
    populationYear: denominator.value.year,
    population: denominator.value.value,
    exact: denominator.value.method === 'observed',
    denominator: denominator.value,
  });
}

/** One line to show beside a rate, e.g. "per 100,000, population 2019 interpolated between the 2017 and 2023 figures". */
export function describeDenominator(denominator: Denominator, year: number): string {
  const [first, second] = denominator.years;
  const how =
    denominator.method === 'observed'
      ? `population ${year}`
      : denominator.method === 'interpolated'
        ? `population ${year} interpolated between the ${first} and ${second} figures`
        : `population ${year} extrapolated flat from the ${first} figure`;
  const sources = denominator.sources.length > 0 ? ` (${denominator.sources.join('; ')})` : '';
  return `per 100,000, ${how}${sources}`;
}

export type MissingDenominator = {
  jurisdiction: JurisdictionId;
  year: number;
  indicators: string[];
  reason: string;
};

/**
 * The jurisdiction-years of count figures (to be shown per 100,000) for which `chooseDenominator` finds no population,
 * each with the reason in the locale (English by default).
 */
export function missingDenominators(
  cells: readonly { indicator: string; jurisdiction: JurisdictionId; year: number }[],
  populations: readonly Population[],
  locale: Locale = DEFAULT_LOCALE,
): MissingDenominator[] {
  const missing = new Map<string, MissingDenominator>();
  for (const { indicator, jurisdiction, year } of cells) {
    const key = `${jurisdiction}|${year}`;
    const known = missing.get(key);
    if (known !== undefined) {
      if (!known.indicators.includes(indicator)) known.indicators.push(indicator);
      continue;
    }
    const chosen = chooseDenominator(jurisdiction, year, populations);
    if (!chosen.ok)
      missing.set(key, {
        jurisdiction,
        year,
        indicators: [indicator],
        reason:
          chosen.error.why === undefined ? chosen.error.message : renderReason(chosen.error.why, locale),
      });
  }
  return [...missing.values()]
    .map((m) => ({ ...m, indicators: m.indicators.sort() }))
    .sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.year - b.year);
}

/** Several pages' missing denominators as one list, merged and ordered as `missingDenominators` gives them. */
export function mergeMissingDenominators(
  pages: readonly (readonly MissingDenominator[])[],
): MissingDenominator[] {
  const merged = new Map<string, MissingDenominator>();
  for (const m of pages.flat()) {
    const key = `${m.jurisdiction}|${m.year}`;
    const known = merged.get(key);
    merged.set(key, {
      ...m,
      indicators: [...new Set([...(known?.indicators ?? []), ...m.indicators])].sort(),
    });
  }
  return [...merged.values()].sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.year - b.year);
}

/** The count behind a rate per 100,000 residents, for a population > 0 (inverse of `normalisePer100k`). */
export function fromPer100k(ratePer100k: number, population: number): number {
  if (!(population > 0)) throw new Error(`fromPer100k: population must be positive, got ${population}`);
  return (ratePer100k * population) / PER;
}
