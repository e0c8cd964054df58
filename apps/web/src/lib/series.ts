import type {
  Compare,
  Comparison,
  ComparedPoint,
  Source,
  DefinitionVariant,
  Indicator,
  Jurisdiction,
  Observation,
} from '@fourp/domain';

/** The FIA variant that mixes trafficking with migrant smuggling; wherever it is compared, a warning shows. */
export const FIA_MIXED_DEFINITION = 'thb_and_smuggling';

export const isFiaMixed = (definition: string | null | undefined): boolean =>
  definition === FIA_MIXED_DEFINITION;

/** Monitored jurisdictions from the district up, used when the district has no figure of its own. */
export const STAND_IN_CHAIN = ['PK-PB-GUJRAT', 'PK-PB', 'PK'] as const;
export const BASE = 'PK-PB-GUJRAT';
export const BENCHMARKS = ['IT', 'ES'] as const;
/** The jurisdictions the indicator view can draw, in display order. */
export const VIEW_JURISDICTIONS = ['PK-PB-GUJRAT', 'PK-PB', 'PK', 'IT', 'ES', 'EU27'] as const;
export const DEFAULT_VIEW_JURISDICTIONS = ['PK-PB-GUJRAT', 'PK-PB', 'PK', 'IT', 'ES'] as const;

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

export const jurisdictionName = (jurisdictions: readonly Jurisdiction[], id: string): string =>
  jurisdictions.find((jurisdiction) => jurisdiction.id === id)?.name.en ?? id;

/** The published totals (no breakdown, not superseded) of an indicator, newest year first. */
export function publishedTotals(observations: readonly Observation[]): Observation[] {
  return observations
    .filter((o) => !o.superseded && Object.keys(o.disaggregation).length === 0)
    .sort((a, b) => b.year - a.year || a.jurisdiction.localeCompare(b.jurisdiction) || a.id - b.id);
}

/** A one-line citation: "Title, Publisher (Year)". */
export function citation(source: { title: string; publisher: string; year: number | null }): string {
  return `${source.title}, ${source.publisher}${source.year === null ? '' : ` (${source.year})`}`;
}

/** The source behind a compared point, as the comparison names it (for a computed figure, its numerator's). */
export function pointSource(point: ComparedPoint | null, compare: Pick<Compare, 'sources'>): Source | null {
  if (point === null || point.observationId === null) return null;
  return compare.sources[String(point.observationId)] ?? null;
}
