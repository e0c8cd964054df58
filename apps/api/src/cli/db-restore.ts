import { restoreDatabase } from '../db/backup.js';
import { UsageError, databasePath, parseOptions, runCli, userPath } from './args.js';

const USAGE =
  'Usage: pnpm --filter @fourp/api db:restore --from FILE [--database PATH]\nStop the API first; the database file is replaced.';

async function main() {
  const args = parseOptions({ from: { type: 'string' }, database: { type: 'string' } }, USAGE);
  if (!args.from) throw new UsageError(`--from is required.\n${USAGE}`);
  const target = args.database ? userPath(args.database) : databasePath();
  const { auditEntries } = await restoreDatabase(userPath(args.from), target);
  process.stdout.write(`Restored ${target} (audit chain intact, ${auditEntries} entries).\n`);
}

runCli(main);
