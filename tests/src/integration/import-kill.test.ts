import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  createAccount,
  finished,
  importCsv,
  runApiCli,
  spawnApi,
  withSqlite,
} from '../support/cli.js';

const SEED = 1130;
const KILLS = 20;
const ROWS = 1000;
const OFFICIAL = 'official@example.org';

describe('an import killed with SIGKILL', () => {
  let dir: string;
  let databasePath: string;
  const counts = () =>
    withSqlite(databasePath, (db) => ({
      observations: countRows(db, 'observations'),
      audit: countRows(db, 'audit_log'),
    }));
  const importArgs = (batch: string) => {
    const file = join(dir, `${batch}.csv`);
    writeFileSync(file, importCsv(ROWS, batch));
    return ['--file', file, '--as', OFFICIAL];
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fourp-kill-'));
    databasePath = join(dir, 'fourp.db');
    await createAccount(databasePath, OFFICIAL, 'district_official', 'PK-PB-GUJRAT');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves an intact database holding all of the import or none of it, 20 times', async () => {
    const before = counts();
    const started = performance.now();
    await runApiCli('cli/import.js', importArgs('calibration'), databasePath);
    const fullMs = performance.now() - started;
    const complete = counts();
    const added = {
      observations: complete.observations - before.observations,
      audit: complete.audit - before.audit,
    };
    expect(added.observations).toBe(ROWS);
    expect(added.audit).toBeGreaterThan(0);

    const permille = fc.sample(fc.noBias(fc.integer({ min: 0, max: 1000 })), { seed: SEED, numRuns: KILLS });
    const outcomes = { none: 0, all: 0, afterChecking: 0 };
    for (const [run, fraction] of permille.map((p) => p / 1000).entries()) {
      const previous = counts();
      const child = spawnApi('cli/import.js', importArgs(`run-${run}`), databasePath);
      const exit = finished(child);
      let checked = false;
      child.stderr.on('data', (chunk: Buffer) => (checked ||= chunk.toString().includes('100%')));
      await new Promise((resolve) => setTimeout(resolve, fraction * fullMs));
      if (checked) outcomes.afterChecking += 1;
      child.kill('SIGKILL');
      await exit;

      const integrity = withSqlite(databasePath, (db) => db.prepare('pragma integrity_check').pluck().all());
      expect(integrity, `run ${run}`).toEqual(['ok']);
      const now = counts();
      const whole = {
        observations: previous.observations + added.observations,
        audit: previous.audit + added.audit,
      };
      expect([previous, whole], `run ${run} killed after ${Math.round(fraction * fullMs)} ms`).toContainEqual(
        now,
      );
      outcomes[now.observations === previous.observations ? 'none' : 'all'] += 1;
      const verified = await runApiCli('cli/audit-verify.js', [], databasePath);
      expect(verified.stdout).toMatch(/Audit log OK/);
    }
    expect(outcomes.none).toBeGreaterThan(0);
    console.info(
      `SIGKILL ×${KILLS} (full import ${Math.round(fullMs)} ms): ${outcomes.afterChecking} after the rows were checked;` +
        ` ${outcomes.none} left nothing, ${outcomes.all} committed whole`,
    );
  }, 180_000);
});
