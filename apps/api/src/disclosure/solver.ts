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

/** One component's LP relaxation: a column per cell (≥ 0), a row per equation; published figures fix bounds. */
class ComponentLp {
  private readonly column = new Map<number, number>();
  private readonly rateRows = new Map<number, number[]>();

  constructor(
    private readonly solver: Solver,
    private readonly model: DisclosureModel,
    readonly component: DisclosureComponent,
    private readonly lp: Scratch,
  ) {
    lp.clearModel();
    component.cells.forEach((cell, i) => this.column.set(cell, i));
    this.lp.addVars(
      component.cells.map(() => 0),
      component.cells.map(() => solver.infinity),
    );
    component.equations.forEach((e, row) => {
      const eq = model.equations[e];
      if (!eq) return;
      const merged = new Map<number, number>();
      for (const t of eq.terms) {
        const col = this.column.get(t.cell) as number;
        merged.set(col, (merged.get(col) ?? 0) + t.coef);
      }
      this.lp.addRow(0, eq.sense === '=' ? 0 : solver.infinity, {
        indices: [...merged.keys()],
        values: [...merged.values()],
      });
      if (eq.figure !== undefined)
        this.rateRows.set(eq.figure, [...(this.rateRows.get(eq.figure) ?? []), row]);
    });
  }

  /** Sets what the attacker knows: every figure not in `hidden` (nor withheld) is published. */
  publish(hidden: ReadonlySet<number>): void {
    const bounds = new Map<number, Interval>();
    for (const f of this.component.figures) {
      const figure = this.model.figures[f] as ModelFigure;
      const shown = !hidden.has(f) && !figure.withheld;
      if (figure.role === 'rate') {
        for (const row of this.rateRows.get(f) ?? []) {
          this.lp.changeRowBounds(row, shown ? 0 : -this.solver.infinity, this.solver.infinity);
        }
        continue;
      }
      if (!shown) continue;
      const seen = bounds.get(figure.cell);
      bounds.set(figure.cell, {
        min: Math.min(seen?.min ?? figure.value, figure.value),
        max: Math.max(seen?.max ?? figure.value, figure.value),
      });
    }
    for (const [cell, col] of this.column) {
      const b = bounds.get(cell);
      this.lp.changeColBounds(col, b?.min ?? 0, b?.max ?? this.solver.infinity);
    }
  }

  private optimise(col: number, sense: 'minimize' | 'maximize'): number | null {
    this.lp.changeObjectiveSense(this.solver.constants.objectiveSense[sense]);
    this.lp.run();
    const status = this.lp.getModelStatus();
    const { modelStatus } = this.solver.constants;
    if (status === modelStatus.optimal) return this.lp.getObjectiveValue();
    if (status === modelStatus.unbounded || status === modelStatus.unboundedOrInfeasible) {
      return sense === 'maximize' ? Infinity : -Infinity;
    }
    return null;
  }

  /** The values the cell can take given what is published; null when the system has no solution. */
  interval(cell: number): Interval | null {
    const col = this.column.get(cell) as number;
    this.lp.changeColCost(col, 1);
    try {
      const min = this.optimise(col, 'minimize');
      const max = this.optimise(col, 'maximize');
      return min === null || max === null ? null : { min, max };
    } finally {
      this.lp.changeColCost(col, 0);
    }
  }
}

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
  const shown = (f: number) => !hidden.has(f) && !(model.figures[f] as ModelFigure).withheld;
  const found = new Set<number>();
  const used = new Set<number>();
  const seen = new Set([cell]);
  const frontier = [cell];
  for (let c = frontier.pop(); c !== undefined; c = frontier.pop()) {
    const published = (figuresOf.get(c) ?? []).filter(shown);
    published.forEach((f) => found.add(f));
    if (published.length > 0 && c !== cell) continue;
    for (const e of equationsOf.get(c) ?? []) {
      const eq = model.equations[e] as DisclosureModel['equations'][number];
      if (eq.figure !== undefined) {
        if (!shown(eq.figure)) continue;
        found.add(eq.figure);
      }
      used.add(e);
      for (const t of eq.terms) {
        if (seen.has(t.cell)) continue;
        seen.add(t.cell);
        frontier.push(t.cell);
      }
    }
  }
  return { figures: [...found], equations: [...used].sort((a, b) => a - b) };
}

function candidatesFor(
  model: DisclosureModel,
  component: DisclosureComponent,
  cell: number,
  hidden: ReadonlySet<number>,
): number[] {
  return reach(model, component, cell, hidden).figures.filter((f) => {
    const figure = model.figures[f] as ModelFigure;
    return figure.role !== 'denominator' && !isZero(figure);
  });
}

const cost = (f: ModelFigure) => f.count ?? f.value;

/** The cell whose range a primary figure must keep open: its own, or for a rate the count it stands for. */
const targetOf = (f: ModelFigure) => f.cell;

