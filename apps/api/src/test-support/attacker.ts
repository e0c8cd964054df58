import * as highsModule from 'highs';

// The package types its ESM default export as CommonJS; the namespace's default is the loader either way.
const highsLoader = highsModule.default as unknown as () => Promise<highsModule.Highs>;

/**
 * An attacker who reads every published figure and assumes they are consistent: a total is the sum of its
 * breakdown in every dimension, a multi-year figure the sum of its years, a unit the sum of its sub-units, and
 * the same cell from two sources one number. Written apart from the product's disclosure engine on purpose.
 */
export type PublicFigure = {
  id: number;
  indicator: string;
  definition: string;
  jurisdiction: string;
  year: number;
  yearEnd: number;
  disaggregation: Record<string, string | undefined>;
  value: number | null;
};

export type Finding = {
  id: number;
  trueValue: number;
  interval: [number, number];
  equations: string[];
};

type Cell = { key: string; base: string; figure: PublicFigure; breakdown: [string, string][] };
type Equation = { parent: string; children: string[] };

const breakdownOf = (f: PublicFigure): [string, string][] =>
  Object.entries(f.disaggregation)
    .flatMap(([d, c]) => (c === undefined ? [] : [[d, c] as [string, string]]))
    .sort(([a], [b]) => (a < b ? -1 : 1));
const pairs = (b: [string, string][]) => b.map(([d, c]) => `${d}=${c}`).join(';');
const baseKey = (f: Pick<PublicFigure, 'indicator' | 'definition' | 'jurisdiction' | 'year' | 'yearEnd'>) =>
  `${f.indicator}|${f.definition}|${f.jurisdiction}|${f.year}-${f.yearEnd}`;
const cellKey = (f: PublicFigure, breakdown = breakdownOf(f)) => `${baseKey(f)}|${pairs(breakdown)}`;

/**
 * Exhaustive breakdowns assumed: the categories (or crossed categories of several dimensions) published under a
 * parent are all of them.
 */
function equationsOf(
  cells: Map<string, Cell>,
  subUnits: (unit: string, year: number) => string[],
): Equation[] {
  const equations: Equation[] = [];
  const groups = new Map<string, string[]>();
  for (const cell of cells.values()) {
    const dimensions = cell.breakdown.map(([d]) => d);
    const subsets = dimensions.reduce<string[][]>((acc, d) => acc.flatMap((s) => [s, [...s, d]]), [[]]);
    for (const dropped of subsets.filter((s) => s.length > 0)) {
      const parent = `${cell.base}|${pairs(cell.breakdown.filter(([d]) => !dropped.includes(d)))}`;
      const key = `${parent}#${dropped.join(',')}`;
      groups.set(key, [...(groups.get(key) ?? []), cell.key]);
    }
  }
  for (const [key, children] of groups) {
    const parent = key.slice(0, key.lastIndexOf('#'));
    if (cells.has(parent)) equations.push({ parent, children });
  }
  for (const cell of cells.values()) {
    const f = cell.figure;
    const rest = cell.breakdown;
    if (f.yearEnd > f.year) {
      const years = Array.from({ length: f.yearEnd - f.year + 1 }, (_, i) => f.year + i);
      const children = years.map((y) => `${baseKey({ ...f, year: y, yearEnd: y })}|${pairs(rest)}`);
      if (children.every((c) => cells.has(c))) equations.push({ parent: cell.key, children });
    }
    const units = subUnits(f.jurisdiction, f.yearEnd);
    if (units.length > 0) {
      const children = units.map((u) => `${baseKey({ ...f, jurisdiction: u })}|${pairs(rest)}`);
      if (children.every((c) => cells.has(c))) equations.push({ parent: cell.key, children });
    }
  }
  return equations;
}

let solver: Promise<highsModule.Highs> | undefined;

async function bound(lp: string): Promise<number> {
  const highs = await (solver ??= highsLoader());
  const result = highs.solve(lp, {});
  if (result.Status === 'Unbounded') return lp.startsWith('Maximize') ? Infinity : -Infinity;
  if (result.Status !== 'Optimal') throw new Error(`LP ${result.Status}:\n${lp}`);
  return result.ObjectiveValue;
}

