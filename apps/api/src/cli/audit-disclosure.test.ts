import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { readAllDisclosureStates, replaceDisclosureStates } from '../repos/disclosure.js';
import { seedIfEmpty } from '../seed/index.js';
import { insertCatalogue, insertObservations } from '../test-support/api.js';

const dir = mkdtempSync(join(tmpdir(), 'fourp-cli-disclosure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the audit CLI from source, as `pnpm --filter @fourp/api audit:disclosure` runs its build. */
function runAudit(databasePath: string) {
  const script = fileURLToPath(new URL('./audit-disclosure.ts', import.meta.url));
  return spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: databasePath },
    timeout: 120_000,
  });
}

describe('audit:disclosure', () => {
  it('finds nothing to pin on the seeded database', async () => {
    const path = join(dir, 'seeded.db');
    const { db, close } = openDatabase(path);
    await seedIfEmpty(db);
    close();
    const run = runAudit(path);
    expect(run.stdout).toMatch(/^Disclosure audit: [1-9]\d* primary cells, 0 pinned/m);
    expect(run.status).toBe(0);
  }, 120_000);

  it('reports a cell a hand-written pattern leaves pinned, with its interval and equations, and exits 1', async () => {
    const path = join(dir, 'leak.db');
    const { db, close } = openDatabase(path);
    await insertCatalogue(db);
    const [total, female, male] = await insertObservations(db, [
      { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2022, value: 12 },
      {
        indicator: 'victims_identified',
        jurisdiction: 'PK-PB-GUJRAT',
        year: 2022,
        value: 9,
        disaggregation: { sex: 'female' },
      },
      {
        indicator: 'victims_identified',
        jurisdiction: 'PK-PB-GUJRAT',
        year: 2022,
        value: 3,
        disaggregation: { sex: 'male' },
      },
    ]);
    expect(readAllDisclosureStates(db).get(male!)).toBe('small_count');
    replaceDisclosureStates(
      db,
      new Map([
        [total!, 'public'],
        [female!, 'public'],
        [male!, 'small_count'],
      ]),
    );
    close();
    const run = runAudit(path);
    expect(run.stdout).toContain(
      `PINNED figure ${male} (victims_identified|PK-PB-GUJRAT|2022|2022|sex=male|standard): consistent values 3..3\n` +
        '  breakdown: victims_identified|PK-PB-GUJRAT|2022|2022||standard = ' +
        'victims_identified|PK-PB-GUJRAT|2022|2022|sex=female|standard + ' +
        'victims_identified|PK-PB-GUJRAT|2022|2022|sex=male|standard\n',
    );
    expect(run.stdout).toContain('1 primary cells, 1 pinned');
    expect(run.status).toBe(1);
  }, 120_000);
});
