import { readFile } from 'node:fs/promises';
import { ApiError } from '../errors.js';
import { readJurisdictionRows } from '../import/jurisdiction-rows.js';
import { importJurisdictions } from '../services/jurisdiction/import.js';
import { UsageError, databasePath, parseOptions, runCli, userPath } from './args.js';
import { openAsOperator } from './operator.js';

const USAGE =
  'Usage: pnpm --filter @fourp/api jurisdictions:import -- --file units.csv|units.json [--dry-run]';

async function main() {
  const args = parseOptions({ file: { type: 'string' }, 'dry-run': { type: 'boolean' } }, USAGE);
  if (!args.file) throw new UsageError(`--file is required.\n${USAGE}`);
  const rows = readJurisdictionRows(new Uint8Array(await readFile(userPath(args.file))));
  const { db, close, operator } = openAsOperator(databasePath());
  try {
    const report = await importJurisdictions({ db, now: () => new Date() }, operator, {
      rows,
      dryRun: args['dry-run'] ?? false,
      filename: args.file,
    });
    const verb = report.dryRun ? 'Would add' : 'Added';
    process.stdout.write(
      `${verb} ${report.added.length} unit(s)${report.added.length ? `: ${report.added.join(', ')}` : ''}; ` +
        `${report.dryRun ? 'would close' : 'closed'} ${report.closed.length}${report.closed.length ? `: ${report.closed.join(', ')}` : ''}.\n`,
    );
  } catch (error) {
    if (error instanceof ApiError) {
      for (const e of error.errors ?? []) process.stderr.write(`error   ${e.message}\n`);
      throw new Error(`Nothing was imported: ${error.message}`, { cause: error });
    }
    throw error;
  } finally {
    close();
  }
}

runCli(main);
