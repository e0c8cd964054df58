import { isCurrentTotal, preferredFigure } from './cell.js';
import { isAnnual, isPartialPeriod, spanLabel } from './period.js';
import { STANDARD_DEFINITION } from './contracts.js';
import type {
  ComparabilityGrade,
  DefinitionVariant,
  Indicator,
  JurisdictionId,
  JurisdictionKind,
  MigrationProfile,
  Observation,
  ObsStatus,
  Population,
  SourceKind,
} from './contracts.js';
import { intervalsOverlap, poissonInterval, rateInterval } from './interval.js';
import { derivedFlagReason } from './derive.js';
import { DEFAULT_LOCALE, type Locale } from './i18n/locale.js';
import { reason, renderReason, type QualityIssue, type Reason } from './i18n/reasons.js';
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
  Interval,
  Judgement,
  StandIn,
} from './results.js';

/** Relative gap (±5 %, inclusive) within which two figures count as similar. */
export const SIMILAR_TOLERANCE = 0.05;

/** What each comparability grade means, as `grade` below assigns it. */
export const GRADE_METHOD = {
  A:
    'Comparable: both figures use the catalogue’s standard definition (or the same comparable variant), cover ' +
    'the same span of years, come from primary sources not marked unreliable, are for places of the same level ' +
    '(district with district, country with country) and, for counts of people or events, are expressed per ' +
    '100,000 residents.',
  B:
    'Comparable with caveats, each stated: the definitions differ but both are marked comparable; amounts of money ' +
    'in the same unit, not adjusted for population size or price levels; a district (or a province or country ' +
    'figure standing in for a district) against a whole country; or counts that measure detection (identified ' +
    'victims, suspects, offences, prosecutions, convictions) between a source country of trafficking and a ' +
    'destination, where they mean different things (a destination’s identified victims are mostly foreigners).',
  C:
    'Not comparable: a definition marked not comparable (such as FIA counts that mix trafficking with migrant ' +
    'smuggling) or missing from the catalogue, a part-year figure against an annual one, different multi-year ' +
    'spans, a count not expressed per resident, absolute counts of places of different population, amounts in ' +
    `different units, no population figure of the year, between two figures or within ${DEFAULT_POPULATION_TOLERANCE_YEARS} years of one, or a derived ` +
    'figure flagged as impossible (a percent above 100). Grade C figures are shown, never assessed or scored.',
} as const satisfies Record<ComparabilityGrade, string>;

export const SOURCE_QUALITY_METHOD =
  'A figure taken from a secondary reproduction (press, an NGO page, a copy of the report) rather than the primary ' +
  'document, or marked low reliability (U) or unverified in its note, lowers the grade by one step (A to B, B to C).';

export const ASSESSMENT_METHOD =
  'A figure is higher or lower than a benchmark; two figures within ' +
  `±${SIMILAR_TOLERANCE * 100} % of each other are similar, and two whose 95 % intervals overlap are ` +
  'indistinguishable (the gap may be chance). Only where the indicator’s direction is unambiguous and the grade ' +
  'is A or B is the difference also judged better or worse: never for counts that measure detection, where more ' +
  'may mean more trafficking or more effort to find it. Indicators where neither higher nor lower is better, and ' +
  'grade C comparisons, are not assessed. Figures of one jurisdiction from different definitions or publishers ' +
  'are separate series and are never joined into one line; a count that could not be put per 100,000 residents ' +
  'is never subtracted from a rate.';

/** Observations of one jurisdiction; derived ones (from `deriveSeries`) keep their inputs and flags. */
export type Series = {
  jurisdiction: JurisdictionId;
  observations: readonly (Observation | DerivedObservation)[];
  /** The jurisdiction's level and migration profile (`seriesContextOf`); rules that need it are skipped without it. */
  context?: SeriesContext | null;
};

/** What a comparison needs to know of a jurisdiction beyond its figures: its level and its migration profile. */
export type SeriesContext = {
  kind: JurisdictionKind;
  migrationProfile: MigrationProfile | null;
  /** Set when the series is shown in place of a lower unit with no figure (a stand-in): the level compared is that unit's. */
  standsInFor: { jurisdiction: JurisdictionId; kind: JurisdictionKind } | null;
};

