import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createJurisdictionTree, type Disaggregation, type UserPrincipal } from '@fourp/domain';
import { openDatabase, type Db } from '../db/client.js';
import { refreshDisclosure } from '../disclosure/pattern.js';
import { loadSolver, type Solver } from '../disclosure/solver.js';
import { readDisclosureRun } from '../repos/disclosure.js';
import { readJurisdictions } from '../repos/jurisdictions.js';
import {
  findOrCreateSource,
  insertObservations,
  type NewObservation,
} from '../repos/workflow/observations.js';
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

const TARGET = Number(process.env.BENCH_FIGURES ?? 100_000);
const INDICATORS = [
  'victims_identified',
  'victims_in_assistance',
  'victims_newly_assisted',
  'protection_permits_granted',
  'children_removed_from_exploitation',
  'returnees_reintegration_supported',
  'dmrc_clients_served',
  'persons_at_risk_identified',
];
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
  const opened = openDatabase(join(dir, 'bench.db'));
  syncCatalogue(opened.db, readJurisdictionFile());
  return { ...opened, dispose: () => (opened.close(), rmSync(dir, { recursive: true, force: true })) };
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
  return [await make('bench-a@example.org'), await make('bench-b@example.org')];
}

/** One figure entered, submitted, approved, then published: the publish is timed, and the recompute inside it. */
async function publishOne(db: Db, solver: Solver) {
  const deps = { db, now: () => new Date(), solver };
  const [author, reviewer] = await callers(db);
  const { observation } = await createObservation(deps, author, {
    indicator: 'victims_identified',
    jurisdiction: 'PK-PB-GUJRAT-KHARIAN',
    year: 2024,
    disaggregation: { sex: 'female', age_group: 'child' },
    value: 3,
    status: 'A',
    definition: 'standard',
    comment: 'bench',
    source: { title: 'Bench publish', publisher: 'Bench', year: 2024, locator: null, kind: 'primary' },
  });
  await submitObservation(deps, author, { id: observation.id });
  await approveObservation(deps, reviewer, { id: observation.id });
  const started = performance.now();
  await publishObservation(deps, reviewer, { id: observation.id });
  const publish = performance.now() - started;
  const run = readDisclosureRun(db);
  return {
    publish,
    recompute: run?.millis ?? NaN,
    primaryCells: run?.primaryCells,
    pinned: run?.pinned.length,
  };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

function report(name: string, figures: number, r: Awaited<ReturnType<typeof publishOne>>) {
  const rest = r.publish - r.recompute;
  process.stdout.write(
    `${name}: ${figures} published figures, ${r.primaryCells} primary cells, ${r.pinned} pinned\n` +
      `  publish (whole verb): ${ms(r.publish)}; of which recomputing the pattern: ${ms(r.recompute)}; ` +
      `the publish without it: ${ms(rest)}; recompute / rest: ${(r.recompute / rest).toFixed(1)}×\n`,
  );
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
      report('reference data', (count.get() as { n: number }).n + 1, await publishOne(db, solver));
    } finally {
      dispose();
    }
  }
  {
    const { db, dispose } = tempDb();
    try {
      const { source } = await findOrCreateSource(db, {
        title: 'Synthetic province',
        publisher: 'Bench',
        year: 2024,
        locator: null,
        kind: 'primary',
      });
      const figures = synthesise(db, source.id);
      await insertObservations(db, figures, new Date());
      const started = performance.now();
      db.transaction((tx) => refreshDisclosure(tx, solver));
      process.stdout.write(`synthetic: first full computation ${ms(performance.now() - started)}\n`);
      report('synthetic province', figures.length + 1, await publishOne(db, solver));
    } finally {
      dispose();
    }
  }
}

await main();
