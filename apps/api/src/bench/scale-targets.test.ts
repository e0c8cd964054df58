import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findIndicator } from '@fourp/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { findOrCreateSource } from '../repos/workflow/observations.js';
import { seedIfEmpty } from '../seed/index.js';
import { SYNTHETIC_SOURCE } from './scale-data.js';
import { ensureScaleTargets } from './scale-targets.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A seeded database with these synthetic totals/breakdowns: [indicator, jurisdiction, year, breakdown, value]. */
async function databaseWith(rows: [string, string, number, string, number][]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'fourp-scale-targets-'));
  dirs.push(dir);
  const path = join(dir, 'scale.db');
  const { db, sqlite, close } = openDatabase(path);
  await seedIfEmpty(db);
  const { source } = await findOrCreateSource(db, SYNTHETIC_SOURCE);
  const insert = sqlite.prepare(
    `insert into observations (indicator_id, jurisdiction_id, year, year_end, period, disaggregation, value,
       status, definition, source_id, workflow_state, created_at, updated_at, locked, note)
     values (?, ?, ?, ?, '', ?, ?, 'A', 'standard', ?, 'published', '2026-01-01', '2026-01-01', 0, 'SYNTHETIC')`,
  );
  for (const [indicator, jurisdiction, year, breakdown, value] of rows)
    insert.run(indicator, jurisdiction, year, year, breakdown, value, source.id);
  close();
  return path;
}

describe('the scale targets', () => {
  it('sets a synthetic target from the earliest synthetic total of each directional indicator of Punjab, its divisions and districts', async () => {
    const neutral = 'smuggling_cases_registered';
    expect(findIndicator(neutral)?.direction).toBe('neutral');
    const path = await databaseWith([
      ['victims_identified', 'PK-PB-GUJRAT', 2021, '{}', 50],
      ['victims_identified', 'PK-PB-GUJRAT', 2020, '{}', 40],
      ['victims_identified', 'PK-PB-GUJRAT', 2019, '{"sex":"female"}', 9],
      ['victims_identified', 'PK-PB-GUJRAT-KHARIAN', 2020, '{}', 12],
      [neutral, 'PK-PB-GUJRAT', 2020, '{}', 70],
    ]);
    expect(ensureScaleTargets(path)).toBe(1);
    const { sqlite, close } = openDatabase(path);
    const targets = sqlite
      .prepare(
        `select t.indicator_id, t.jurisdiction_id, t.baseline_year, t.baseline_value, t.target_year,
           t.target_value, t.note, s.title from targets t join sources s on s.id = t.source_id`,
      )
      .all();
    close();
    expect(targets).toEqual([
      {
        indicator_id: 'victims_identified',
        jurisdiction_id: 'PK-PB-GUJRAT',
        baseline_year: 2020,
        baseline_value: 40,
        target_year: 2030,
        target_value: 48,
        note: 'SYNTHETIC',
        title: SYNTHETIC_SOURCE.title,
      },
    ]);
    // A database that has targets keeps them.
    expect(ensureScaleTargets(path)).toBe(1);
  });
});