export type CompareOptions = {
  similarTolerance?: number;
  populationToleranceYears?: number;
  /**
   * How per-capita counts are compared: `'100k'` (default) per 100,000 residents; `'absolute'` as counted, which
   * grades every comparison C since places of different population are not comparable. Other measure types ignore it.
   */
  per?: PerMode;
  /** The language of the reasons; `'en'` by default. */
  locale?: Locale;
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
  normaliseFailure: Reason | null;
  unitAsRead: string | null;
  /** Less than the one year it is filed under (e.g. the first six months). */
  partial: boolean;
  quality: { kind: SourceKind; publisher: string; status: ObsStatus; note: string | null };
  context: SeriesContext | null;
};
type Context = {
  indicator: Indicator;
  variants: readonly DefinitionVariant[];
  tolerance: number;
  per: PerMode;
  locale: Locale;
};

const PER_100K_UNIT: Record<Locale, string> = { en: 'per 100,000 residents', ur: 'فی ایک لاکھ آبادی' };

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
    let normaliseFailure: Reason | null = null;
    let interval: Interval | null = null;
    if (normalises(indicator, per)) {
      const n = normalisePer100k(o.value ?? 0, o.jurisdiction, o.year, populations, { toleranceYears });
      if (n.ok) {
        normalised = true;
        populationYear = n.value.populationYear;
        denominator = n.value.denominator;
        if (!hidden) value = n.value.value;
      } else normaliseFailure = n.error.why ?? reason('explained', { text: n.error.message });
    }
    if (!hidden) interval = intervalOf(indicator, o, denominator);
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
      interval,
      seriesKey: `${o.definition} · ${o.source.publisher}`,
      normaliseFailure,
      unitAsRead: o.unitAsRead,
      partial: o.year === o.yearEnd && (o.partialPeriod || isPartialPeriod(o)),
      quality: { kind: o.source.kind, publisher: o.source.publisher, status: o.status, note: o.note },
      context: series.context ?? null,
    });
  }
  return points;
}

/**
 * The Poisson interval of a shown figure: a count's own, a count per 100,000 scaled by its population, or a rate
 * computed by formula from a count and a population; null for anything else.
 */
function intervalOf(
  indicator: Indicator,
  o: Observation | DerivedObservation,
  denominator: Denominator | null,
): Interval | null {
  if ('derivedFrom' in o) {
    const { numerator, population, factor } = o.derivedFrom;
    if (population === undefined) return null;
    return rateInterval(numerator.value, (population.value * 100_000) / factor);
  }
  if (indicator.measureType !== 'count') return null;
  return denominator === null ? poissonInterval(o.value) : rateInterval(o.value, denominator.value);
}

function publicPoint(p: Point | undefined): ComparedPoint | null {
  if (p === undefined) return null;
  const { normaliseFailure: _f, unitAsRead: _u, partial: _p, quality: _q, context: _c, ...rest } = p;
  return rest;
}

const NATIONAL_KINDS: readonly JurisdictionKind[] = ['country', 'aggregate'];
const levelOf = (kind: JurisdictionKind) => (NATIONAL_KINDS.includes(kind) ? 'country' : kind);
const UNVERIFIED_NOTE = /\b(unverified|not verified|to verify|verify it)\b/i;

/** Why the figure's source makes it less certain than a primary, reliable one; null when it does not. */
function qualityIssue(p: Point): QualityIssue | null {
  const jurisdiction = p.jurisdiction;
  if (p.quality.kind === 'secondary')
    return { kind: 'secondary', jurisdiction, publisher: p.quality.publisher };
  if (p.quality.status === 'U') return { kind: 'low_reliability', jurisdiction };
  if (p.quality.note !== null && UNVERIFIED_NOTE.test(p.quality.note))
    return { kind: 'unverified', jurisdiction };
  return null;
}

function levelReason(base: Point, other: Point): Reason | null {
  if (base.context === null || other.context === null) return null;
  const shown = (p: Point) => p.context!.standsInFor?.kind ?? p.context!.kind;
  if (levelOf(shown(base)) === levelOf(shown(other))) return null;
  const side = (p: Point) => {
    const standIn = p.context!.standsInFor;
    return standIn === null
      ? { jurisdiction: p.jurisdiction, level: p.context!.kind, standsInFor: null }
      : { jurisdiction: p.jurisdiction, level: standIn.kind, standsInFor: standIn.jurisdiction };
  };
  return reason('levels_differ', { base: side(base), other: side(other) });
}

function profileReason(indicator: Indicator, base: Point, other: Point): Reason | null {
  if (indicator.directionMeaning !== 'detection') return null;
  const a = base.context?.migrationProfile ?? null;
  const b = other.context?.migrationProfile ?? null;
  if (a === null || b === null || a === b) return null;
  return reason('profiles_differ', {
    base: base.jurisdiction,
    baseProfile: a,
    other: other.jurisdiction,
    otherProfile: b,
    indicator: indicator.name,
  });
}

