import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COUNT_SIZES, ensureScaleDatabase, type CountSize, type ScaleDatabase } from './scale-data.js';

/**
 * `node dist/bench/scale-disclosure.js --rows 2000,10000,30000 [--counts small|large] [--whole-tables]
 * [--cache-dir DIR]`: builds the scale database of each size in its own process (so the peak RSS is the builder's
 * own) and prints the full disclosure computation's CPU time and work. `--whole-tables` ends each database at the
 * end of a table (one indicator in one year over every unit), at or past the size asked for, so no unit of a table
 * is left unwritten. Without `--cache-dir` the databases go to a temporary folder, removed after.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '2000,10000,30000' },
      'cache-dir': { type: 'string' },
      child: { type: 'string' },
      counts: { type: 'string', default: 'small' },
      'whole-tables': { type: 'boolean', default: false },
    },
  });
  const counts = values.counts as CountSize;
  if (!COUNT_SIZES.includes(counts)) throw new Error(`--counts: one of ${COUNT_SIZES.join(', ')}`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (values.child) {
    const database = await ensureScaleDatabase(Number(values.rows), log, values.child, counts, {
      wholeTables: values['whole-tables'],
    });
    process.stdout.write(JSON.stringify(database));
    return;
  }
  const sizes = values.rows.split(',').map(Number);
  if (!sizes.every((n) => Number.isInteger(n) && n > 0))
    throw new Error('--rows: positive integers, comma-separated');
  const dir = values['cache-dir'] ?? mkdtempSync(join(tmpdir(), 'fourp-scale-disclosure-'));
  process.stdout.write(
    '| rows | build s | disclosure s | CPU s | primary cells | pinned | blocks | largest block | LPs | CPU ms per primary | builder peak RSS MB |\n' +
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n',
  );
  try {
    for (const rows of sizes) {
      const child = spawnSync(
        process.execPath,
        [
          ...process.execArgv,
          process.argv[1]!,
          '--child',
          dir,
          '--rows',
          String(rows),
          '--counts',
          counts,
          ...(values['whole-tables'] ? ['--whole-tables'] : []),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
      );
      if (child.status !== 0) throw new Error(`building ${rows} rows failed (${child.status})`);
      const db = JSON.parse(child.stdout) as ScaleDatabase;
      const d = db.disclosure;
      const cells = d
        ? [
            d.cpuSeconds.toFixed(1),
            d.primaryCells,
            d.pinned,
            d.blocks,
            d.largestBlock,
            d.lpSolves,
            ((d.cpuSeconds * 1000) / Math.max(1, d.primaryCells)).toFixed(2),
          ]
        : ['(cached)', '', '', '', '', '', ''];
      const fixed = (n: number | null) => (n === null ? '' : n.toFixed(1));
      process.stdout.write(
        `| ${[db.rows, fixed(db.buildSeconds), fixed(db.disclosureSeconds), ...cells, db.builderPeakRssMb.toFixed(0)].join(' | ')} |\n`,
      );
    }
    process.stdout.write(`load average ${loadavg()[0]!.toFixed(1)}\n`);
  } finally {
    if (!values['cache-dir']) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
