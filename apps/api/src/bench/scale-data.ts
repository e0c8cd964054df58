import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  BENCHMARK_IDS,
  CODE_LISTS,
  createJurisdictionTree,
  INDICATORS,
  UNKNOWN_CATEGORY,
  type Indicator,
} from '@fourp/domain';
import { MIGRATIONS_FOLDER, openDatabase } from '../db/client.js';
import { loadSolver, type SolveCounts } from '../disclosure/solver.js';
import { readJurisdictions } from '../repos/jurisdictions.js';
import { storedBreakdown } from '../repos/observations.js';
import { findOrCreateSource } from '../repos/workflow/observations.js';
import { seedIfEmpty } from '../seed/index.js';
import { refreshPattern } from '../services/caller.js';

export const SYNTHETIC_SOURCE = {
  title: 'SYNTHETIC benchmark data (not real figures; never publish)',
  publisher: 'FourP bench:scale',
  year: 2025,
  locator: null,
  kind: 'primary',
} as const;

const PROVINCE = 'PK-PB';
const LAST_YEAR = 2025;
const FIRST_YEAR = 1990;
/** The coded dimensions the synthetic breakdowns use; nationality's 250 codes would drown the rest. */
const DIMENSIONS = ['sex', 'age_group', 'exploitation_form'] as const;
/** Bumped when the generator changes, so a cached database built by an older one is not reused. */
const GENERATOR_VERSION = 3;

/**
 * How big the synthetic counts are. `small`: leaf totals of 20–520 and one table in twenty under 5, so many
 * cross-classified cells fall under the threshold (what a tehsil's victims by sex, age and form look like).
 * `large`: leaf totals of 2,000–12,000 and one table in two thousand under 5, so few cells are primary and a
 * 1 M database's disclosure computation finishes; `bench:scale` uses it to measure reads.
 */
export type CountSize = 'small' | 'large';
export const COUNT_SIZES: readonly CountSize[] = ['small', 'large'];
const COUNT_RANGES: Record<CountSize, { tiny: number; from: number; span: number }> = {
  small: { tiny: 0.05, from: 20, span: 500 },
  large: { tiny: 0.0005, from: 2_000, span: 10_000 },
};

export type ScaleDatabase = {
  path: string;
  rows: number;
  reused: boolean;
  buildSeconds: number | null;
  disclosureSeconds: number | null;
  /** The full disclosure computation's CPU time and work, when this call built the database. */
  disclosure: DisclosureWork | null;
  builderPeakRssMb: number;
};

export type DisclosureWork = SolveCounts & { cpuSeconds: number; primaryCells: number; pinned: number };

let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

