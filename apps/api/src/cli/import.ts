import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { ImportReport, UserPrincipal } from '@fourp/domain';
import { openDatabase } from '../db/client.js';
import { ImportRejectedError, applyImport, previewImport } from '../import/apply.js';
import { ImportFileError, parseImportFile } from '../import/parse.js';
import { findUserByEmail } from '../repos/workflow/users.js';
import { UsageError, databasePath, parseOptions, runCli, userPath } from './args.js';

const USAGE =
  'Usage: pnpm --filter @fourp/api import -- --file figures.csv|figures.xlsx --as official@example.org [--dry-run] [--state draft|submitted]';

/** A progress bar on stderr, redrawn in place on a terminal. */
function progressBar(label: string) {
  const width = 30;
  let last = -1;
  return (done: number, total: number) => {
    if (total < 1000) return;
    const percent = Math.floor((done / total) * 100);
    if (percent === last) return;
    last = percent;
    const filled = Math.round((percent / 100) * width);
    const bar = `${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${percent}% (${done}/${total})`;
    process.stderr.write(process.stderr.isTTY ? `\r${bar}${done === total ? '\n' : ''}` : `${bar}\n`);
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
  const bytes = new Uint8Array(await readFile(userPath(args.file)));
  const { db, close } = openDatabase(databasePath());
  try {
    const user = await findUserByEmail(db, args.as);
    if (!user || user.disabled) throw new Error(`There is no active account ${args.as}.`);
    const principal: UserPrincipal = {
      kind: 'user',
      userId: user.id,
      role: user.role,
      jurisdictionId: user.jurisdictionId,
    };
    const parsed = await parseImportFile(bytes);
    const options = { principal, now: new Date(), onProgress: progressBar('Checking') };
    const report = args['dry-run']
      ? await previewImport(db, parsed, options)
      : await applyImport(db, parsed, {
          ...options,
          state,
          filename: args.file,
          actor: {
            userId: user.id,
            email: user.email,
            sessionId: null,
            tokenId: null,
            requestId: `cli:${userInfo().username}`,
          },
        });
    printIssues(report);
    const [insert, update] = report.dryRun ? ['Would insert', 'update'] : ['Inserted', 'updated'];
    process.stdout.write(
      `${insert} ${report.inserted}, ${update} ${report.updated}, ${report.unchanged} unchanged, of ${report.rows} rows` +
        ` (${parsed.format}, ${parsed.layout} layout; ${report.warnings.length} warning(s), ${report.errors.length} error(s)).\n`,
    );
    if (report.errors.length > 0) process.exitCode = 1;
  } catch (error) {
    if (error instanceof ImportRejectedError) {
      printIssues(error.report);
      throw new Error(`${error.report.errors.length} row(s) cannot be imported; nothing was written.`, {
        cause: error,
      });
    }
    if (error instanceof ImportFileError)
      throw new Error(`The file cannot be imported: ${error.message}`, { cause: error });
    throw error;
  } finally {
    close();
  }
}

runCli(main);
