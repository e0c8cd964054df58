import { INDICATORS } from '../catalogue/indicators.js';
import type { JurisdictionTree } from '../catalogue/jurisdiction-tree.js';
import { breakdownEntries, cellKey, type ObservationCell } from '../cell.js';
import type {
  Disaggregation,
  DisaggregationDimension,
  Indicator,
  IndicatorId,
  JurisdictionKind,
  Observation,
} from '../contracts.js';

export const DEFAULT_SUPPRESSION_K = 5;

/** A published figure as the attacker model reads it; `withheld` when stored as not free (CONF_STATUS other than F). */
export type DisclosureFigure = Pick<
  Observation,
  | 'id'
  | 'indicator'
  | 'jurisdiction'
  | 'year'
  | 'yearEnd'
  | 'period'
  | 'disaggregation'
  | 'definition'
  | 'value'
> & { withheld: boolean };

export type ModelCell = { key: string; cell: ObservationCell };

export type FigureRole = 'count' | 'rate' | 'denominator';

export type ModelFigure = {
  id: number;
  /** The cell the figure reports: its own for a count or denominator, the counted cell for a rate. */
  cell: number;
  value: number;
  role: FigureRole;
  /** The count the figure stands for (the value, or rate × denominator / factor); null when not known. */
  count: number | null;
  primary: boolean;
  withheld: boolean;
};

export type EquationKind = 'breakdown' | 'span' | 'geography' | 'rate';

/**
 * `Σ coef·cell` is 0 (`=`) or at least 0 (`>=`). A rate's two equations hold only while its rate figure (`figure`)
 * is published: the count lies within rate × denominator / factor, the rate read ± half its last published digit.
 */
export type Equation = {
  kind: EquationKind;
  terms: { cell: number; coef: number }[];
  sense: '=' | '>=';
  figure?: number;
};

export type DisclosureModel = {
  k: number;
  cells: ModelCell[];
  figures: ModelFigure[];
  equations: Equation[];
};

export type DisclosureComponent = { cells: number[]; figures: number[]; equations: number[] };

const IDENTIFYING_INDICATORS = INDICATORS.filter((indicator) => indicator.identifying).length;

export const SUPPRESSION_METHOD =
  `Counts of people that could identify victims, and the rates and shares computed from them ` +
  `(${IDENTIFYING_INDICATORS} indicators in the catalogue), are never published when the count lies between 1 ` +
  `and ${DEFAULT_SUPPRESSION_K - 1} (the threshold k is ${DEFAULT_SUPPRESSION_K}): these are the primary cells. ` +
  'We assume an attacker who reads every figure we publish and takes all figures of one indicator and ' +
  'definition as consistent: a total equals the sum of its breakdowns in every dimension and combination of ' +
  'dimensions; a multi-year figure equals the sum of its years; a district equals the sum of its tehsils and a ' +
  'division the sum of its districts, as the boundaries stood that year (at least the sum where the list of ' +
  'parts is incomplete); the same cell from two sources is the same number; a rate times the published ' +
  'population is a count. A cell such an equation implies but nobody reported is an unknown of at least 0. ' +
  'For every primary cell, the range of values consistent with everything published (found by linear ' +
  `programming, relaxed to real numbers) must be at least ${DEFAULT_SUPPRESSION_K} wide, so it never lies ` +
  `inside 1 to ${DEFAULT_SUPPRESSION_K - 1}. Where it is not, further figures are withheld, smallest value ` +
  'first (complementary suppression), until it is. The pattern is recomputed and audited by the same attacker ' +
  'model whenever the published figures change, so every page and download withholds the same figures. ' +
  'Zeros stay visible: a true zero reveals no one. Suppressed is neither zero nor missing: a suppressed figure ' +
  'exists but is withheld and shows as “suppressed”; a figure never reported stays missing. Sums and ratios ' +
  'are never computed from suppressed figures.';

const SPAN = 1;
const BREAKDOWN = 2;
const DOWN = 4;
const UP = 8;
const ALL = SPAN | BREAKDOWN | DOWN | UP;

/** Breakdown dimensions whose categories need not cover the total: the total is at least their sum. */
const OPEN_DIMENSIONS: ReadonlySet<DisaggregationDimension> = new Set(['incident']);
const TOLERANCE = 1e-6;
/** Units that partition their parent; an FIA zone or an aggregate is no part of a civil total. */
const CIVIL_UNITS: ReadonlySet<JurisdictionKind> = new Set(['province', 'division', 'district', 'tehsil']);

type Options = { k?: number; indicators?: readonly Indicator[] };

