import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORT_COLUMNS } from '@fourp/domain';
import Database from 'better-sqlite3';

const apiDist = new URL('../../../apps/api/dist/', import.meta.url).pathname;
export const PASSWORD = 'correct horse battery staple';

export type CliResult = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
};

/** Starts a built API command (`cli/import.js`, `server.js` …) on the database at `databasePath`. */
export function spawnApi(
  script: string,
  args: string[],
  databasePath: string,
  env: Record<string, string> = {},
) {
  const entry = join(apiDist, script);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build the API first (pnpm run build)`);
  return spawn(process.execPath, [entry, ...args], {
    env: { ...process.env, DATABASE_PATH: databasePath, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs a built API command to its end; a non-zero exit is an error carrying its output. */
export async function runApiCli(
  script: string,
  args: string[],
  databasePath: string,
  env: Record<string, string> = {},
): Promise<CliResult> {
  const result = await finished(spawnApi(script, args, databasePath, env));
  if (result.code !== 0)
    throw new Error(`${script} ${args.join(' ')} exited ${result.code ?? result.signal}:\n${result.stderr}`);
  return result;
}

export const createAccount = (databasePath: string, email: string, role: string, jurisdiction?: string) =>
  runApiCli(
    'cli/user-create.js',
    ['--email', email, '--role', role, ...(jurisdiction ? ['--jurisdiction', jurisdiction] : [])],
    databasePath,
    { FOURP_PASSWORD: PASSWORD },
  );

const TEHSILS = ['PK-PB-GUJRAT', 'PK-PB-GUJRAT-GUJRAT', 'PK-PB-GUJRAT-KHARIAN', 'PK-PB-GUJRAT-SARAI-ALAMGIR'];
const SEXES = ['', 'sex=female', 'sex=male'];

/** `rows` valid template rows for Gujrat, all new cells because every source title carries `batch`. */
export function importCsv(rows: number, batch: string): string {
  const lines = Array.from({ length: rows }, (_, i) => {
    const year = 1995 + (Math.floor(i / 12) % 30);
    return [
      'victims_identified',
      TEHSILS[i % 4],
      year,
      '',
      '',
      SEXES[Math.floor(i / 4) % 3],
      100 + (year % 3),
      'A',
      '',
      `${batch} report ${Math.floor(i / 360)}`,
      'Punjab Police',
      2024,
      '',
      'primary',
      '',
    ].join(',');
  });
  return [IMPORT_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

/** Opens the SQLite file directly (as an operator would) for `use`, then closes it. */
export function withSqlite<T>(path: string, use: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

export const countRows = (db: Database.Database, table: string) =>
  db.prepare(`select count(*) from "${table}"`).pluck().get() as number;
