import { openDatabase } from '../db/client.js';
import { verifyAuditChain } from '../repos/workflow/audit-chain.js';
import { databasePath, parseOptions, runCli, userPath } from './args.js';

const USAGE = 'Usage: pnpm --filter @fourp/api audit:verify [--database PATH]';

async function main() {
  const args = parseOptions({ database: { type: 'string' } }, USAGE);
  const { db, close } = openDatabase(args.database ? userPath(args.database) : databasePath());
  try {
    const report = verifyAuditChain(db);
    if (!report.ok)
      throw new Error(
        `Audit log BROKEN at entry ${report.brokenId}: ${report.problem}. ${report.count} entries before it verify.`,
      );
    process.stdout.write(`Audit log OK: ${report.count} entries, chain intact.\n`);
  } finally {
    close();
  }
}

runCli(main);
