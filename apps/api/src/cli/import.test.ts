import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMPORT_COLUMNS, IMPORT_LIMITS } from '@fourp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { syncCatalogue } from '../repos/catalogue.js';
import { insertUser } from '../repos/workflow/users.js';
import { readJurisdictionFile } from '../seed/jurisdictions-file.js';

const dir = mkdtempSync(join(tmpdir(), 'fourp-cli-import-'));
const databasePath = join(dir, 'fourp.db');
const EMAIL = 'official@example.org';

/** Runs the import CLI from source, as `pnpm --filter @fourp/api import` runs its build. */
function runImport(file: string) {
  const script = fileURLToPath(new URL('./import.ts', import.meta.url));
  return spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', script, '--file', file, '--as', EMAIL, '--dry-run'],
    { encoding: 'utf8', env: { ...process.env, DATABASE_PATH: databasePath }, timeout: 60_000 },
  );
}

beforeAll(async () => {
  const { db, close } = openDatabase(databasePath);
  syncCatalogue(db, readJurisdictionFile());
  await insertUser(
    db,
    { email: EMAIL, passwordHash: '!', role: 'district_official', jurisdictionId: 'PK-PB-GUJRAT' },
    new Date(),
  );
  close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import CLI', () => {
  it('prints the rows read to stderr for a large file', () => {
    const file = join(dir, 'large.csv');
    const row = `victims_identified,PK-PB-GUJRAT,soon${','.repeat(IMPORT_COLUMNS.length - 3)}`;
    writeFileSync(file, [IMPORT_COLUMNS.join(','), ...Array.from({ length: 1500 }, () => row)].join('\n'));
    const run = runImport(file);
    expect(run.stderr).toContain('Reading: 1,500 rows (100% of the file)\n');
    expect(run.stdout).toMatch(/of 1500 rows/);
  }, 60_000);

  it('names a breakdown category outside its code list by row, with the allowed codes', () => {
    const file = join(dir, 'free-text.csv');
    const cells: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> = {
      indicator: 'victims_identified',
      jurisdiction: 'PK-PB-GUJRAT',
      year: '2020',
      disaggregation: 'sex=women',
      value: '4',
      source_title: 'District police return',
      source_publisher: 'Punjab Police',
    };
    writeFileSync(
      file,
      [IMPORT_COLUMNS.join(','), IMPORT_COLUMNS.map((c) => cells[c] ?? '').join(',')].join('\n'),
    );
    const run = runImport(file);
    expect(run.stderr).toContain(
      'error   row 2, disaggregation: sex "women" is not in the sex code list; allowed: female, male, unknown\n',
    );
  }, 60_000);

  it('refuses a file past a limit with a message naming the limit and the row', () => {
    const file = join(dir, 'newlines.csv');
    writeFileSync(file, '\n'.repeat(IMPORT_LIMITS.rows + 10));
    const run = runImport(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'The file cannot be imported: The file passes an import limit and was not read further, nothing was written: row 100002, (file): the file has more than the limit of 100,000 rows after the header (rows).',
    );
  }, 60_000);
});
