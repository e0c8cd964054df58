import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createJurisdictionTree,
  INDICATORS as CATALOGUE,
  type Disaggregation,
  type UserPrincipal,
} from '@fourp/domain';
import { openDatabase, type Db } from '../db/client.js';
import { refreshDisclosure } from '../disclosure/pattern.js';
import { loadSolver, type Solver } from '../disclosure/solver.js';
import { readDisclosureRun } from '../repos/disclosure.js';
import { readJurisdictions } from '../repos/jurisdictions.js';
import {
  findOrCreateSource,
  insertObservations,
  setWorkflowState,
  type NewObservation,
} from '../repos/workflow/observations.js';
import { inTransaction } from '../repos/workflow/transaction.js';
import { insertUser } from '../repos/workflow/users.js';
import { syncCatalogue } from '../repos/catalogue.js';
import { seedIfEmpty } from '../seed/index.js';
import { readJurisdictionFile } from '../seed/jurisdictions-file.js';
import type { Caller } from '../services/caller.js';
import { createObservation } from '../services/observation/create.js';
import {
  approveObservation,
  publishObservation,
  submitObservation,
} from '../services/observation/transition.js';

const TARGET = Number(process.env.BENCH_FIGURES ?? 1_000_000);
/** Every identifying count in the catalogue: one disclosure family each. */
const INDICATORS = CATALOGUE.filter((i) => i.identifying && !i.formula).map((i) => i.id);
const BREAKDOWNS: Disaggregation[] = [
  {},
  { sex: 'female' },
  { sex: 'male' },
  { age_group: 'child' },
  { age_group: 'adult' },
  { sex: 'female', age_group: 'child' },
  { sex: 'female', age_group: 'adult' },
  { sex: 'male', age_group: 'child' },
  { sex: 'male', age_group: 'adult' },
];
const LEAVES = BREAKDOWNS.slice(5);

function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'fourp-bench-disclosure-'));
  const path = join(dir, 'bench.db');
  const opened = openDatabase(path);
  syncCatalogue(opened.db, readJurisdictionFile());
  return { ...opened, path, dispose: () => (opened.close(), rmSync(dir, { recursive: true, force: true })) };
}

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

/** Consistent published figures: leaf units' sex × age cells drawn at random, every margin and parent their sum. */
function synthesise(db: Db, sourceId: number): NewObservation[] {
  const tree = createJurisdictionTree(readJurisdictions(db));
  const figures: NewObservation[] = [];
  const units = tree.unitsAt(2024).filter((u) => u.id === 'PK-PB' || tree.isWithin(u.id, 'PK-PB', 2024));
  const years = Math.max(1, Math.round(TARGET / (INDICATORS.length * units.length * BREAKDOWNS.length)));
  for (const indicator of INDICATORS) {
    for (let year = 2024 - years + 1; year <= 2024; year++) {
      const present = tree
        .unitsAt(year)
        .filter((u) => u.id === 'PK-PB' || tree.isWithin(u.id, 'PK-PB', year));
      const leaf = new Map<string, number[]>();
      const valueOf = (id: string): number[] => {
        const known = leaf.get(id);
        if (known) return known;
        const children = present.filter((u) => u.parentId === id);
        const values =
          children.length === 0
            ? LEAVES.map(() => (random() < 0.1 ? Math.floor(random() * 5) : 5 + Math.floor(random() * 60)))
            : children.map((c) => valueOf(c.id)).reduce((a, b) => a.map((v, i) => v + (b[i] ?? 0)));
        leaf.set(id, values);
        return values;
      };
      for (const unit of present) {
        const [fc, fa, mc, ma] = valueOf(unit.id) as [number, number, number, number];
        const values = [fc + fa + mc + ma, fc + fa, mc + ma, fc + mc, fa + ma, fc, fa, mc, ma];
        BREAKDOWNS.forEach((disaggregation, i) =>
          figures.push({
            indicator,
            jurisdiction: unit.id,
            year,
            yearEnd: year,
            period: null,
            disaggregation,
            definition: 'standard',
            value: values[i] ?? 0,
            status: 'A',
            unitAsRead: 'persons',
            valueAsRead: null,
            note: null,
            sourceId,
            workflowState: 'published',
            createdBy: null,
          }),
        );
      }
    }
  }
  return figures;
}

let callerPairs = 0;

async function callers(db: Db): Promise<[Caller, Caller]> {
  const make = async (email: string): Promise<Caller> => {
    const user = await insertUser(
      db,
      { email, passwordHash: '!', role: 'admin', jurisdictionId: null },
      new Date(),
    );
    const principal: UserPrincipal = { kind: 'user', userId: user.id, role: 'admin', jurisdictionId: null };
    return { principal, actor: { userId: user.id, email, sessionId: null, tokenId: null, requestId: null } };
  };
  const n = ++callerPairs;
  return [await make(`bench-a${n}@example.org`), await make(`bench-b${n}@example.org`)];
}

type Timed = { publish: number; cpu: number; recompute: number; primaryCells?: number; pinned?: number };

/** CPU time (user + system) of this process since `from`, in ms: wall time misleads on a shared machine. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(from);
  return (user + system) / 1000;
};

/** A figure of Kharian entered, submitted and approved, ready to publish. */
async function approvedFigure(db: Db, solver: Solver, value: number, year: number) {
  const deps = { db, now: () => new Date(), solver };
  const [author, reviewer] = await callers(db);
  const { observation } = await createObservation(deps, author, {
    indicator: 'victims_identified',
    jurisdiction: 'PK-PB-GUJRAT-KHARIAN',
    year,
    disaggregation: { sex: 'female', age_group: 'child' },
    value,
    status: 'A',
    definition: 'standard',
    comment: 'bench',
    source: {
      title: `Bench publish ${value}`,
      publisher: 'Bench',
      year: 2024,
      locator: null,
      kind: 'primary',
    },
  });
  await submitObservation(deps, author, { id: observation.id });
  await approveObservation(deps, reviewer, { id: observation.id });
  return { deps, reviewer, id: observation.id };
}