/**
 * The linear system an attacker who assumes consistency would build from every published figure (see
 * `DISCLOSURE_METHOD`): one unknown per cell, equations per indicator and definition, the jurisdiction tree read
 * as of each figure's year. An equation the reported values themselves break is weakened to `>=` (parts missing
 * from a list) or dropped (inconsistent sources), so the true values always satisfy the system.
 */
export function buildDisclosureModel(
  published: readonly DisclosureFigure[],
  tree: JurisdictionTree,
  { k = DEFAULT_SUPPRESSION_K, indicators = INDICATORS }: Options = {},
): DisclosureModel {
  const catalogue = new Map(indicators.map((i) => [i.id, i]));
  const cells: ModelCell[] = [];
  const flags: number[] = [];
  const done: number[] = [];
  const queue: number[] = [];
  const index = new Map<string, number>();
  const cellIndex = (cell: ObservationCell, flag: number): number => {
    const key = cellKey(cell);
    let i = index.get(key);
    if (i === undefined) {
      i = cells.length;
      index.set(key, i);
      cells.push({ key, cell });
      flags.push(0);
      done.push(0);
    }
    const before = flags[i] as number;
    flags[i] = before | flag;
    if ((before | flag) !== before) queue.push(i);
    return i;
  };

  const counted = (i: Indicator | undefined) => i?.identifying === true && i.formula === undefined;
  const rates = (i: Indicator | undefined) => i?.identifying === true && i.formula !== undefined;
  const cellOfFigure = (f: DisclosureFigure, indicator = f.indicator): ObservationCell => ({
    indicator,
    jurisdiction: f.jurisdiction,
    year: f.year,
    yearEnd: f.yearEnd,
    ...(f.period ? { period: f.period } : {}),
    disaggregation: f.disaggregation,
    definition: f.definition,
  });

  const figures: ModelFigure[] = [];
  const rateFigures: { figure: number; denominator: number; factor: number }[] = [];
  const denominatorsNeeded = new Set<string>();
  for (const f of published) {
    const indicator = catalogue.get(f.indicator);
    if (f.value === null) continue;
    if (counted(indicator)) {
      const primary = !f.withheld && f.value > 0 && f.value < k;
      figures.push({
        id: f.id,
        cell: cellIndex(cellOfFigure(f), ALL),
        value: f.value,
        role: 'count',
        count: f.value,
        primary,
        withheld: f.withheld,
      });
    } else if (rates(indicator) && indicator?.formula) {
      const { numerator, denominator, factor } = indicator.formula;
      const denominatorCell = cellOfFigure(f, denominator);
      const denominatorIndicator = catalogue.get(denominator);
      if (!counted(denominatorIndicator)) denominatorsNeeded.add(cellKey(denominatorCell));
      rateFigures.push({
        figure: figures.length,
        denominator: cellIndex(denominatorCell, counted(denominatorIndicator) ? ALL : 0),
        factor,
      });
      figures.push({
        id: f.id,
        cell: cellIndex(cellOfFigure(f, numerator), ALL),
        value: f.value,
        role: 'rate',
        count: null,
        primary: false,
        withheld: f.withheld,
      });
    }
  }
  for (const f of published) {
    if (f.value === null || !denominatorsNeeded.has(cellKey(cellOfFigure(f)))) continue;
    figures.push({
      id: f.id,
      cell: cellIndex(cellOfFigure(f), 0),
      value: f.value,
      role: 'denominator',
      count: null,
      primary: false,
      withheld: false,
    });
  }

  const categories = new Map<string, Map<DisaggregationDimension, Set<string>>>();
  const listed = new Map<string, Set<string>>();
  const reported = new Set<string>();
  const familyOf = (c: ObservationCell) => `${c.indicator}|${c.definition}`;
  const marginOf = (c: ObservationCell, dimension: DisaggregationDimension) => {
    const margin: Disaggregation = { ...c.disaggregation };
    delete margin[dimension];
    return { ...c, disaggregation: margin };
  };
  const listKey = (total: ObservationCell, dimension: string) => `${cellKey(total)}#${dimension}`;
  for (const c of cells) {
    if (flags[index.get(c.key) as number] === 0) continue;
    reported.add(c.key);
    const family = categories.get(familyOf(c.cell)) ?? new Map<DisaggregationDimension, Set<string>>();
    categories.set(familyOf(c.cell), family);
    for (const [dimension, category] of breakdownEntries(c.cell.disaggregation)) {
      const set = family.get(dimension) ?? new Set<string>();
      set.add(category);
      family.set(dimension, set);
      const key = listKey(marginOf(c.cell, dimension), dimension);
      listed.set(key, (listed.get(key) ?? new Set<string>()).add(category));
    }
  }

  const childrenByYear = new Map<number, Map<string, string[]>>();
  const childrenOf = (id: string, year: number): string[] => {
    let byParent = childrenByYear.get(year);
    if (!byParent) {
      byParent = new Map();
      for (const unit of tree.unitsAt(year)) {
        if (unit.parentId === null || !CIVIL_UNITS.has(unit.kind)) continue;
        byParent.set(unit.parentId, [...(byParent.get(unit.parentId) ?? []), unit.id]);
      }
      childrenByYear.set(year, byParent);
    }
    return byParent.get(id) ?? [];
  };

  const raw = new Map<string, { kind: EquationKind; total: number; parts: number[]; open: boolean }>();
  const addSum = (
    key: string,
    kind: EquationKind,
    total: ObservationCell,
    parts: ObservationCell[],
    flag: number,
    open = false,
  ) => {
    if (raw.has(key) || parts.length === 0) return;
    raw.set(key, {
      kind,
      total: cellIndex(total, kind === 'geography' ? UP : flag),
      parts: parts.map((p) => cellIndex(p, flag)),
      open,
    });
  };

  for (let q = 0; q < queue.length; q++) {
    const i = queue[q] as number;
    const pending = (flags[i] as number) & ~(done[i] as number);
    done[i] = flags[i] as number;
    if (pending === 0) continue;
    const { cell } = cells[i] as ModelCell;
    const whole = !cell.period;
    if (pending & SPAN && whole && cell.yearEnd > cell.year) {
      const years = Array.from({ length: cell.yearEnd - cell.year + 1 }, (_, n) => cell.year + n);
      addSum(
        `S|${cellKey(cell)}`,
        'span',
        cell,
        years.map((year) => ({ ...cell, year, yearEnd: year })),
        BREAKDOWN | DOWN | UP,
      );
    }
    if (pending & BREAKDOWN) {
      const family = categories.get(familyOf(cell));
      for (const [dimension] of breakdownEntries(cell.disaggregation)) {
        const total = marginOf(cell, dimension);
        // Under a reported total, the categories published with it are taken as all of them (one left out counts
        // 0, as a reader of the table assumes); under a total never reported, every category of the family.
        const list =
          (reported.has(cellKey(total)) ? listed.get(listKey(total, dimension)) : undefined) ??
          family?.get(dimension) ??
          [];
        const parts = [...list].map((category) => ({
          ...cell,
          disaggregation: { ...total.disaggregation, [dimension]: category },
        }));
        addSum(
          `B|${cellKey(total)}|${dimension}`,
          'breakdown',
          total,
          parts,
          ALL,
          OPEN_DIMENSIONS.has(dimension),
        );
      }
    }
    if (!whole || cell.yearEnd !== cell.year) continue;
    const place = (jurisdiction: string): ObservationCell => ({ ...cell, jurisdiction });
    if (pending & DOWN) {
      const children = childrenOf(cell.jurisdiction, cell.year);
      addSum(`G|${cellKey(cell)}`, 'geography', cell, children.map(place), 0);
    }
    if (pending & UP) {
      const parent = tree.parentOf(cell.jurisdiction, cell.year);
      if (parent !== null && CIVIL_UNITS.has(tree.find(cell.jurisdiction)?.kind ?? 'aggregate')) {
        const siblings = childrenOf(parent, cell.year);
        addSum(`G|${cellKey(place(parent))}`, 'geography', place(parent), siblings.map(place), 0);
      }
    }
  }

  const known = new Map<number, { min: number; max: number }>();
  for (const f of figures) {
    if (f.role === 'rate') continue;
    const seen = known.get(f.cell);
    known.set(f.cell, {
      min: Math.min(seen?.min ?? f.value, f.value),
      max: Math.max(seen?.max ?? f.value, f.value),
    });
  }
  for (const { figure, denominator, factor } of rateFigures) {
    const f = figures[figure] as ModelFigure;
    const d = known.get(denominator);
    if (d === undefined || d.min !== d.max) continue;
    f.count = (f.value * d.min) / factor;
    const rounded = Math.round(f.count);
    f.primary = !f.withheld && rounded > 0 && rounded < k;
  }

  const equations: Equation[] = [];
  for (const { kind, total, parts, open } of raw.values()) {
    const sense = senseFor(known, total, parts, open);
    if (sense === null) continue;
    equations.push({
      kind,
      sense,
      terms: [{ cell: total, coef: 1 }, ...parts.map((cell) => ({ cell, coef: -1 }))],
    });
  }
  for (const { figure, denominator, factor } of rateFigures) {
    const f = figures[figure] as ModelFigure;
    const half = halfUnitOf(f.value);
    const bound = (rate: number, sign: 1 | -1): Equation => ({
      kind: 'rate',
      sense: '>=',
      figure,
      terms: [
        { cell: f.cell, coef: sign },
        { cell: denominator, coef: (-sign * rate) / factor },
      ],
    });
    equations.push(bound(f.value - half, 1), bound(f.value + half, -1));
  }
  return { k, cells, figures, equations };
}

