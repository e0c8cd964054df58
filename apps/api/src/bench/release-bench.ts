import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.js';
import { findOrCreateSource } from '../repos/workflow/observations.js';
import { seedIfEmpty } from '../seed/index.js';
import { readFigures } from '../services/published/read.js';
import { createRelease } from '../services/release/create.js';
import { ownPeakRssMb, SYNTHETIC_SOURCE } from './scale-data.js';

const MB = 1024 * 1024;
const caller = {
  principal: { kind: 'user', userId: 'bench', role: 'admin', jurisdictionId: null },
  actor: { userId: null, email: 'cli:bench', sessionId: null, tokenId: null, requestId: null },
} as const;

/** A fresh seeded database plus `rows` published synthetic figures of a non-identifying indicator (no disclosure work). */
async function databaseOf(dir: string, rows: number) {
  const opened = openDatabase(join(dir, `release-${rows}.db`));
  await seedIfEmpty(opened.db);
  const { source } = await findOrCreateSource(opened.db, SYNTHETIC_SOURCE);
  const insert = opened.sqlite.prepare(
    `insert into observations (indicator_id, jurisdiction_id, year, year_end, period, disaggregation, value,
       status, definition, source_id, workflow_state, created_at, updated_at, locked, note)
     values ('tip_tier', 'ES', ?, ?, '', '{}', 2, 'A', ?, ?, 'published', 'now', 'now', 0, 'SYNTHETIC')`,
  );
  opened.sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(1990 + (i % 30), 1990 + (i % 30), `synthetic_${i}`, source.id);
  })();
  return opened;
}

const heapMb = () => {
  global.gc?.();
  return process.memoryUsage().heapUsed / MB;
};

/**
 * Makes a release over `rows` published figures, then a second after a tenth of them changed, and reports the
 * time and the rise of this process's peak RSS; then how much heap holding every figure at once (what a release
 * read into memory before it was made in batches) retains, for comparison.
 */
async function measure(dir: string, rows: number) {
  const { db, sqlite, close } = await databaseOf(dir, rows);
  try {
    const deps = { db, now: () => new Date(), suppressionK: 5, exportFiles: async function* () {} };
    const rss = ownPeakRssMb();
    let started = performance.now();
    await createRelease(deps, caller, { note: null });
    const firstMs = performance.now() - started;
    sqlite.prepare('update observations set value = 3 where id % 10 = 0').run();
    started = performance.now();
    await createRelease(deps, caller, { note: null });
    const secondMs = performance.now() - started;
    const releaseRssRiseMb = ownPeakRssMb() - rss;
    const before = heapMb();
    const held = await readFigures(deps, null);
    const heldHeapMb = heapMb() - before;
    return { figures: held.length, firstMs, secondMs, releaseRssRiseMb, heldHeapMb };
  } finally {
    close();
  }
}

/** `bench:release [--rows N]`: the release of N figures against the same run's release of N/10. */
async function main() {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '200000' } } });
  const rows = Number(values.rows);
  const dir = mkdtempSync(join(tmpdir(), 'fourp-release-bench-'));
  try {
    const small = await measure(dir, Math.round(rows / 10));
    const large = await measure(dir, rows);
    const line = (r: typeof small) =>
      `${r.figures} published figures (the seed's among them): first release ${r.firstMs.toFixed(0)} ms, second (a tenth corrected) ` +
      `${r.secondMs.toFixed(0)} ms; peak RSS rose ${r.releaseRssRiseMb.toFixed(0)} MB while releasing; ` +
      `holding every figure at once retains ${r.heldHeapMb.toFixed(0)} MB of heap\n`;
    process.stdout.write(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    process.stdout.write(line(small));
    process.stdout.write(line(large));
    process.stdout.write(
      `ratios ×10 figures: release time ${(large.firstMs / small.firstMs).toFixed(1)}×, ` +
        `second release ${(large.secondMs / small.secondMs).toFixed(1)}×, ` +
        `held heap ${(large.heldHeapMb / small.heldHeapMb).toFixed(1)}×\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
