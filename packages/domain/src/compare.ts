import { isCurrentTotal, preferredFigure } from './cell.js';
import { isAnnual, spanLabel } from './period.js';
import { STANDARD_DEFINITION } from './contracts.js';
import type {
  ComparabilityGrade,
  DefinitionVariant,
  Indicator,
  JurisdictionId,
  Observation,
  Population,
} from './contracts.js';
import { explainDerivedFlag } from './derive.js';
import {
  DEFAULT_POPULATION_TOLERANCE_YEARS,
  isNormalisable,
  normalisePer100k,
  type PerMode,
} from './normalise.js';
import type {
  Assessment,
  BenchmarkComparison,
  ComparedPoint,
  Comparison,
  ComparisonYear,
  Denominator,
  DerivedObservation,
  StandIn,
} from './results.js';

/** Relative gap (±5 %, inclusive) within which two figures count as similar. */
export const SIMILAR_TOLERANCE = 0.05;

/** What each comparability grade means, as `grade` below assigns it. */
export const GRADE_METHOD = {
  A:
    'Comparable: both figures use the catalogue’s standard definition (or the same comparable variant), cover ' +
    'the same span of years and, for counts of people or events, are expressed per 100,000 residents.',
  B:
    'Comparable with caveats: the definitions differ but both are marked comparable, or the figures are ' +
    'amounts of money in the same unit, not adjusted for population size or price levels.',
  C:
    'Not comparable: a definition marked not comparable (such as FIA counts that mix trafficking with migrant ' +
    'smuggling) or missing from the catalogue, different multi-year spans, a count not expressed per ' +
    'resident, absolute counts of places of different population, amounts in different units, no population ' +
    `figure of the year, between two figures or within ${DEFAULT_POPULATION_TOLERANCE_YEARS} years of one, or a derived figure flagged as impossible ` +
    '(a percent above 100). Grade C figures are shown, never assessed or scored.',
} as const satisfies Record<ComparabilityGrade, string>;

export const ASSESSMENT_METHOD =
  'A figure is better or worse than a benchmark according to the indicator’s direction; two figures within ' +
  `±${SIMILAR_TOLERANCE * 100} % of each other count as similar. Indicators where neither higher nor lower is ` +
  'better, and grade C comparisons, are not assessed.';

/** Observations of one jurisdiction; derived ones (from `deriveSeries`) keep their inputs and flags. */
export type Series = {
  jurisdiction: JurisdictionId;
  observations: readonly (Observation | DerivedObservation)[];
};

export type CompareOptions = {
  similarTolerance?: number;
  populationToleranceYears?: number;
  /**
   * How per-capita counts are compared: `'100k'` (default) per 100,000 residents; `'absolute'` as counted, which
   * grades every comparison C since places of different population are not comparable. Other measure types ignore it.
   */
  per?: PerMode;
};

export type CompareInput = {
  indicator: Indicator;
  base: Series;
  benchmarks: readonly Series[];
  populations: readonly Population[];
  /** Definition variants to look definitions up in; defaults to the indicator's own. */
  variants?: readonly DefinitionVariant[];
  options?: CompareOptions;
};

type Point = ComparedPoint & {
  flags: NonNullable<ComparedPoint['flags']>;
  normaliseFailure: string | null;
  unitAsRead: string | null;
};
type Context = {
  indicator: Indicator;
  variants: readonly DefinitionVariant[];
  tolerance: number;
  per: PerMode;
};

const PER_100K_UNIT = 'per 100,000 residents';

const normalises = (indicator: Indicator, per: PerMode) => per === '100k' && isNormalisable(indicator);

function pointsByYear(
  { indicator, per }: Context,
  series: Series,
  populations: readonly Population[],
  toleranceYears: number,
): Map<number, Point> {
  const byYear = new Map<number, Series['observations'][number][]>();
  for (const o of series.observations) {
    if (o.indicator !== indicator.id) {
      throw new Error(`compareToBenchmarks: observation ${o.id} is ${o.indicator}, expected ${indicator.id}`);
    }
    if (o.jurisdiction !== series.jurisdiction) {
      throw new Error(
        `compareToBenchmarks: observation ${o.id} is for ${o.jurisdiction}, not ${series.jurisdiction}`,
      );
    }
    if (!isCurrentTotal(o)) continue;
    const group = byYear.get(o.year);
    if (group === undefined) byYear.set(o.year, [o]);
    else group.push(o);
  }
  const points = new Map<number, Point>();
  for (const [year, rows] of byYear) {
    const o = preferredFigure(rows);
    if (o === undefined) continue;
    const hidden = o.suppressed || o.value === null;
    let value: number | null = hidden ? null : o.value;
    let normalised = false;
    let populationYear: number | null = null;
    let denominator: Denominator | null = null;
    let normaliseFailure: string | null = null;
    if (normalises(indicator, per)) {
      const n = normalisePer100k(o.value ?? 0, o.jurisdiction, o.year, populations, { toleranceYears });
      if (n.ok) {
        normalised = true;
        populationYear = n.value.populationYear;
        denominator = n.value.denominator;
        if (!hidden) value = n.value.value;
      } else normaliseFailure = n.error.message;
    }
    points.set(year, {
      jurisdiction: o.jurisdiction,
      year: o.year,
      yearEnd: o.yearEnd,
      period: o.period ?? null,
      value,
      rawValue: hidden ? null : o.value,
      suppressed: hidden,
      normalised,
      populationYear,
      denominator,
      definition: o.definition,
      observationId: o.id,
      ...('derivedFrom' in o ? { derivedFrom: o.derivedFrom } : {}),
      flags: 'flags' in o ? o.flags : [],
      normaliseFailure,
      unitAsRead: o.unitAsRead,
    });
  }
  return points;
}