/** Whether the interval of a small count gives it away: inside [1, k−1] or narrower than k. */
export const pins = ([lo, hi]: [number, number], k = 5): boolean =>
  hi - lo < k - 1e-6 || (lo >= 1 - 1e-6 && hi <= k - 1 + 1e-6);

/**
 * Every primary cell (true value 1..k−1) the attacker can pin down from `figures` as published (value null
 * when withheld): its interval of values consistent with everything published, and the equations used.
 */
export async function attack(
  figures: readonly PublicFigure[],
  truth: ReadonlyMap<number, number>,
  subUnits: (unit: string, year: number) => string[] = () => [],
  k = 5,
): Promise<Finding[]> {
  const cells = new Map<string, Cell>();
  const known = new Map<string, number>();
  for (const figure of figures) {
    const key = cellKey(figure);
    if (!cells.has(key))
      cells.set(key, { key, base: baseKey(figure), figure, breakdown: breakdownOf(figure) });
    if (figure.value !== null) known.set(key, figure.value);
  }
  const equations = equationsOf(cells, subUnits);
  const touching = new Map<string, Equation[]>();
  for (const e of equations) {
    for (const c of [e.parent, ...e.children]) touching.set(c, [...(touching.get(c) ?? []), e]);
  }
  const findings: Finding[] = [];
  const solved = new Map<string, [number, number]>();
  for (const figure of figures) {
    const trueValue = truth.get(figure.id);
    if (trueValue === undefined || trueValue < 1 || trueValue >= k) continue;
    const key = cellKey(figure);
    if (figure.value !== null || known.has(key)) {
      const v = figure.value ?? known.get(key)!;
      findings.push({ id: figure.id, trueValue, interval: [v, v], equations: [`${key} published`] });
      continue;
    }
    const component = componentOf(key, touching, known);
    const interval = solved.get(key) ?? (await solve(key, component, known));
    solved.set(key, interval);
    if (pins(interval, k)) {
      findings.push({
        id: figure.id,
        trueValue,
        interval,
        equations: component.map((e) => `${e.parent} = ${e.children.join(' + ')}`),
      });
    }
  }
  return findings;
}

async function solve(
  key: string,
  component: readonly Equation[],
  known: ReadonlyMap<string, number>,
): Promise<[number, number]> {
  const unknowns = [...new Set(component.flatMap((e) => [e.parent, ...e.children]))].filter(
    (c) => !known.has(c),
  );
  const name = new Map(unknowns.map((c, i) => [c, `x${i}`]));
  const rows = component.flatMap((e, i) => {
    const terms: string[] = [];
    let constant = 0;
    for (const [c, sign] of [[e.parent, -1] as const, ...e.children.map((c) => [c, 1] as const)]) {
      if (known.has(c)) constant += sign * known.get(c)!;
      else terms.push(`${sign < 0 ? '-' : '+'} ${name.get(c)}`);
    }
    return terms.length === 0 ? [] : [` c${i}: ${terms.join(' ')} = ${-constant}`];
  });
  const target = name.get(key)!;
  const lp = (sense: string) =>
    `${sense}\n obj: ${target}\nSubject To\n${rows.length > 0 ? rows.join('\n') : ` c0: ${target} >= 0`}\nEnd\n`;
  return [await bound(lp('Minimize')), await bound(lp('Maximize'))];
}

/** The equations linked to `start` through withheld cells (a published cell is a constant and links nothing). */
function componentOf(
  start: string,
  touching: ReadonlyMap<string, Equation[]>,
  known: ReadonlyMap<string, number>,
): Equation[] {
  const seen = new Set<string>([start]);
  const found = new Set<Equation>();
  const queue = [start];
  while (queue.length > 0) {
    for (const e of touching.get(queue.pop()!) ?? []) {
      if (found.has(e)) continue;
      found.add(e);
      for (const c of [e.parent, ...e.children]) {
        if (!seen.has(c) && !known.has(c)) {
          seen.add(c);
          queue.push(c);
        }
      }
    }
  }
  return [...found];
}