const STEP_DOWN: Record<ComparabilityGrade, ComparabilityGrade> = { A: 'B', B: 'C', C: 'C' };

function grade(
  { indicator, variants, per }: Context,
  base: Point,
  other: Point,
): { grade: ComparabilityGrade; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const grades: ComparabilityGrade[] = ['A'];
  const downgrade = (to: ComparabilityGrade, why: Reason) => {
    grades.push(to);
    reasons.push(why);
  };
  const worstSoFar = () => [...grades].sort().pop() as ComparabilityGrade;

  for (const p of [base, other]) {
    if (p.definition === STANDARD_DEFINITION) continue;
    const variant = variants.find((v) => v.id === p.definition);
    if (variant === undefined) {
      downgrade(
        'C',
        reason('definition_not_in_catalogue', { jurisdiction: p.jurisdiction, definition: p.definition }),
      );
    } else if (!variant.comparable) {
      downgrade(
        'C',
        reason('definition_not_comparable', {
          jurisdiction: p.jurisdiction,
          label: variant.label,
          note: variant.note,
        }),
      );
    }
  }
  if (base.definition !== other.definition && worstSoFar() !== 'C') {
    const label = (p: Point) => variants.find((v) => v.id === p.definition)?.label ?? null;
    downgrade(
      'B',
      reason('definitions_differ', {
        base: base.jurisdiction,
        baseLabel: label(base),
        other: other.jurisdiction,
        otherLabel: label(other),
      }),
    );
  }

  const partialOne = base.partial === other.partial ? null : base.partial ? base : other;
  if (partialOne !== null) {
    const annual = partialOne === base ? other : base;
    downgrade(
      'C',
      reason('part_year', {
        partial: partialOne.jurisdiction,
        partialSpan: spanLabel(partialOne),
        annual: annual.jurisdiction,
        annualSpan: spanLabel(annual),
      }),
    );
  } else if ((!isAnnual(base) || !isAnnual(other)) && spanLabel(base) !== spanLabel(other)) {
    downgrade(
      'C',
      reason('spans_differ', {
        base: base.jurisdiction,
        baseSpan: spanLabel(base),
        other: other.jurisdiction,
        otherSpan: spanLabel(other),
      }),
    );
  }

  for (const p of [base, other]) {
    if (p.derivedFrom === undefined) continue;
    for (const flag of p.flags)
      downgrade('C', derivedFlagReason(indicator, { ...p, derivedFrom: p.derivedFrom }, flag));
  }

  if (indicator.measureType === 'count') {
    if (!indicator.perCapita) {
      downgrade('C', reason('count_not_per_resident', { indicator: indicator.name }));
    } else if (per === 'absolute') {
      downgrade('C', reason('absolute_counts', { base: base.jurisdiction, other: other.jurisdiction }));
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
        reason('units_differ', {
          base: base.jurisdiction,
          baseUnit: unitOf(base),
          other: other.jurisdiction,
          otherUnit: unitOf(other),
        }),
      );
    } else {
      downgrade('B', reason('amounts_not_adjusted', { unit: unitOf(base) }));
    }
  }

  const level = levelReason(base, other);
  if (level !== null) downgrade('B', level);
  const profile = profileReason(indicator, base, other);
  if (profile !== null) downgrade('B', profile);

  const quality = [base, other].map(qualityIssue).filter((issue) => issue !== null);
  if (quality.length === 0) return { grade: worstSoFar(), reasons };
  const stepped = STEP_DOWN[worstSoFar()];
  reasons.push(reason('source_quality', { issues: quality, grade: stepped }));
  return { grade: stepped, reasons };
}

/** Whether the two values are in one unit, so their difference and ratio mean something. */
function sameUnit(indicator: Indicator, base: Point, other: Point): boolean {
  if (base.normalised !== other.normalised) return false;
  if (indicator.measureType !== 'currency') return true;
  return (base.unitAsRead ?? indicator.unit) === (other.unitAsRead ?? indicator.unit);
}

/** 'higher' | 'lower' | 'similar' by the relative gap to the benchmark (tolerance as a fraction, e.g. 0.05). */
export function assessDifference(
  base: number,
  benchmark: number,
  tolerance: number = SIMILAR_TOLERANCE,
): 'higher' | 'lower' | 'similar' {
  const gap = benchmark === 0 ? (base === 0 ? 0 : Math.sign(base)) : (base - benchmark) / Math.abs(benchmark);
  if (Math.abs(gap) <= tolerance + 1e-12) return 'similar';
  return gap > 0 ? 'higher' : 'lower';
}

