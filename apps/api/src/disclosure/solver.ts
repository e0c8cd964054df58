import {
  describeEquation,
  disclosureComponents,
  type DisclosureComponent,
  type DisclosureModel,
  type ModelFigure,
} from '@fourp/domain';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Highs } from 'highs';

export type Solver = Highs;
// The package's ESM entry and its types disagree on the default export; its CommonJS entry matches them.
const { default: loadHighs } = createRequire(import.meta.url)('highs') as { default: () => Promise<Highs> };
export type DisclosureState = 'public' | 'small_count' | 'complementary';

/** Loads the HiGHS WebAssembly module; once per process, then every solve is synchronous. */
export const loadSolver = (): Promise<Solver> => loadHighs();

/** Smallest range a primary cell's consistent values must span (k = 5: never inside 1..4). */
const MIN_WIDTH = 5;
const TOLERANCE = 1e-6;

export type Interval = { min: number; max: number };

export type PinnedCell = {
  figureId: number;
  cell: string;
  interval: Interval;
  equations: string[];
};

export type AuditResult = { primaryCells: number; pinned: PinnedCell[] };

export type Protection = {
  /** Disclosure state of every identifying figure (counts and the rates computed from them), by figure id. */
  states: Map<number, DisclosureState>;
  audit: AuditResult;
};

const passes = (i: Interval | null): boolean => i !== null && i.max - i.min >= MIN_WIDTH - TOLERANCE;

type Scratch = ReturnType<Solver['createModel']>;

/**
 * Runs `work` with one HiGHS model that every LP of the run is loaded into in turn: a fresh model's first solve
 * costs about ten small solves. Presolve is off: the LPs are small and solved a few times each.
 */
function withScratch<T>(solver: Solver, work: (scratch: Scratch) => T): T {
  const scratch = solver.createModel();
  try {
    scratch.options.set({ output_flag: false, presolve: 'off' });
    return work(scratch);
  } finally {
    scratch.dispose();
  }
}

/** Whether figure `f` is shown: neither hidden by the pattern nor withheld at the source. */
const shownIn =
  (model: DisclosureModel, hidden: ReadonlySet<number>) =>
  (f: number): boolean =>
    !hidden.has(f) && !(model.figures[f] as ModelFigure).withheld;

/** Bounds the published figures put on the block's cells: a cell reported by shown figures lies within their values. */
function boundsOf(model: DisclosureModel, block: DisclosureComponent, hidden: ReadonlySet<number>) {
  const bounds = new Map<number, Interval>();
  const shown = shownIn(model, hidden);
  for (const f of block.figures) {
    const figure = model.figures[f] as ModelFigure;
    if (figure.role === 'rate' || !shown(f)) continue;
    const seen = bounds.get(figure.cell);
    bounds.set(figure.cell, {
      min: Math.min(seen?.min ?? figure.value, figure.value),
      max: Math.max(seen?.max ?? figure.value, figure.value),
    });
  }
  return bounds;
}

/**
 * A feasible point of some block's LP: a value per cell of its component, by the cell's place in it (`slotOf`);
 * NaN outside the block, where the true value stands in.
 */
type Point = Float64Array;

/** Where each cell sits in its component, for every cell of the model at once (components share no cell). */
const slots = new WeakMap<DisclosureModel, Int32Array>();

function slotOf(model: DisclosureModel): Int32Array {
  const known = slots.get(model);
  if (known) return known;
  const slot = new Int32Array(model.cells.length);
  for (const component of disclosureComponents(model)) component.cells.forEach((c, i) => (slot[c] = i));
  slots.set(model, slot);
  return slot;
}

/**
 * The block's LP relaxation (a column per cell ≥ 0 within its published values, a row per equation; a block holds
 * only the rate rows whose rate is shown), loaded in one call, solved for the cell's min and max. With `found`,
 * each optimal solution is kept there as a witness point (in the order solved). With `known`, the cell's value at a
 * feasible point, the max is solved first and the min not at all when the max clears the width above `known`: the
 * interval returned then starts at `known`, as narrow as the range or narrower.
 */