/** Splits `total` into `parts` non-negative integers that sum to it. */
function split(total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.2 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  out[parts - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

function codesOf(dimension: string): string[] {
  const list = CODE_LISTS.find((l) => l.dimension === dimension);
  return (list?.codes ?? []).map((c) => c.code).filter((code) => code !== UNKNOWN_CATEGORY);
}

const dimensionsOf = (indicator: Indicator): string[] =>
  DIMENSIONS.filter((d) => indicator.disaggregations.includes(d));

/** Every combination of one code per dimension, e.g. sex × age group × form of exploitation. */
function combinations(dimensions: readonly string[]): string[][] {
  return dimensions.reduce<string[][]>(
    (done, dimension) => done.flatMap((prefix) => codesOf(dimension).map((code) => [...prefix, code])),
    [[]],
  );
}

/** Every subset of the dimensions, smallest first: the total, each margin, then the cross-classification. */
function tablesOf(dimensions: readonly string[]): string[][] {
  const subsets = dimensions.reduce<string[][]>(
    (done, dimension) => [...done, ...done.map((subset) => [...subset, dimension])],
    [[]],
  );
  return subsets.sort((a, b) => a.length - b.length);
}

/**
 * The breakdowns of an indicator as a statistical table publishes them: the total, every margin (one dimension,
 * then two, …) and the cross-classified cells.
 */
function breakdownsOf(indicator: Indicator): string[] {
  return tablesOf(dimensionsOf(indicator)).flatMap((table) =>
    combinations(table).map((codes) =>
      storedBreakdown(Object.fromEntries(table.map((d, i) => [d, codes[i]]))),
    ),
  );
}

/** A leaf unit's figures for one indicator and year, in `breakdownsOf` order: every margin sums its cells. */
function leafValues(indicator: Indicator, counts: CountSize): number[] {
  switch (indicator.measureType) {
    case 'count': {
      const range = COUNT_RANGES[counts];
      const total =
        random() < range.tiny ? Math.floor(random() * 5) : range.from + Math.floor(random() * range.span);
      const dimensions = dimensionsOf(indicator);
      if (dimensions.length === 0) return [total];
      const cells = combinations(dimensions);
      const cross = split(total, cells.length);
      return tablesOf(dimensions).flatMap((table) => {
        const at = table.map((d) => dimensions.indexOf(d));
        return combinations(table).map((codes) =>
          cells.reduce(
            (sum, cell, k) => (at.every((d, i) => cell[d] === codes[i]) ? sum + cross[k]! : sum),
            0,
          ),
        );
      });
    }
    case 'percent':
      return [Math.round(random() * 1000) / 10];
    case 'yes_no':
      return [random() < 0.5 ? 0 : 1];
    case 'ordinal':
      return [indicator.range ? indicator.range.min + Math.floor(random() * 2) : 1];
    case 'rate_per_100k':
      return [Math.round(random() * 500) / 10];
    default:
      return [Math.round(random() * 1e6) / 100];
  }
}

type Row = [indicator: string, jurisdiction: string, year: number, breakdown: string, value: number];

/**
 * The synthetic grid, newest year first: every Punjab unit (district and tehsil, as the tree had them that
 * year) and the benchmark countries, every stored catalogue indicator, its coded breakdowns. Counts of a
 * parent are the sums of its children, so the disclosure model sees consistent margins.
 */
export function* syntheticRows(
  units: ReturnType<typeof createJurisdictionTree>,
  counts: CountSize = 'small',
): Generator<Row> {
  seed = 7;
  const stored = INDICATORS.filter((i) => !i.formula);
  for (let year = LAST_YEAR; year >= FIRST_YEAR; year--) {
    const present = units
      .unitsAt(year)
      .filter((u) => u.id === PROVINCE || units.isWithin(u.id, PROVINCE, year))
      .map((u) => u.id);
    const childrenOf = new Map<string, string[]>();
    for (const unit of units.unitsAt(year))
      if (unit.parentId !== null && present.includes(unit.id))
        childrenOf.set(unit.parentId, [...(childrenOf.get(unit.parentId) ?? []), unit.id]);
    for (const indicator of stored) {
      const breakdowns = breakdownsOf(indicator);
      const values = new Map<string, number[]>();
      const valueOf = (id: string): number[] => {
        const known = values.get(id);
        if (known) return known;
        const children = childrenOf.get(id) ?? [];
        const own =
          children.length === 0 || indicator.measureType !== 'count'
            ? leafValues(indicator, counts)
            : children.map(valueOf).reduce((a, b) => a.map((v, i) => v + (b[i] ?? 0)));
        values.set(id, own);
        return own;
      };
      for (const id of [...present, ...BENCHMARK_IDS]) {
        const own = valueOf(id);
        for (let i = 0; i < breakdowns.length; i++)
          yield [indicator.id, id, year, breakdowns[i]!, own[i] ?? 0];
      }
    }
  }
}

/**
 * The grid's rows up to `rows`, or with `wholeTables` up to the end of the table in progress there: a table is one
 * indicator in one year over every unit, so no parent is published without all of its children (a table cut off
 * midway leaves the units not yet written as unknowns, which link the rest into blocks no real table has).
 */
export function* scaleRows(
  units: ReturnType<typeof createJurisdictionTree>,
  rows: number,
  counts: CountSize,
  wholeTables = false,
): Generator<Row> {
  let written = 0;
  let table = '';
  for (const row of syntheticRows(units, counts)) {
    const [indicator, , year] = row;
    const next = `${indicator}|${year}`;
    if (written >= rows && (!wholeTables || next !== table)) return;
    table = next;
    written += 1;
    yield row;
  }
}

/** The cache key: the size, the committed migrations and the generator, so a stale schema is never reused. */
function cacheName(rows: number, counts: CountSize, wholeTables: boolean): string {
  const migrations = readdirSync(MIGRATIONS_FOLDER)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const hash = createHash('sha256')
    .update(JSON.stringify([GENERATOR_VERSION, migrations]))
    .update(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json')))
    .digest('hex')
    .slice(0, 12);
  return `scale-${rows}-${counts}${wholeTables ? '-whole' : ''}-${hash}.db`;
}

export const benchDirectory = () => join(tmpdir(), 'fourp-bench');

/** Peak resident set of this process (VmHWM) in MB. */
export function ownPeakRssMb(pid: number | 'self' = 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * Builds (or reuses) a database of `rows` published figures through the product's migrations, seeded with the
 * reference data, plus the synthetic grid under one clearly labelled source, and its disclosure pattern. With
 * `wholeTables` the grid ends at the end of a table, at or past `rows` (see `scaleRows`).
 */
export async function ensureScaleDatabase(
  rows: number,
  log: (line: string) => void,
  dir = benchDirectory(),
  countSize: CountSize = 'large',
  { wholeTables = false }: { wholeTables?: boolean } = {},
): Promise<ScaleDatabase> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, cacheName(rows, countSize, wholeTables));
  if (existsSync(path))
    return {
      path,
      rows,
      reused: true,
      buildSeconds: null,
      disclosureSeconds: null,
      disclosure: null,
      builderPeakRssMb: ownPeakRssMb(),
    };
  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  const started = performance.now();
  const { db, sqlite, close } = openDatabase(partial);
  try {
    await seedIfEmpty(db);
    const { source } = await findOrCreateSource(db, SYNTHETIC_SOURCE);
    const tree = createJurisdictionTree(readJurisdictions(db));
    sqlite.pragma('synchronous = OFF');
    const now = new Date().toISOString();
    const insert = sqlite.prepare(
      `insert into observations (indicator_id, jurisdiction_id, year, year_end, period, disaggregation, value,
         status, definition, source_id, workflow_state, created_at, updated_at, locked, note)
       values (?, ?, ?, ?, '', ?, ?, 'A', 'standard', ?, 'published', ?, ?, 0, 'SYNTHETIC')`,
    );
    let inserted = 0;
    sqlite.transaction(() => {
      for (const [indicator, jurisdiction, year, breakdown, value] of scaleRows(
        tree,
        rows,
        countSize,
        wholeTables,
      )) {
        insert.run(indicator, jurisdiction, year, year, breakdown, value, source.id, now, now);
        inserted += 1;
      }
    })();
    if (inserted < rows) log(`the synthetic grid holds only ${inserted} figures (asked for ${rows})`);
    const buildSeconds = (performance.now() - started) / 1000;
    log(`inserted ${inserted} synthetic figures in ${buildSeconds.toFixed(1)} s; computing disclosure…`);
    const solver = await loadSolver();
    const counts: SolveCounts = { blocks: 0, largestBlock: 0, lpSolves: 0 };
    const cpu = process.cpuUsage();
    const disclosureStarted = performance.now();
    const run = db.transaction((tx) => refreshPattern(tx, { solver }, new Date(), undefined, { counts }));
    const disclosureSeconds = (performance.now() - disclosureStarted) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    const disclosure = {
      ...counts,
      cpuSeconds: (user + system) / 1e6,
      primaryCells: run.primaryCells,
      pinned: run.pinned.length,
    };
    log(
      `disclosure pattern computed in ${disclosureSeconds.toFixed(1)} s (CPU ${disclosure.cpuSeconds.toFixed(1)} s): ` +
        `${disclosure.primaryCells} primary cells, ${disclosure.pinned} pinned, ${counts.blocks} blocks ` +
        `(largest ${counts.largestBlock} cells), ${counts.lpSolves} LPs`,
    );
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    close();
    renameSync(partial, path);
    for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
    return {
      path,
      rows: inserted,
      reused: false,
      buildSeconds,
      disclosureSeconds,
      disclosure,
      builderPeakRssMb: ownPeakRssMb(),
    };
  } catch (error) {
    close();
    throw error;
  }
}