/**
 * The part of the component the cell's range depends on: cells linked to it by equations through cells whose
 * value is not fixed by what is published (a fixed cell is a constant: it bounds, it does not link), and those
 * equations. The LP over it gives the cell the same range as the LP over the whole (consistent) component.
 */
function blockOf(
  model: DisclosureModel,
  component: DisclosureComponent,
  cell: number,
  hidden: ReadonlySet<number>,
): DisclosureComponent {
  const { figuresOf, equationsOf } = indexOf(model, component);
  const shown = (f: number) => !hidden.has(f) && !(model.figures[f] as ModelFigure).withheld;
  const fixed = (c: number) => {
    const values = (figuresOf.get(c) ?? []).filter(shown).map((f) => (model.figures[f] as ModelFigure).value);
    return values.length > 0 && values.every((v) => v === values[0]);
  };
  const cells = new Set([cell]);
  const equations = new Set<number>();
  const rates = new Set<number>();
  const frontier = [cell];
  for (let c = frontier.pop(); c !== undefined; c = frontier.pop()) {
    if (c !== cell && fixed(c)) continue;
    for (const e of equationsOf.get(c) ?? []) {
      const eq = model.equations[e] as DisclosureModel['equations'][number];
      if (equations.has(e) || (eq.figure !== undefined && !shown(eq.figure))) continue;
      equations.add(e);
      if (eq.figure !== undefined) rates.add(eq.figure);
      for (const t of eq.terms) {
        if (cells.has(t.cell)) continue;
        cells.add(t.cell);
        frontier.push(t.cell);
      }
    }
  }
  const figures = [...cells].flatMap((c) => figuresOf.get(c) ?? []);
  return {
    cells: [...cells],
    figures: [...figures, ...rates].sort((a, b) => a - b),
    equations: [...equations].sort((a, b) => a - b),
  };
}

/** The values the cell can take given what is published (all but `hidden`); null when there are none. */
function intervalOf(
  solver: Solver,
  scratch: Scratch,
  model: DisclosureModel,
  component: DisclosureComponent,
  cell: number,
  hidden: ReadonlySet<number>,
): Interval | null {
  const lp = new ComponentLp(solver, model, blockOf(model, component, cell, hidden), scratch);
  lp.publish(hidden);
  return lp.interval(cell);
}

function auditComponent(
  solver: Solver,
  scratch: Scratch,
  model: DisclosureModel,
  component: DisclosureComponent,
  hidden: ReadonlySet<number>,
): { primaryCells: number; pinned: PinnedCell[] } {
  const pinned: PinnedCell[] = [];
  let primaryCells = 0;
  for (const f of component.figures) {
    const figure = model.figures[f] as ModelFigure;
    if (!figure.primary) continue;
    primaryCells++;
    const interval = intervalOf(solver, scratch, model, component, targetOf(figure), hidden);
    if (passes(interval)) continue;
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

/**
 * Primary then secondary suppression: hides every primary figure, then, while a primary cell's range (LP
 * relaxation, published values as constants) is narrower than 5, hides the published figure with the smallest
 * non-zero count among those bounding it. A component that cannot be opened is withheld whole (fail closed).
 */
export function protect(solver: Solver, model: DisclosureModel, cache?: ProtectionCache): Protection {
  return withScratch(solver, (scratch) => protectWith(solver, scratch, model, cache));
}

function protectWith(
  solver: Solver,
  scratch: Scratch,
  model: DisclosureModel,
  cache?: ProtectionCache,
): Protection {
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
    // Hiding more only widens ranges, so a primary cell that passes stays passed: one sweep suffices.
    for (const f of primaries) {
      const target = targetOf(model.figures[f] as ModelFigure);
      while (!passes(intervalOf(solver, scratch, model, component, target, hidden))) {
        const [next] = candidatesFor(model, component, target, hidden).sort(
          (a, b) => cost(model.figures[a] as ModelFigure) - cost(model.figures[b] as ModelFigure) || a - b,
        );
        if (next === undefined) {
          component.figures.forEach((g) => hidden.add(g));
          break;
        }
        hidden.add(next);
      }
    }
    const result = auditComponent(solver, scratch, model, component, hidden).pinned;
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
): AuditResult {
  return withScratch(solver, (scratch) => auditWith(solver, scratch, model, states));
}

function auditWith(
  solver: Solver,
  scratch: Scratch,
  model: DisclosureModel,
  states: ReadonlyMap<number, DisclosureState>,
): AuditResult {
  const hidden = new Set<number>();
  model.figures.forEach((f, i) => {
    if (f.role !== 'denominator' && states.get(f.id) !== 'public') hidden.add(i);
  });
  let primaryCells = 0;
  const pinned: PinnedCell[] = [];
  for (const component of disclosureComponents(model)) {
    if (!component.figures.some((f) => model.figures[f]?.primary)) continue;
    const result = auditComponent(solver, scratch, model, component, hidden);
    primaryCells += result.primaryCells;
    pinned.push(...result.pinned);
  }
  return { primaryCells, pinned };
}