function solveBlock(
  solver: Solver,
  lp: Scratch,
  model: DisclosureModel,
  block: DisclosureComponent,
  bounds: ReadonlyMap<number, Interval>,
  cell: number,
  found: { size: number; points: Point[] } | null,
  known?: number,
): Interval | null {
  const column = new Map(block.cells.map((c, i) => [c, i]));
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowUpper: number[] = [];
  for (const e of block.equations) {
    const eq = model.equations[e] as DisclosureModel['equations'][number];
    const merged = new Map<number, number>();
    for (const t of eq.terms) {
      const col = column.get(t.cell) as number;
      merged.set(col, (merged.get(col) ?? 0) + t.coef);
    }
    merged.forEach((value, col) => (indices.push(col), values.push(value)));
    starts.push(indices.length);
    rowUpper.push(eq.sense === '=' ? 0 : solver.infinity);
  }
  const colCost = block.cells.map((c) => (c === cell ? 1 : 0));
  lp.passModel({
    numCols: block.cells.length,
    numRows: rowUpper.length,
    colCost,
    colLower: block.cells.map((c) => bounds.get(c)?.min ?? 0),
    colUpper: block.cells.map((c) => bounds.get(c)?.max ?? solver.infinity),
    rowLower: rowUpper.map(() => 0),
    rowUpper,
    matrix: {
      format: 'csr',
      numRows: rowUpper.length,
      numCols: block.cells.length,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  });
  const optimise = (sense: 'minimize' | 'maximize'): number | null => {
    lp.changeObjectiveSense(solver.constants.objectiveSense[sense]);
    lp.run();
    const status = lp.getModelStatus();
    const { modelStatus } = solver.constants;
    if (status === modelStatus.optimal) {
      if (found) {
        const { colValue } = lp.getSolution();
        const slot = slotOf(model);
        const point: Point = new Float64Array(found.size).fill(NaN);
        block.cells.forEach((c, i) => (point[slot[c] as number] = colValue[i] as number));
        found.points.push(point);
      }
      return lp.getObjectiveValue();
    }
    if (status === modelStatus.unbounded || status === modelStatus.unboundedOrInfeasible) {
      return sense === 'maximize' ? Infinity : -Infinity;
    }
    return null;
  };
  if (known !== undefined) {
    const max = optimise('maximize');
    if (max !== null && max - known >= MIN_WIDTH + MARGIN) return { min: known, max };
    const min = optimise('minimize');
    return min === null || max === null ? null : { min, max };
  }
  const min = optimise('minimize');
  const max = optimise('maximize');
  return min === null || max === null ? null : { min, max };
}

/**
 * Witness points kept per component: all of them up to 2²³ values (64 MB; ~1,800 points of a 4,700-cell table),
 * then the newest that fit, never fewer than eight.
 */
const POINT_VALUES = 1 << 23;
/** How far a witness may stray from a bound or an equation: HiGHS's own primal feasibility tolerance is 1e-7. */
const SLACK = 1e-6;
/** A witnessed range must clear the width by this much more than the LP's tolerance, or the LP decides. */
const MARGIN = 1e-3;

/**
 * The reported value of each cell whose figures agree (withheld and hidden ones included): the true values, which
 * satisfy the whole system, by cell (NaN: not known). A witness point is completed with them outside its block.
 */
function truthOf(model: DisclosureModel): Float64Array {
  const truth = new Float64Array(model.cells.length).fill(NaN);
  const conflicting = new Set<number>();
  for (const f of model.figures) {
    if (f.role === 'rate') continue;
    const seen = truth[f.cell] as number;
    if (!Number.isNaN(seen) && seen !== f.value) conflicting.add(f.cell);
    truth[f.cell] = f.value;
  }
  conflicting.forEach((c) => (truth[c] = NaN));
  const known = (c: number) => !Number.isNaN(truth[c] as number);
  // A cell nobody reported takes the value its equation gives once every other cell of it is known.
  for (let found = true; found;) {
    found = false;
    for (const eq of model.equations) {
      if (eq.sense !== '=' || eq.figure !== undefined) continue;
      const unknown = eq.terms.filter((t) => !known(t.cell));
      const [only] = unknown;
      if (unknown.length !== 1 || !only) continue;
      const rest = eq.terms.reduce(
        (sum, t) => (t === only ? sum : sum + t.coef * (truth[t.cell] as number)),
        0,
      );
      truth[only.cell] = -rest / only.coef;
      found = true;
    }
  }
  return truth;
}

/** Whether the point (completed by `truth`) satisfies the block's LP: every cell within its bounds, every equation. */
function satisfies(
  value: (cell: number) => number,
  model: DisclosureModel,
  block: DisclosureComponent,
  bounds: ReadonlyMap<number, Interval>,
): boolean {
  for (const c of block.cells) {
    const v = value(c);
    const b = bounds.get(c);
    if (Number.isNaN(v) || v < (b?.min ?? 0) - SLACK || v > (b?.max ?? Infinity) + SLACK) return false;
  }
  for (const e of block.equations) {
    const eq = model.equations[e] as DisclosureModel['equations'][number];
    let sum = 0;
    for (const t of eq.terms) sum += t.coef * value(t.cell);
    if (sum < -SLACK || (eq.sense === '=' && sum > SLACK)) return false;
  }
  return true;
}

/**
 * A block with the bounds the published figures put on its cells, and which witness points satisfy its LP (found
 * once per point: the primary cells that share a block are checked against the same points).
 */
type BlockView = {
  block: DisclosureComponent;
  bounds: ReadonlyMap<number, Interval>;
  feasible: Map<Point | null, boolean>;
};

const viewOf = (
  model: DisclosureModel,
  block: DisclosureComponent,
  hidden: ReadonlySet<number>,
): BlockView => ({
  block,
  bounds: boundsOf(model, block, hidden),
  feasible: new Map(),
});

/**
 * Two feasible points of the block's LP whose values of the cell differ by at least the width prove the LP's range
 * at least that wide, without solving it. The true values are one candidate (`null`); the LP's earlier optima the
 * others. Returns the two that prove it, or null. Only ever proves a cell open; anything else is left to the LP.
 */
function witnessed(
  points: readonly (Point | null)[],
  truth: Float64Array,
  model: DisclosureModel,
  { block, bounds, feasible }: BlockView,
  cell: number,
): Proof | null {
  const slot = slotOf(model);
  let lo = Infinity;
  let hi = -Infinity;
  let low: Point | null = null;
  let high: Point | null = null;
  for (const point of points) {
    const value = (c: number) => {
      const v = point ? (point[slot[c] as number] as number) : NaN;
      return Number.isNaN(v) ? (truth[c] as number) : v;
    };
    const v = value(cell);
    if (Number.isNaN(v) || (v >= lo && v <= hi)) continue;
    let fits = feasible.get(point);
    if (fits === undefined) feasible.set(point, (fits = satisfies(value, model, block, bounds)));
    if (!fits) continue;
    if (v < lo) [lo, low] = [v, point];
    if (v > hi) [hi, high] = [v, point];
    if (hi - lo >= MIN_WIDTH + MARGIN) return [low, high];
  }
  return null;
}

/** Two witness points (null: the true values) that proved a cell's range wide; tried first when it is checked again. */
type Proof = [Point | null, Point | null];

/**
 * Whether the block's equations confine the cell to less than the width: bounds propagated through them (each
 * equation bounds each of its cells by the others' bounds, repeated) hold at every point of the LP, so the LP's
 * range is at most that wide (or empty). Only ever proves a cell narrow; anything else is left to the LP. The
 * equations near the cell go first (most narrow cells are decided there); with `whole`, then rounds over the
 * whole block, starting from the bounds found near the cell.
 */
function confined(
  model: DisclosureModel,
  component: DisclosureComponent,
  { block, bounds }: BlockView,
  cell: number,
  whole: boolean,
): boolean {
  const scratch = scratchOf(model);
  const { lo, hi, cellMark } = scratch;
  const tick = ++scratch.tick;
  const start = (c: number) => {
    if (cellMark[c] === tick) return;
    cellMark[c] = tick;
    lo[c] = bounds.get(c)?.min ?? 0;
    hi[c] = bounds.get(c)?.max ?? Infinity;
  };
  const narrow = () => (hi[cell] as number) - (lo[cell] as number) < MIN_WIDTH - MARGIN;
  const near = nearEquations(model, component, bounds, cell, tick);
  near.forEach((e) =>
    (model.equations[e] as DisclosureModel['equations'][number]).terms.forEach((t) => start(t.cell)),
  );
  for (let round = 0; round < NEAR_ROUNDS; round++) {
    let tightened = false;
    for (const e of near) {
      if (!tighten(model, e, scratch)) continue;
      if (narrow()) return true;
      tightened = true;
    }
    if (!tightened) break;
  }
  if (!whole) return false;
  block.cells.forEach(start);
  for (let round = 0; round < ROUNDS && !narrow(); round++) {
    let tightened = false;
    for (const e of block.equations) if (tighten(model, e, scratch)) tightened = true;
    if (!tightened) break;
  }
  return narrow();
}

/**
 * The cell's equations and those of the cells in them whose value is not fixed (all in its block), without rates:
 * marked with `tick` in the model's equation marks.
 */
function nearEquations(
  model: DisclosureModel,
  component: DisclosureComponent,
  bounds: ReadonlyMap<number, Interval>,
  cell: number,
  tick: number,
): number[] {
  const { equationsOf } = indexOf(model, component);
  const { equationMark } = scratchOf(model);
  const near: number[] = [];
  const add = (c: number) => {
    for (const e of equationsOf.get(c) ?? NONE) {
      if (equationMark[e] === tick || model.equations[e]?.figure !== undefined) continue;
      equationMark[e] = tick;
      near.push(e);
    }
  };
  add(cell);
  for (let i = 0, own = near.length; i < own; i++) {
    for (const { cell: c } of (model.equations[near[i] as number] as DisclosureModel['equations'][number])
      .terms) {
      const b = bounds.get(c);
      if (c !== cell && !(b && b.min === b.max)) add(c);
    }
  }
  return near;
}

/**
 * Tightens the bounds of equation `e`'s cells by the others' (Σ coef·x is 0, or ≥ 0); whether any moved. An
 * equation that repeats a cell is left alone.
 */
function tighten(model: DisclosureModel, e: number, { lo, hi, repeats }: ModelScratch): boolean {
  if (repeats[e]) return false;
  const eq = model.equations[e] as DisclosureModel['equations'][number];
  let tightened = false;
  // The sums of the terms' least and greatest values, infinite ones counted apart.
  let least = 0;
  let greatest = 0;
  let unboundedBelow = 0;
  let unboundedAbove = 0;
  for (const { cell: c, coef } of eq.terms) {
    const min = coef > 0 ? coef * (lo[c] as number) : coef * (hi[c] as number);
    const max = coef > 0 ? coef * (hi[c] as number) : coef * (lo[c] as number);
    if (min === -Infinity) unboundedBelow++;
    else least += min;
    if (max === Infinity) unboundedAbove++;
    else greatest += max;
  }
  for (const { cell: c, coef } of eq.terms) {
    // Each cell appears once, so its bounds are still those the sums were taken with.
    const min = coef > 0 ? coef * (lo[c] as number) : coef * (hi[c] as number);
    const max = coef > 0 ? coef * (hi[c] as number) : coef * (lo[c] as number);
    const othersLeast =
      unboundedBelow - (min === -Infinity ? 1 : 0) > 0 ? -Infinity : least - (min === -Infinity ? 0 : min);
    const othersGreatest =
      unboundedAbove - (max === Infinity ? 1 : 0) > 0 ? Infinity : greatest - (max === Infinity ? 0 : max);
    // coef·x lies in [−othersGreatest, −othersLeast] (for ≥: at least −othersGreatest).
    const low = -othersGreatest;
    const high = eq.sense === '=' ? -othersLeast : Infinity;
    const from = coef > 0 ? low / coef : high / coef;
    const to = coef > 0 ? high / coef : low / coef;
    if (from > (lo[c] as number) + STEP) {
      lo[c] = from;
      tightened = true;
    }
    if (to < (hi[c] as number) - STEP) {
      hi[c] = to;
      tightened = true;
    }
  }
  return tightened;
}

/** Sweeps over the equations near a cell before the whole block's. */
const NEAR_ROUNDS = 3;
/** Bound propagation stops after this many sweeps over the block's equations, or when a sweep tightens nothing. */
const ROUNDS = 12;
const STEP = 1e-7;

/** Per model: bounds by cell for `confined`, marks for the walks, and which equations repeat a cell. */
type ModelScratch = {
  lo: Float64Array;
  hi: Float64Array;
  /** A cell or equation is marked in the current walk when its mark equals `tick`. */
  cellMark: Uint32Array;
  equationMark: Uint32Array;
  tick: number;
  /** The same for the block walk at hand (`BlockWalk`), and which of its cells it walked on from. */
  blockCellMark: Uint32Array;
  blockEquationMark: Uint32Array;
  expanded: Uint32Array;
  blockTick: number;
  repeats: Uint8Array;
};

const scratches = new WeakMap<DisclosureModel, ModelScratch>();

function scratchOf(model: DisclosureModel): ModelScratch {
  const known = scratches.get(model);
  if (known) return known;
  const n = model.cells.length;
  const repeats = Uint8Array.from(model.equations, (eq) =>
    new Set(eq.terms.map((t) => t.cell)).size === eq.terms.length ? 0 : 1,
  );
  const scratch = {
    lo: new Float64Array(n),
    hi: new Float64Array(n),
    cellMark: new Uint32Array(n),
    equationMark: new Uint32Array(model.equations.length),
    tick: 0,
    blockCellMark: new Uint32Array(n),
    blockEquationMark: new Uint32Array(model.equations.length),
    expanded: new Uint32Array(n),
    blockTick: 0,
    repeats,
  };
  scratches.set(model, scratch);
  return scratch;
}

const NONE: readonly number[] = [];

const isZero = (f: ModelFigure) => Math.abs(f.count ?? f.value) < TOLERANCE;

type ComponentIndex = { figuresOf: Map<number, number[]>; equationsOf: Map<number, number[]> };

const indexes = new WeakMap<DisclosureComponent, ComponentIndex>();

/** Which figures report each cell and which equations hold it, built once per component. */
function indexOf(model: DisclosureModel, component: DisclosureComponent): ComponentIndex {
  const known = indexes.get(component);
  if (known) return known;
  const figuresOf = new Map<number, number[]>();
  for (const f of component.figures) {
    const figure = model.figures[f] as ModelFigure;
    if (figure.role === 'rate') continue;
    figuresOf.set(figure.cell, [...(figuresOf.get(figure.cell) ?? []), f]);
  }
  const equationsOf = new Map<number, number[]>();
  for (const e of component.equations) {
    for (const t of (model.equations[e] as DisclosureModel['equations'][number]).terms) {
      equationsOf.set(t.cell, [...(equationsOf.get(t.cell) ?? []), e]);
    }
  }
  const index = { figuresOf, equationsOf };
  indexes.set(component, index);
  return index;
}

/**
 * The published figures whose values bound `cell`, and the equations that link them to it: reached from the cell
 * through equations over unpublished cells. Population figures are never candidates; their rate figure is.
 */
function reach(
  model: DisclosureModel,
  component: DisclosureComponent,
  cell: number,
  hidden: ReadonlySet<number>,
): { figures: number[]; equations: number[] } {
  const { figuresOf, equationsOf } = indexOf(model, component);
  const shown = shownIn(model, hidden);
  const marks = scratchOf(model);
  const tick = ++marks.tick;
  const found = new Set<number>();
  const used: number[] = [];
  marks.cellMark[cell] = tick;
  const frontier = [cell];
  for (let c = frontier.pop(); c !== undefined; c = frontier.pop()) {
    let published = false;
    for (const f of figuresOf.get(c) ?? NONE)
      if (shown(f)) {
        found.add(f);
        published = true;
      }
    if (published && c !== cell) continue;
    for (const e of equationsOf.get(c) ?? NONE) {
      const eq = model.equations[e] as DisclosureModel['equations'][number];
      if (eq.figure !== undefined) {
        if (!shown(eq.figure)) continue;
        found.add(eq.figure);
      }
      if (marks.equationMark[e] !== tick) used.push(e);
      marks.equationMark[e] = tick;
      for (const t of eq.terms) {
        if (marks.cellMark[t.cell] === tick) continue;
        marks.cellMark[t.cell] = tick;
        frontier.push(t.cell);
      }
    }
  }
  return { figures: [...found], equations: used.sort((a, b) => a - b) };
}

/**
 * The published figures that bound the cell, cheapest hide first being the caller's choice: those `reach` finds,
 * taken from the walk's block when it is the cell's (the walk and `reach` visit the same cells unless the walk went
 * on from a cell with published figures that disagree, which `reach` stops at).
 */
export function candidatesFor(
  model: DisclosureModel,
  component: DisclosureComponent,
  cell: number,
  hidden: ReadonlySet<number>,
  walk?: BlockWalk,
): number[] {
  const shown = shownIn(model, hidden);
  const figures =
    walk && walk.cell === cell && !walk.throughPublished
      ? walk.block.figures.filter(shown)
      : reach(model, component, cell, hidden).figures;
  return figures.filter((f) => {
    const figure = model.figures[f] as ModelFigure;
    return figure.role !== 'denominator' && !isZero(figure);
  });
}

const cost = (f: ModelFigure) => f.count ?? f.value;

/** The candidate to hide next: the smallest count, then the first figure; undefined when there is none. */
function cheapest(model: DisclosureModel, candidates: readonly number[]): number | undefined {
  let best: number | undefined;
  let least = Infinity;
  for (const f of candidates) {
    const c = cost(model.figures[f] as ModelFigure);
    if (c < least || (c === least && f < (best as number))) [best, least] = [f, c];
  }
  return best;
}

/** The cell whose range a primary figure must keep open: its own, or for a rate the count it stands for. */
const targetOf = (f: ModelFigure) => f.cell;

/**
 * The part of the component the cell's range depends on: cells linked to it by equations through cells whose
 * value is not fixed by what is published (a fixed cell is a constant: it bounds, it does not link), and those
 * equations. The LP over it gives the cell the same range as the LP over the whole (consistent) component.
 * `block` grows in place: after a hide, `extendBlock` walks on from the hidden figure's cell only.
 */
export type BlockWalk = {
  cell: number;
  /** Cells in walk order, their figures and the rates of the equations (a rate may repeat), equations unsorted. */
  block: DisclosureComponent;
  /** Marks of this walk in the model's block marks; a newer walk invalidates it. */
  tick: number;
  /** Whether the walk went on from a cell other than its own with published figures (that disagree). */
  throughPublished: boolean;
};

function fixedBy(model: DisclosureModel, figures: readonly number[], shown: (f: number) => boolean): boolean {
  let value: number | undefined;
  for (const f of figures) {
    const figure = model.figures[f] as ModelFigure;
    if (!shown(f)) continue;
    if (value !== undefined && figure.value !== value) return false;
    value = figure.value;
  }
  return value !== undefined;
}

export function walkBlock(
  model: DisclosureModel,
  component: DisclosureComponent,
  cell: number,
  hidden: ReadonlySet<number>,
): BlockWalk {
  const marks = scratchOf(model);
  const walk: BlockWalk = {
    cell,
    block: { cells: [cell], figures: [], equations: [] },
    tick: ++marks.blockTick,
    throughPublished: false,
  };
  marks.blockCellMark[cell] = walk.tick;
  walk.block.figures.push(...(indexOf(model, component).figuresOf.get(cell) ?? NONE));
  walkFrom(model, component, walk, cell, hidden);
  return walk;
}

/** Expands the walk from `from` (already in the block) through the cells whose value is not fixed. */
function walkFrom(
  model: DisclosureModel,
  component: DisclosureComponent,
  walk: BlockWalk,
  from: number,
  hidden: ReadonlySet<number>,
) {
  const { figuresOf, equationsOf } = indexOf(model, component);
  const { blockCellMark, blockEquationMark, expanded } = scratchOf(model);
  const { tick, block } = walk;
  const shown = shownIn(model, hidden);
  const frontier = [from];
  for (let c = frontier.pop(); c !== undefined; c = frontier.pop()) {
    if (c !== walk.cell) {
      const figures = figuresOf.get(c) ?? NONE;
      if (fixedBy(model, figures, shown)) continue;
      if (figures.some(shown)) walk.throughPublished = true;
    }
    expanded[c] = tick;
    for (const e of equationsOf.get(c) ?? NONE) {
      const eq = model.equations[e] as DisclosureModel['equations'][number];
      if (blockEquationMark[e] === tick || (eq.figure !== undefined && !shown(eq.figure))) continue;
      blockEquationMark[e] = tick;
      block.equations.push(e);
      if (eq.figure !== undefined) block.figures.push(eq.figure);
      for (const t of eq.terms) {
        if (blockCellMark[t.cell] === tick) continue;
        blockCellMark[t.cell] = tick;
        block.cells.push(t.cell);
        block.figures.push(...(figuresOf.get(t.cell) ?? NONE));
        frontier.push(t.cell);
      }
    }
  }
}

/**
 * The cells whose own walk gives the walk's block (the same cells, figures and equations, in another order): every
 * cell it walked on from, itself included when its value is not fixed by what is published. Only while the walk's
 * marks are the newest.
 */
export function cellsSharing(
  model: DisclosureModel,
  component: DisclosureComponent,
  walk: BlockWalk,
  hidden: ReadonlySet<number>,
): number[] {
  const { expanded, blockTick } = scratchOf(model);
  if (walk.tick !== blockTick) throw new Error('cellsSharing: a newer walk took the marks');
  const figures = indexOf(model, component).figuresOf.get(walk.cell) ?? NONE;
  if (fixedBy(model, figures, shownIn(model, hidden))) return [walk.cell];
  return walk.block.cells.filter((c) => expanded[c] === walk.tick);
}

/**
 * The walk once figure `f` is hidden as well: hiding a count can only unfix its cell, which then links the cells
 * beyond it, so the walk goes on from there; the rare other cases (a rate, whose equations leave the block, or a
 * cell fixed by hiding one of two disagreeing figures) walk again from the start.
 */
export function extendBlock(
  model: DisclosureModel,
  component: DisclosureComponent,
  walk: BlockWalk,
  f: number,
  hidden: ReadonlySet<number>,
): BlockWalk {
  const figure = model.figures[f] as ModelFigure;
  const marks = scratchOf(model);
  if (figure.role === 'rate') return walkBlock(model, component, walk.cell, hidden);
  const c = figure.cell;
  if (marks.blockCellMark[c] !== walk.tick || c === walk.cell) return walk;
  const fixed = fixedBy(model, indexOf(model, component).figuresOf.get(c) ?? NONE, shownIn(model, hidden));
  if (marks.expanded[c] === walk.tick) return fixed ? walkBlock(model, component, walk.cell, hidden) : walk;
  if (!fixed) walkFrom(model, component, walk, c, hidden);
  return walk;
}

/** One protect or audit run: the solver, its reused model, and the witness points of the component at hand. */
type Run = {
  solver: Solver;
  lp: Scratch;
  model: DisclosureModel;
  /** Null when every cell is decided by the LP. */
  witnesses: Witnesses | null;
  truth: () => Float64Array;
  counts: SolveCounts | undefined;
};

/**
 * The component at hand's witness points: the optima its LPs gave, oldest first, up to `POINT_VALUES` (a point
 * solved for one cell often proves another's range wide: keeping them all, not the newest eight, cut the LPs of a
 * 4,702-figure table from 346 to 42), and per cell the two points that last proved its range wide. Hiding more only
 * widens ranges, so a proof usually holds again; it is checked again all the same.
 */
type Witnesses = { points: Point[]; proofs: Map<number, Proof> };

function startComponent(run: Run, component: DisclosureComponent) {
  if (!run.witnesses) return;
  run.witnesses = { points: [], proofs: new Map() };
  completeTruth(run, component);
}

/**
 * Gives the component's cells that no agreed reported value or single equation fixes (the units of a table not yet
 * published) a value: any solution of its equations with every known cell at its true value completes the truth,
 * so that a witness point solved on one block can be checked on a larger one.
 */
function completeTruth(run: Run, component: DisclosureComponent) {
  const { model } = run;
  const truth = run.truth();
  const unknown = component.cells.filter((c) => Number.isNaN(truth[c] as number));
  const [first] = unknown;
  if (first === undefined) return;
  const bounds = new Map<number, Interval>();
  for (const c of component.cells) {
    const value = truth[c] as number;
    if (!Number.isNaN(value)) bounds.set(c, { min: value, max: value });
  }
  const system = {
    cells: component.cells,
    figures: [],
    equations: component.equations.filter((e) => model.equations[e]?.figure === undefined),
  };
  const found = { size: component.cells.length, points: [] as Point[] };
  if (run.counts) run.counts.lpSolves++;
  solveBlock(run.solver, run.lp, model, system, bounds, first, found);
  const [point] = found.points;
  const slot = slotOf(model);
  if (point) for (const c of unknown) truth[c] = point[slot[c] as number] as number;
}

/** What a run did, for benchmarks: blocks looked at (one per cell decided), the largest, LPs solved (min and max each). */
export type SolveCounts = { blocks: number; largestBlock: number; lpSolves: number };

export type ProtectOptions = {
  /** Decide every cell by the LP, never by witness points: the reference the shortcut is measured and tested against. */
  lpOnly?: boolean;
  /** Added to as the run goes. */
  counts?: SolveCounts;
};

/**
 * Whether the cell's range given what is published (all but `hidden`) is at least the width, as the LP over its
 * block answers. Unless `lpOnly`, one equation may prove it narrow and witness points may prove it wide first.
 */
function opens(
  run: Run,
  component: DisclosureComponent,
  cell: number,
  hidden: ReadonlySet<number>,
  view = viewOf(run.model, walkBlock(run.model, component, cell, hidden).block, hidden),
): boolean {
  const { block, bounds } = view;
  if (run.counts) {
    run.counts.blocks++;
    run.counts.largestBlock = Math.max(run.counts.largestBlock, block.cells.length);
  }
  const { witnesses } = run;
  if (witnesses) {
    const known = witnesses.proofs.get(cell);
    if (known && witnessed(known, run.truth(), run.model, view, cell)) return true;
    if (confined(run.model, component, view, cell, false)) return false;
    const proof = witnessed([null, ...witnesses.points], run.truth(), run.model, view, cell);
    if (proof) {
      witnesses.proofs.set(cell, proof);
      return true;
    }
    if (confined(run.model, component, view, cell, true)) return false;
  }
  if (run.counts) run.counts.lpSolves++;
  const optima = witnesses && { size: component.cells.length, points: [] as Point[] };
  // The true values fit the block (`witnessed` checked them): a max the width above the cell's value is wide enough.
  const known = view.feasible.get(null) ? run.truth()[cell] : undefined;
  const open = passes(solveBlock(run.solver, run.lp, run.model, block, bounds, cell, optima, known));
  if (witnesses && optima) {
    const [first, second] = optima.points;
    if (open && first) witnesses.proofs.set(cell, [first, second ?? null]);
    witnesses.points.push(...optima.points);
    const room = Math.max(8, Math.floor(POINT_VALUES / component.cells.length));
    if (witnesses.points.length > room) witnesses.points.splice(0, witnesses.points.length - room);
  }
  return open;
}

/** The cell's range given what is published, from the LP; null when the system has no solution. */
function rangeOf(run: Run, component: DisclosureComponent, cell: number, hidden: ReadonlySet<number>) {
  const { block } = walkBlock(run.model, component, cell, hidden);
  return solveBlock(run.solver, run.lp, run.model, block, boundsOf(run.model, block, hidden), cell, null);
}

function auditComponent(
  run: Run,
  component: DisclosureComponent,
  hidden: ReadonlySet<number>,
): { primaryCells: number; pinned: PinnedCell[] } {
  const { model } = run;
  const pinned: PinnedCell[] = [];
  let primaryCells = 0;
  const primaries = component.figures.filter((f) => model.figures[f]?.primary);
  const targets = new Set(primaries.map((f) => targetOf(model.figures[f] as ModelFigure)));
  // The pattern is final here, so the primary cells one walk reaches share its block: walked and bounded once.
  const views = new Map<number, BlockView>();
  for (const f of primaries) {
    const figure = model.figures[f] as ModelFigure;
    primaryCells++;
    const target = targetOf(figure);
    let view = views.get(target);
    if (!view) {
      const walk = walkBlock(model, component, target, hidden);
      view = viewOf(model, walk.block, hidden);
      for (const c of cellsSharing(model, component, walk, hidden)) if (targets.has(c)) views.set(c, view);
    }
    views.delete(target);
    if (opens(run, component, target, hidden, view)) continue;
    const interval = rangeOf(run, component, targetOf(figure), hidden);
    pinned.push({
      figureId: figure.id,
      cell: model.cells[figure.cell]?.key ?? '',
      interval: interval ?? { min: NaN, max: NaN },
      equations: reach(model, component, figure.cell, hidden).equations.map((e) =>
        describeEquation(model, model.equations[e] as DisclosureModel['equations'][number]),
      ),
    });
  }
  return { primaryCells, pinned };
}

function startRun(solver: Solver, model: DisclosureModel, options: ProtectOptions) {
  let truth: Float64Array | undefined;
  const witnesses = options.lpOnly ? null : { points: [], proofs: new Map() };
  return <T>(work: (run: Run) => T): T =>
    withScratch(solver, (lp) =>
      work({ solver, lp, model, witnesses, truth: () => (truth ??= truthOf(model)), counts: options.counts }),
    );
}

/**
 * Primary then secondary suppression: hides every primary figure, then, while a primary cell's range (LP
 * relaxation, published values as constants) is narrower than 5, hides the published figure with the smallest
 * non-zero count among those bounding it. A component that cannot be opened is withheld whole (fail closed).
 */
export function protect(
  solver: Solver,
  model: DisclosureModel,
  cache?: ProtectionCache,
  options: ProtectOptions = {},
): Protection {
  return startRun(solver, model, options)((run) => protectWith(run, cache));
}

function protectWith(run: Run, cache?: ProtectionCache): Protection {
  const { model } = run;
  const hidden = new Set<number>();
  model.figures.forEach((f, i) => {
    if (f.primary) hidden.add(i);
  });
  let primaryCells = 0;
  const pinned: PinnedCell[] = [];
  const fresh: ProtectionCache = new Map();
  for (const component of disclosureComponents(model)) {
    const primaries = component.figures.filter((f) => model.figures[f]?.primary);
    primaryCells += primaries.length;
    if (primaries.length === 0) continue;
    const signature = cache ? signatureOf(model, component) : '';
    const known = cache?.get(signature);
    if (known) {
      const ids = new Set(known.hidden);
      component.figures.forEach((f) => {
        if (ids.has((model.figures[f] as ModelFigure).id)) hidden.add(f);
      });
      pinned.push(...known.pinned);
      fresh.set(signature, known);
      continue;
    }
    startComponent(run, component);
    // Hiding more only widens ranges, so a primary cell that passes stays passed: one sweep suffices.
    for (const f of primaries) {
      const target = targetOf(model.figures[f] as ModelFigure);
      let walk = walkBlock(model, component, target, hidden);
      while (!opens(run, component, target, hidden, viewOf(model, walk.block, hidden))) {
        const next = cheapest(model, candidatesFor(model, component, target, hidden, walk));
        if (next === undefined) {
          component.figures.forEach((g) => hidden.add(g));
          break;
        }
        hidden.add(next);
        walk = extendBlock(model, component, walk, next, hidden);
      }
    }
    const result = auditComponent(run, component, hidden).pinned;
    pinned.push(...result);
    if (cache)
      fresh.set(signature, {
        hidden: component.figures
          .filter((f) => hidden.has(f))
          .map((f) => (model.figures[f] as ModelFigure).id),
        pinned: result,
      });
  }
  if (cache) {
    cache.clear();
    fresh.forEach((entry, signature) => cache.set(signature, entry));
  }
  const states = new Map<number, DisclosureState>();
  model.figures.forEach((f, i) => {
    if (f.role === 'denominator') return;
    states.set(f.id, f.primary ? 'small_count' : hidden.has(i) ? 'complementary' : 'public');
  });
  return { states, audit: { primaryCells, pinned } };
}

/**
 * Components already protected (`hidden`: figure ids), by a hash of the whole content they were computed from
 * (figures, values, equations): a recompute solves only the others. The result depends on nothing else.
 */
export type ProtectionCache = Map<string, { hidden: number[]; pinned: PinnedCell[] }>;

function signatureOf(model: DisclosureModel, component: DisclosureComponent): string {
  const key = (cell: number) => model.cells[cell]?.key;
  const content = JSON.stringify([
    component.figures.map((f) => {
      const { id, value, withheld, role, cell } = model.figures[f] as ModelFigure;
      return [id, value, withheld, role, key(cell)];
    }),
    component.equations.map((e) => {
      const { kind, sense, figure, terms } = model.equations[e] as DisclosureModel['equations'][number];
      const rate = figure === undefined ? null : model.figures[figure]?.id;
      return [kind, sense, rate, terms.map((t) => [key(t.cell), t.coef])];
    }),
  ]);
  return createHash('sha256').update(content).digest('base64url');
}

/** The attacker's view of a stored pattern: every primary cell's range, and each cell it pins, with the equations used. */
export function audit(
  solver: Solver,
  model: DisclosureModel,
  states: ReadonlyMap<number, DisclosureState>,
  options: ProtectOptions = {},
): AuditResult {
  return startRun(solver, model, options)((run) => auditWith(run, states));
}

function auditWith(run: Run, states: ReadonlyMap<number, DisclosureState>): AuditResult {
  const { model } = run;
  const hidden = new Set<number>();
  model.figures.forEach((f, i) => {
    if (f.role !== 'denominator' && states.get(f.id) !== 'public') hidden.add(i);
  });
  let primaryCells = 0;
  const pinned: PinnedCell[] = [];
  for (const component of disclosureComponents(model)) {
    if (!component.figures.some((f) => model.figures[f]?.primary)) continue;
    startComponent(run, component);
    const result = auditComponent(run, component, hidden);
    primaryCells += result.primaryCells;
    pinned.push(...result.pinned);
  }
  return { primaryCells, pinned };
}
