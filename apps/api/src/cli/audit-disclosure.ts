import { openDatabase } from '../db/client.js';
import { auditDisclosure } from '../disclosure/pattern.js';
import { loadSolver } from '../disclosure/solver.js';
import { databasePath, parseOptions, runCli, userPath } from './args.js';

const USAGE = 'Usage: pnpm --filter @fourp/api audit:disclosure [--database PATH]';

const show = (n: number) => (Number.isFinite(n) ? String(Number(n.toFixed(6))) : n > 0 ? '∞' : '-∞');

async function main() {
  const args = parseOptions({ database: { type: 'string' } }, USAGE);
  const solver = await loadSolver();
  const { db, close } = openDatabase(args.database ? userPath(args.database) : databasePath());
  try {
    const { primaryCells, pinned } = auditDisclosure(db, solver);
    for (const cell of pinned) {
      process.stdout.write(
        `PINNED figure ${cell.figureId} (${cell.cell}): consistent values ${show(cell.interval.min)}..${show(cell.interval.max)}\n` +
          cell.equations.map((e) => `  ${e}\n`).join(''),
      );
    }
    process.stdout.write(
      `Disclosure audit: ${primaryCells} primary cells, ${pinned.length} pinned down by the published figures.\n`,
    );
    if (pinned.length > 0) process.exitCode = 1;
  } finally {
    close();
  }
}

runCli(main);
