import { CODE_LISTS, INDICATORS, IMPORT_COLUMNS } from '@fourp/domain';

/** A seeded generator (mulberry32), so a failing run can be replayed from its seed. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]! };
}
export type Rng = ReturnType<typeof seeded>;

export type Row = {
  indicator: string;
  jurisdiction: string;
  year: number;
  yearEnd: number;
  breakdown: Record<string, string>;
  value: number;
  source: string;
};

/** Where a scenario lives: its indicator, its unit (and sub-units for a geography scenario) and its years. */
export type Slot = {
  indicator: string;
  jurisdiction: string;
  subUnits: readonly string[];
  years: readonly number[];
};

const SKIPPED = new Set(['tehsil', 'incident']);
export const IDENTIFYING = INDICATORS.filter((i) => i.identifying && i.measureType === 'count').map((i) => ({
  id: i.id,
  dimensions: i.disaggregations.filter((d) => !SKIPPED.has(d)),
}));

/** Mostly counts of 5 and over, some small (1–4) and some zeros. */
const randomValue = (rng: Rng) => {
  const r = rng.next();
  return r < 0.35 ? rng.int(1, 4) : r < 0.45 ? 0 : rng.int(5, 40);
};

/** The i-th category of a dimension: from its code list where it has one, else a made-up snake_case one. */
const categoryOf = (dimension: string, i: number): string =>
  CODE_LISTS.find((list) => list.dimension === dimension)?.codes[i]?.code ?? `c${i + 1}`;

type Cell = Record<string, string>;
const cross = (dimensions: [string, string[]][]): Cell[] =>
  dimensions.reduce<Cell[]>(
    (cells, [d, categories]) => cells.flatMap((c) => categories.map((k) => ({ ...c, [d]: k }))),
    [{}],
  );

/** A table over `dimensions` with every margin: the interior cells drawn, each margin their sum. */
function table(rng: Rng, dimensions: [string, string[]][]): { breakdown: Cell; value: number }[] {
  const interior = cross(dimensions).map((breakdown) => ({ breakdown, value: randomValue(rng) }));
  const names = dimensions.map(([d]) => d);
  const subsets = names.reduce<string[][]>((acc, d) => acc.flatMap((s) => [s, [...s, d]]), [[]]);
  const all = new Map<string, { breakdown: Cell; value: number }>();
  for (const kept of subsets) {
    for (const { breakdown, value } of interior) {
      const margin = Object.fromEntries(kept.map((d) => [d, breakdown[d]!]));
      const key = JSON.stringify(margin);
      const cell = all.get(key) ?? { breakdown: margin, value: 0 };
      cell.value += value;
      all.set(key, cell);
    }
  }
  return [...all.values()];
}

/**
 * One scenario in `slot`: a table of up to three dimensions with all margins, over one year or a span of years
 * with its annual figures, from one source or split between two (some cells from both), or a unit with its
 * sub-units when the slot has them.
 */
export function scenario(rng: Rng, slot: Slot, dimensionsOf: readonly string[]): Row[] {
  const rows: Row[] = [];
  const geography = slot.subUnits.length > 0;
  const r = rng.next();
  const wanted = geography ? rng.int(0, 1) : r < 0.1 ? 0 : r < 0.65 ? 1 : r < 0.94 ? 2 : 3;
  const dims = Math.min(wanted, dimensionsOf.length);
  const chosen = [...dimensionsOf].sort(() => rng.next() - 0.5).slice(0, dims);
  const dimensions = chosen.map((d): [string, string[]] => [
    d,
    Array.from({ length: rng.int(2, dims === 1 ? 3 : 2) }, (_, i) => categoryOf(d, i)),
  ]);
  const span = !geography && dims < 2 && rng.next() < 0.4;
  const years = span ? slot.years : [slot.years[0]!];
  const twoSources = !geography && rng.next() < 0.35;
  const sourceOf = () => {
    if (!twoSources) return ['A'];
    const r = rng.next();
    return r < 0.4 ? ['A'] : r < 0.8 ? ['B'] : ['A', 'B'];
  };
  const push = (
    jurisdiction: string,
    year: number,
    yearEnd: number,
    cells: { breakdown: Cell; value: number }[],
  ) => {
    for (const { breakdown, value } of cells) {
      for (const source of sourceOf()) {
        rows.push({ indicator: slot.indicator, jurisdiction, year, yearEnd, breakdown, value, source });
      }
    }
  };
  if (geography) {
    const parts = slot.subUnits.map((unit) => ({ unit, cells: table(rng, dimensions) }));
    for (const { unit, cells } of parts) push(unit, years[0]!, years[0]!, cells);
    const sum = parts[0]!.cells.map(({ breakdown }) => ({
      breakdown,
      value: parts.reduce(
        (s, p) => s + p.cells.find((c) => JSON.stringify(c.breakdown) === JSON.stringify(breakdown))!.value,
        0,
      ),
    }));
    push(slot.jurisdiction, years[0]!, years[0]!, sum);
    return rows;
  }
  const annual = years.map((year) => ({ year, cells: table(rng, dimensions) }));
  for (const { year, cells } of annual) push(slot.jurisdiction, year, year, cells);
  if (span) {
    const cumulative = annual[0]!.cells.map(({ breakdown }, i) => ({
      breakdown,
      value: annual.reduce((s, a) => s + a.cells[i]!.value, 0),
    }));
    push(slot.jurisdiction, years[0]!, years.at(-1)!, cumulative);
  }
  return rows;
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** Rows as an import file in the template's columns. */
export function importCsv(rows: readonly Row[]): Uint8Array {
  const lines = rows.map((r) => {
    const cells: Record<(typeof IMPORT_COLUMNS)[number], string> = {
      indicator: r.indicator,
      jurisdiction: r.jurisdiction,
      year: String(r.year),
      year_end: r.yearEnd === r.year ? '' : String(r.yearEnd),
      period: '',
      disaggregation: Object.entries(r.breakdown)
        .map(([d, c]) => `${d}=${c}`)
        .join(';'),
      value: String(r.value),
      status: 'A',
      definition: '',
      source_title: `Generated source ${r.source}`,
      source_publisher: 'Attack test',
      source_year: '2024',
      source_locator: 'table 1',
      source_kind: 'primary',
      note: '',
    };
    return IMPORT_COLUMNS.map((c) => quote(cells[c])).join(',');
  });
  return new TextEncoder().encode([IMPORT_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n');
}
