import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { IMPORT_LIMITS, type ImportReport } from '@fourp/domain';
import { openDatabase } from '../db/client.js';
import { ApiError } from '../errors.js';
import { limitPassed } from '../import/file-error.js';
import type { ReadProgress } from '../import/stream.js';
import { findUserByEmail } from '../repos/workflow/users.js';
import type { Caller } from '../services/caller.js';
import { applyImport } from '../services/import/apply.js';
import { previewImport } from '../services/import/preview.js';
import { UsageError, databasePath, parseOptions, runCli, userPath } from './args.js';

const USAGE =
  'Usage: pnpm --filter @fourp/api import -- --file figures.csv|figures.xlsx --as official@example.org [--dry-run] [--state draft|submitted]';

/** Rows read so far on stderr, redrawn in place on a terminal; silent for files under 1,000 rows. */
function progressLine() {
  const everyRows = process.stderr.isTTY ? 1000 : 10_000;
  let shown = 0;
  return ({ rows, bytesRead, bytesTotal }: ReadProgress) => {
    const done = bytesRead === bytesTotal;
    if (rows < 1000 || rows === shown || (!done && rows % everyRows !== 0)) return;
    shown = rows;
    const percent = Math.floor((bytesRead / bytesTotal) * 100);
    const line = `Reading: ${rows.toLocaleString('en-GB')} rows (${percent}% of the file)`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}${done ? '\n' : ''}` : `${line}\n`);
  };
}

function printIssues(report: Pick<ImportReport, 'errors' | 'warnings'>) {
  for (const e of report.errors) process.stderr.write(`error   row ${e.row}, ${e.column}: ${e.message}\n`);
  for (const w of report.warnings) process.stderr.write(`warning row ${w.row}, ${w.column}: ${w.message}\n`);
}

async function main() {
  const args = parseOptions(
    {
      file: { type: 'string' },
      as: { type: 'string' },
      'dry-run': { type: 'boolean' },
      state: { type: 'string' },
    },
    USAGE,
  );
  if (!args.file || !args.as) throw new UsageError(`--file and --as are required.\n${USAGE}`);
  const state = args.state ?? 'draft';
  if (state !== 'draft' && state !== 'submitted')
    throw new UsageError(`--state must be draft or submitted.\n${USAGE}`);
  const path = userPath(args.file);
  if ((await stat(path)).size > IMPORT_LIMITS.bytes)
    throw new Error(`The file cannot be imported: ${limitPassed('bytes', 1).message}`);
  const bytes = new Uint8Array(await readFile(path));
  const { db, close } = openDatabase(databasePath());
  const deps = { db, now: () => new Date() };
  try {
    const user = await findUserByEmail(db, args.as);
    if (!user || user.disabled) throw new Error(`There is no active account ${args.as}.`);
    const caller: Caller = {
      principal: { kind: 'user', userId: user.id, role: user.role, jurisdictionId: user.jurisdictionId },
      actor: {
        userId: user.id,
        email: user.email,
        sessionId: null,
        tokenId: null,
        requestId: `cli:${userInfo().username}`,
      },
    };
    const input = { bytes, onProgress: progressLine() };
    const report = args['dry-run']
      ? await previewImport(deps, caller, input)
      : await applyImport(deps, caller, { ...input, state, filename: args.file });
    printIssues(report);
    const [insert, update] = report.dryRun ? ['Would insert', 'update'] : ['Inserted', 'updated'];
    process.stdout.write(
      `${insert} ${report.inserted}, ${update} ${report.updated}, ${report.unchanged} unchanged, of ${report.rows} rows` +
        ` (${report.format}, ${report.layout} layout; ${report.warnings.length} warning(s), ${report.errors.length} error(s)).\n`,
    );
    if (report.errors.length > 0) process.exitCode = 1;
  } catch (error) {
    if (error instanceof ApiError) {
      for (const e of error.errors ?? []) process.stderr.write(`error   ${e.path}: ${e.message}\n`);
      throw new Error(`The file cannot be imported: ${error.message}`, { cause: error });
    }
    throw error;
  } finally {
    close();
  }
}

runCli(main);
