import { backupDatabase } from '../db/backup.js';
import { UsageError, databasePath, parseOptions, runCli, userPath } from './args.js';

const USAGE = 'Usage: pnpm --filter @fourp/api db:backup --to FILE [--database PATH]';

async function main() {
  const args = parseOptions({ to: { type: 'string' }, database: { type: 'string' } }, USAGE);
  if (!args.to) throw new UsageError(`--to is required.\n${USAGE}`);
  const to = userPath(args.to);
  await backupDatabase(args.database ? userPath(args.database) : databasePath(), to);
  process.stdout.write(`Backed up to ${to}.\n`);
}

runCli(main);