/**
 * 'better' | 'worse' for a higher or lower figure, only where the direction is unambiguous (not neutral, not
 * detection) and the grade is A or B; null otherwise.
 */
export function judgementOf(
  assessment: Assessment,
  indicator: Pick<Indicator, 'direction' | 'directionMeaning'>,
  grade: ComparabilityGrade | null,
): Judgement | null {
  if (assessment !== 'higher' && assessment !== 'lower') return null;
  if (grade !== 'A' && grade !== 'B') return null;
  if (indicator.direction === 'neutral' || indicator.directionMeaning === 'detection') return null;
  return (assessment === 'higher') === (indicator.direction === 'higher_is_better') ? 'better' : 'worse';
}

const formatBound = (n: number) => Number(n.toPrecision(3)).toString();
const describeInterval = (p: Point) =>
  p.interval === null
    ? `${p.jurisdiction} ${formatBound(p.value ?? 0)}`
    : `${p.jurisdiction} ${formatBound(p.interval.low)}–${formatBound(p.interval.high)}`;

function compareAt(
  ctx: Context,
  year: number,
  base: Point | undefined,
  jurisdiction: JurisdictionId,
  other: Point | undefined,
): BenchmarkComparison {
  const empty = { difference: null, ratio: null, assessment: 'not_assessed' as const, judgement: null };
  if (base === undefined || other === undefined) {
    const missing = reason('no_figure', {
      base: base === undefined,
      other: other === undefined ? jurisdiction : null,
      year,
    });
    return {
      jurisdiction,
      year,
      point: publicPoint(other),
      ...empty,
      grade: null,
      reasons: [renderReason(missing, ctx.locale)],
    };
  }
  const { indicator, tolerance } = ctx;
  const g = grade(ctx, base, other);
  const why = [...g.reasons];
  const rendered = () => why.map((r) => renderReason(r, ctx.locale));
  for (const p of [base, other]) {
    if (p.suppressed) why.push(reason('suppressed', { jurisdiction: p.jurisdiction }));
  }
  if (base.value === null || other.value === null) {
    return { jurisdiction, year, point: publicPoint(other), ...empty, grade: g.grade, reasons: rendered() };
  }
  const differenced = sameUnit(indicator, base, other);
  if (!differenced) {
    why.push(
      reason('not_same_unit', { jurisdiction: base.normalised ? other.jurisdiction : base.jurisdiction }),
    );
  }
  const difference = differenced ? base.value - other.value : null;
  const ratio = differenced && other.value !== 0 ? base.value / other.value : null;
  let assessment: Assessment = 'not_assessed';
  if (g.grade === 'C') why.push(reason('grade_c', {}));
  else if (indicator.direction === 'neutral') why.push(reason('neutral_direction', {}));
  else if (
    (base.interval !== null || other.interval !== null) &&
    intervalsOverlap(
      base.interval ?? { low: base.value, high: base.value, level: 0.95 },
      other.interval ?? { low: other.value, high: other.value, level: 0.95 },
    )
  ) {
    assessment = 'indistinguishable';
    why.push(reason('intervals_overlap', { base: describeInterval(base), other: describeInterval(other) }));
  } else assessment = assessDifference(base.value, other.value, tolerance);
  if (indicator.directionMeaning === 'detection' && g.grade !== 'C')
    why.push(reason('measures_detection', { indicator: indicator.name }));
  return {
    jurisdiction,
    year,
    point: publicPoint(other),
    difference,
    ratio,
    assessment,
    judgement: judgementOf(assessment, indicator, g.grade),
    grade: g.grade,
    reasons: rendered(),
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
    locale: input.options?.locale ?? DEFAULT_LOCALE,
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
    unit: normalises(indicator, ctx.per) ? PER_100K_UNIT[ctx.locale] : indicator.unit,
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
  locale: Locale = DEFAULT_LOCALE,
): StandIn | null {
  if (hasData(baseId)) return { jurisdiction: baseId, standIn: false, label: null };
  const found = ancestors.find((id) => id !== baseId && hasData(id));
  if (found === undefined) return null;
  return {
    jurisdiction: found,
    standIn: true,
    label: renderReason(reason('stand_in', { shown: found, base: baseId }), locale),
  };
}