function publicPoint(p: Point | undefined): ComparedPoint | null {
  if (p === undefined) return null;
  const { normaliseFailure: _f, unitAsRead: _u, ...rest } = p;
  return rest;
}

function grade(
  { indicator, variants, per }: Context,
  base: Point,
  other: Point,
): { grade: ComparabilityGrade; reasons: string[] } {
  const reasons: string[] = [];
  const grades: ComparabilityGrade[] = ['A'];
  const downgrade = (to: ComparabilityGrade, reason: string) => {
    grades.push(to);
    reasons.push(reason);
  };
  const worstSoFar = () => [...grades].sort().pop() as ComparabilityGrade;

  for (const p of [base, other]) {
    if (p.definition === STANDARD_DEFINITION) continue;
    const variant = variants.find((v) => v.id === p.definition);
    if (variant === undefined) {
      downgrade(
        'C',
        `${p.jurisdiction} figure uses a definition ("${p.definition}") that is not in the catalogue`,
      );
    } else if (!variant.comparable) {
      downgrade('C', `${p.jurisdiction} figure: ${variant.label}. ${variant.note}`);
    }
  }
  if (base.definition !== other.definition && worstSoFar() !== 'C') {
    const label = (p: Point) =>
      variants.find((v) => v.id === p.definition)?.label ?? 'the standard definition';
    downgrade(
      'B',
      `Definitions differ: ${base.jurisdiction} uses ${label(base)}; ${other.jurisdiction} uses ${label(other)}`,
    );
  }

  if ((!isAnnual(base) || !isAnnual(other)) && spanLabel(base) !== spanLabel(other)) {
    downgrade(
      'C',
      `${base.jurisdiction} figure covers ${spanLabel(base)} but ${other.jurisdiction} figure covers ${spanLabel(other)}`,
    );
  }

  for (const p of [base, other]) {
    if (p.derivedFrom === undefined) continue;
    for (const flag of p.flags)
      downgrade('C', explainDerivedFlag(indicator, { ...p, derivedFrom: p.derivedFrom }, flag));
  }

  if (indicator.measureType === 'count') {
    if (!indicator.perCapita) {
      downgrade(
        'C',
        `${indicator.name} is a count not expressed per resident, so places of different size cannot be compared`,
      );
    } else if (per === 'absolute') {
      downgrade(
        'C',
        `Absolute counts of jurisdictions of different population are not comparable (${base.jurisdiction} and ${other.jurisdiction}); compare them per 100,000 residents`,
      );
    } else {
      for (const p of [base, other]) {
        if (p.normaliseFailure !== null) downgrade('C', p.normaliseFailure);
      }
    }
  } else if (indicator.measureType === 'currency') {
    const unitOf = (p: Point) => p.unitAsRead ?? indicator.unit;
    if (unitOf(base) !== unitOf(other)) {
      downgrade(
        'C',
        `Amounts are in different units: ${unitOf(base)} for ${base.jurisdiction}, ${unitOf(other)} for ${other.jurisdiction}`,
      );
    } else {
      downgrade('B', `Amounts in ${unitOf(base)} are not adjusted for population size or price levels`);
    }
  }
  return { grade: worstSoFar(), reasons };
}

/** 'better' | 'worse' | 'similar' by the relative gap to the benchmark (tolerance as a fraction, e.g. 0.05). */
export function assessDifference(
  base: number,
  benchmark: number,
  direction: Indicator['direction'],
  tolerance: number = SIMILAR_TOLERANCE,
): Assessment {
  if (direction === 'neutral') return 'not_assessed';
  const gap = benchmark === 0 ? (base === 0 ? 0 : Math.sign(base)) : (base - benchmark) / Math.abs(benchmark);
  if (Math.abs(gap) <= tolerance + 1e-12) return 'similar';
  const higher = gap > 0;
  return higher === (direction === 'higher_is_better') ? 'better' : 'worse';
}

