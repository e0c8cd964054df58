import { localName } from '$lib/i18n/locale';
import { BENCHMARK_IDS, STAND_IN_CHAIN } from '@fourp/domain/client';
import type {
  Compare,
  Comparison,
  ComparedPoint,
  Source,
  DefinitionVariant,
  Indicator,
  Jurisdiction,
} from '@fourp/domain';

/** The FIA variant that mixes trafficking with migrant smuggling; wherever it is compared, a warning shows. */
export const FIA_MIXED_DEFINITION = 'thb_and_smuggling';

export const isFiaMixed = (definition: string | null | undefined): boolean =>
  definition === FIA_MIXED_DEFINITION;

/** The jurisdictions the dashboard reports on, in display order: the base, its stand-ins, the benchmarks. */
export const REPORTED_JURISDICTIONS = [...STAND_IN_CHAIN, ...BENCHMARK_IDS];
/** The jurisdictions the indicator view can draw, in display order: those reported on and the EU average. */
export const VIEW_JURISDICTIONS = [...REPORTED_JURISDICTIONS, 'EU27'];

/** What a view focused on the district `base` reports on: the base, Punjab, Pakistan and the benchmarks. */
export const reportedJurisdictions = (base: string): string[] => [
  ...new Set([base, ...STAND_IN_CHAIN.slice(1), ...BENCHMARK_IDS]),
];

/** What a view focused on `base` can draw: the base, its neighbours, Punjab, Pakistan, the benchmarks, the EU. */
export const viewJurisdictions = (base: string, neighbours: readonly string[] = []): string[] => [
  ...new Set([base, ...neighbours, ...STAND_IN_CHAIN.slice(1), ...BENCHMARK_IDS, 'EU27']),
];

/** Every year a comparison holds a point for `jurisdiction` (base or benchmark). */
export function pointsFor(comparison: Comparison, jurisdiction: string): ComparedPoint[] {
  return comparison.years.flatMap((year) => {
    if (comparison.base === jurisdiction && year.base) return [year.base];
    const benchmark = year.benchmarks.find((item) => item.jurisdiction === jurisdiction);
    return benchmark?.point ? [benchmark.point] : [];
  });
}

/** The newest point with a value or a suppression mark. */
export function latestPoint(points: readonly ComparedPoint[]): ComparedPoint | null {
  const shown = points.filter((point) => point.value !== null || point.suppressed);
  return shown.reduce<ComparedPoint | null>(
    (best, point) => (best === null || point.year > best.year ? point : best),
    null,
  );
}

export function variantOf(
  indicator: Pick<Indicator, 'variants'>,
  definition: string,
): DefinitionVariant | undefined {
  return indicator.variants.find((variant) => variant.id === definition);
}

export const jurisdictionName = (
  jurisdictions: readonly Pick<Jurisdiction, 'id' | 'name'>[],
  id: string,
): string => localName(jurisdictions.find((jurisdiction) => jurisdiction.id === id)?.name) ?? id;

/** A one-line citation: "Title, Publisher (Year)". */
export function citation(source: { title: string; publisher: string; year: number | null }): string {
  return `${source.title}, ${source.publisher}${source.year === null ? '' : ` (${source.year})`}`;
}

/** The source behind a compared point, as the comparison names it (for a computed figure, its numerator's). */
export function pointSource(point: ComparedPoint | null, compare: Pick<Compare, 'sources'>): Source | null {
  if (point === null || point.observationId === null) return null;
  return compare.sources[String(point.observationId)] ?? null;
}