/** Half a unit in the last decimal a rate is published with: the rounding the attacker must allow for. */
function halfUnitOf(value: number): number {
  const decimals = /\.(\d+)$/.exec(String(value))?.[1]?.length ?? 0;
  return /e/i.test(String(value)) ? Math.abs(value) * 1e-9 : 0.5 * 10 ** -decimals;
}

/**
 * The strongest sense the reported values allow: `=` when they can add up, `>=` when every part is reported and
 * they add up to less (an incomplete list of parts), null (dropped) when the parts exceed the total.
 */
function senseFor(
  known: ReadonlyMap<number, { min: number; max: number }>,
  total: number,
  parts: readonly number[],
  open: boolean,
): '=' | '>=' | null {
  const t = known.get(total);
  if (t === undefined) return open ? '>=' : '=';
  let sum = 0;
  let complete = true;
  for (const part of parts) {
    const p = known.get(part);
    if (p === undefined) complete = false;
    else sum += p.min;
  }
  if (sum > t.max + TOLERANCE) return null;
  if (open) return '>=';
  return complete && sum < t.min - TOLERANCE ? '>=' : '=';
}

/**
 * The indicators the attacker model reads, in groups no equation crosses: an identifying indicator with its
 * rate's numerator and denominator. Figures of one group and one definition form a disclosure family; the model
 * of all figures is the disjoint union of the families' models, so each family is protected on its own.
 */