function timed(db: Db, started: number, cpu: NodeJS.CpuUsage): Timed {
  const publish = performance.now() - started;
  const run = readDisclosureRun(db);
  return {
    publish,
    cpu: cpuSince(cpu),
    recompute: run?.millis ?? NaN,
    primaryCells: run?.primaryCells,
    pinned: run?.pinned.length,
  };
}

/** One figure published by the publish verb: the publish is timed, and the recompute inside it. */
async function publishOne(db: Db, solver: Solver): Promise<Timed> {
  const { deps, reviewer, id } = await approvedFigure(db, solver, 3, 2024);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await publishObservation(deps, reviewer, { id });
  return timed(db, started, cpu);
}

/** The same publish with the recompute scoped to the figure's family, as a verb passing its ids runs it. */
async function publishScoped(db: Db, solver: Solver): Promise<Timed> {
  const { id } = await approvedFigure(db, solver, 2, 2023);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await inTransaction(db, async (tx) => {
    await setWorkflowState(tx, id, { workflowState: 'published', locked: true }, new Date());
    refreshDisclosure(tx, solver, new Date(), { observationIds: [id] });
  });
  return timed(db, started, cpu);
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

function report(name: string, figures: number, r: Timed) {
  const rest = r.publish - r.recompute;
  process.stdout.write(
    `${name}: ${figures} published figures, ${r.primaryCells} primary cells, ${r.pinned} pinned\n` +
      `  publish: ${ms(r.publish)} (CPU ${ms(r.cpu)}); of which recomputing the pattern: ${ms(r.recompute)}; ` +
      `the publish without it: ${ms(rest)}; recompute / rest: ${(r.recompute / rest).toFixed(1)}×\n`,
  );
}

/** Child process: the full recompute of a database with no stored pattern, alone, so its peak RSS is its own. */
async function fullRecompute(path: string, lpOnly: boolean) {
  const solver = await loadSolver();
  const { db, close } = openDatabase(path);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const run = db.transaction((tx) => refreshDisclosure(tx, solver, new Date(), undefined, { lpOnly }));
  const millis = performance.now() - started;
  close();
  process.stdout.write(
    JSON.stringify({
      millis,
      cpu: cpuSince(cpu),
      maxRss: process.resourceUsage().maxRSS,
      primaryCells: run.primaryCells,
      pinned: run.pinned.length,
    }),
  );
}

type Full = { millis: number; cpu: number; maxRss: number; primaryCells: number; pinned: number };

function spawnFullRecompute(path: string, lpOnly = false): Full {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1] as string, '--full', path, ...(lpOnly ? ['--lp-only'] : [])],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (child.status !== 0) throw new Error(`full recompute failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Full;
}

async function main() {
  const solver = await loadSolver();
  {
    const { db, dispose } = tempDb();
    try {
      await seedIfEmpty(db);
      const count = db.$client.prepare(
        "select count(*) as n from observations where workflow_state = 'published'",
      );
      report(
        'reference data, publish verb',
        (count.get() as { n: number }).n + 1,
        await publishOne(db, solver),
      );
    } finally {
      dispose();
    }
  }
  {
    const { db, path, dispose } = tempDb();
    try {
      const { source } = await findOrCreateSource(db, {
        title: 'Synthetic province',
        publisher: 'Bench',
        year: 2024,
        locator: null,
        kind: 'primary',
      });
      let started = performance.now();
      const figures = synthesise(db, source.id);
      await insertObservations(db, figures, new Date());
      const count = figures.length;
      figures.length = 0;
      process.stdout.write(
        `synthetic province: ${count} figures of ${INDICATORS.length} indicators inserted in ${ms(performance.now() - started)}\n`,
      );
      const copy = `${path}.lp-only`;
      db.$client.exec(`VACUUM INTO '${copy}'`);
      const reference = spawnFullRecompute(copy, true);
      rmSync(copy);
      const full = spawnFullRecompute(path);
      const perCell = (r: Full) =>
        `${(r.cpu / Math.max(1, r.primaryCells)).toFixed(2)} ms CPU per primary cell`;
      process.stdout.write(
        `  full recompute, LP only (no stored pattern, own process): ${ms(reference.millis)} ` +
          `(CPU ${ms(reference.cpu)}, ${perCell(reference)}), ${reference.pinned} pinned\n` +
          `  full recompute (no stored pattern, own process): ${ms(full.millis)} (CPU ${ms(full.cpu)}, ` +
          `${perCell(full)}), ${full.pinned} pinned, peak RSS ${mb(full.maxRss)}; ` +
          `LP only / with witnesses: ${(reference.cpu / full.cpu).toFixed(1)}× CPU\n`,
      );
      const cpu = process.cpuUsage();
      started = performance.now();
      db.transaction((tx) => refreshDisclosure(tx, solver));
      process.stdout.write(
        `  startup check, nothing changed: ${ms(performance.now() - started)} (CPU ${ms(cpuSince(cpu))})\n`,
      );
      report('synthetic province, publish verb', count + 1, await publishOne(db, solver));
      report('synthetic province, publish scoped to its figure', count + 2, await publishScoped(db, solver));
    } finally {
      dispose();
    }
  }
}

const full = process.argv.indexOf('--full');
if (full >= 0) await fullRecompute(process.argv[full + 1] as string, process.argv.includes('--lp-only'));
else await main();