function compareAt(
  ctx: Context,
  year: number,
  base: Point | undefined,
  jurisdiction: JurisdictionId,
  other: Point | undefined,
): BenchmarkComparison {
  const empty = { difference: null, ratio: null, assessment: 'not_assessed' as const };
  if (base === undefined || other === undefined) {
    const missing = [base === undefined ? 'the base' : null, other === undefined ? jurisdiction : null]
      .filter((m) => m !== null)
      .join(' and ');
    return {
      jurisdiction,
      year,
      point: publicPoint(other),
      ...empty,
      grade: null,
      reasons: [`No figure for ${missing} in ${year}`],
    };
  }
  const { indicator, tolerance } = ctx;
  const g = grade(ctx, base, other);
  const reasons = [...g.reasons];
  for (const p of [base, other]) {
    if (p.suppressed) reasons.push(`${p.jurisdiction} figure is suppressed (a small count), not zero`);
  }
  if (base.value === null || other.value === null) {
    return { jurisdiction, year, point: publicPoint(other), ...empty, grade: g.grade, reasons };
  }
  const difference = base.value - other.value;
  const ratio = other.value === 0 ? null : base.value / other.value;
  let assessment: Assessment = 'not_assessed';
  if (g.grade === 'C') reasons.push('Not comparable (grade C): shown, but not assessed or scored');
  else if (indicator.direction === 'neutral')
    reasons.push('Neither higher nor lower is better for this indicator');
  else assessment = assessDifference(base.value, other.value, indicator.direction, tolerance);
  return {
    jurisdiction,
    year,
    point: publicPoint(other),
    difference,
    ratio,
    assessment,
    grade: g.grade,
    reasons,
  };
}

/**
 * The base series against each benchmark, year by year: counts flagged per-capita become per 100,000 residents
 * (unless `options.per` is `'absolute'`), rates, percents, yes/no and ordinal values are compared as they are;
 * grade C comparisons (including flagged derived figures) are never assessed.
 */
export function compareToBenchmarks(input: CompareInput): Comparison {
  const { indicator, base, benchmarks, populations } = input;
  const ctx: Context = {
    indicator,
    variants: input.variants ?? indicator.variants,
    tolerance: input.options?.similarTolerance ?? SIMILAR_TOLERANCE,
    per: input.options?.per ?? '100k',
  };
  const { tolerance } = ctx;
  const toleranceYears = input.options?.populationToleranceYears ?? DEFAULT_POPULATION_TOLERANCE_YEARS;

  const basePoints = pointsByYear(ctx, base, populations, toleranceYears);
  const benchPoints = benchmarks.map((b) => ({
    jurisdiction: b.jurisdiction,
    points: pointsByYear(ctx, b, populations, toleranceYears),
  }));
  const allYears = new Set<number>(basePoints.keys());
  for (const b of benchPoints) for (const y of b.points.keys()) allYears.add(y);
  const yearsSorted = [...allYears].sort((a, b) => a - b);

  const years: ComparisonYear[] = yearsSorted.map((year) => ({
    year,
    base: publicPoint(basePoints.get(year)),
    benchmarks: benchPoints.map((b) =>
      compareAt(ctx, year, basePoints.get(year), b.jurisdiction, b.points.get(year)),
    ),
  }));

  const hasValue = (p: Point | undefined) => p !== undefined && p.value !== null;
  const common = yearsSorted.filter(
    (y) => hasValue(basePoints.get(y)) && benchPoints.every((b) => hasValue(b.points.get(y))),
  );
  const latestCommonYear = common.length > 0 ? (common[common.length - 1] as number) : null;

  const latestByBenchmark = benchPoints.flatMap((b) => {
    const shared = yearsSorted.filter((y) => hasValue(basePoints.get(y)) && hasValue(b.points.get(y)));
    const y = shared[shared.length - 1];
    if (y === undefined) return [];
    return [compareAt(ctx, y, basePoints.get(y), b.jurisdiction, b.points.get(y))];
  });

  return {
    indicator: indicator.id,
    measureType: indicator.measureType,
    direction: indicator.direction,
    unit: normalises(indicator, ctx.per) ? PER_100K_UNIT : indicator.unit,
    base: base.jurisdiction,
    benchmarks: benchmarks.map((b) => b.jurisdiction),
    similarTolerance: tolerance,
    years,
    latestCommonYear,
    latest: years.find((y) => y.year === latestCommonYear) ?? null,
    latestByBenchmark,
  };
}

/**
 * The base jurisdiction when it has data, else the nearest ancestor with data labelled as a stand-in
 * (`ancestors` ordered nearest first); null when none has data.
 */
export function nearestWithData(
  baseId: JurisdictionId,
  ancestors: readonly JurisdictionId[],
  hasData: (id: JurisdictionId) => boolean,
): StandIn | null {
  if (hasData(baseId)) return { jurisdiction: baseId, standIn: false, label: null };
  const found = ancestors.find((id) => id !== baseId && hasData(id));
  if (found === undefined) return null;
  return {
    jurisdiction: found,
    standIn: true,
    label: `${found} figure shown as a stand-in: ${baseId} has no figure of its own`,
  };
}