export function disclosureIndicatorGroups(indicators: readonly Indicator[] = INDICATORS): IndicatorId[][] {
  const parent = new Map<IndicatorId, IndicatorId>();
  const find = (id: IndicatorId): IndicatorId => {
    let root = id;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root) as IndicatorId;
    parent.set(id, root);
    return root;
  };
  const join = (a: IndicatorId, b: IndicatorId) => {
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  };
  for (const indicator of indicators) {
    if (!indicator.identifying) continue;
    if (!parent.has(indicator.id)) parent.set(indicator.id, indicator.id);
    if (indicator.formula) {
      join(indicator.id, indicator.formula.numerator);
      join(indicator.id, indicator.formula.denominator);
    }
  }
  const groups = new Map<IndicatorId, IndicatorId[]>();
  for (const id of parent.keys()) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return [...groups.values()]
    .map((g) => g.sort())
    .sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

/** The model split into independent systems: cells linked by an equation, with their figures and equations. */
export function disclosureComponents(model: DisclosureModel): DisclosureComponent[] {
  const parent = model.cells.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  for (const eq of model.equations) {
    const [first, ...rest] = eq.terms;
    if (!first) continue;
    for (const t of rest) parent[find(t.cell)] = find(first.cell);
  }
  const byRoot = new Map<number, DisclosureComponent>();
  const of = (cell: number) => {
    const root = find(cell);
    let c = byRoot.get(root);
    if (!c) byRoot.set(root, (c = { cells: [], figures: [], equations: [] }));
    return c;
  };
  model.cells.forEach((_, i) => of(i).cells.push(i));
  model.figures.forEach((f, i) => of(f.cell).figures.push(i));
  model.equations.forEach((eq, i) => of((eq.terms[0] as { cell: number }).cell).equations.push(i));
  return [...byRoot.values()];
}

/** An equation as a reader checks it, e.g. `victims_identified|PK-PB-GUJ|2022|2022||standard = … + …`. */
export function describeEquation(model: DisclosureModel, eq: Equation): string {
  const name = (cell: number) => (model.cells[cell] as ModelCell).key;
  const [total, ...parts] = eq.terms;
  if (!total) return '';
  if (eq.kind === 'rate') {
    const figure = model.figures[eq.figure as number] as ModelFigure;
    const terms = eq.terms.map((t) => `${Number(t.coef.toPrecision(6))} × ${name(t.cell)}`).join(' + ');
    return `rate (figure ${figure.id}): ${terms} >= 0`;
  }
  return `${eq.kind}: ${name(total.cell)} ${eq.sense === '=' ? '=' : '>='} ${parts.map((p) => name(p.cell)).join(' + ')}`;
}
