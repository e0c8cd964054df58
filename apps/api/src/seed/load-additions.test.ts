import { readFileSync } from 'node:fs';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.js';
import { observationRevisions, observations, sources } from '../db/schema.js';
import { readFigures } from '../services/published/read.js';
import { createTestDb, type TestDb } from '../test-support/db.js';
import { loadReferenceData } from './load-reference.js';

const read = (name: string) => readFileSync(new URL(`../../seed/${name}`, import.meta.url), 'utf8');
const CSV = read('reference-observations.csv');
const ADDITIONS = read('additions-2026-11.csv');
const NOW = () => new Date('2026-01-01T00:00:00.000Z');

let testDb: TestDb;
let db: Db;
beforeEach(async () => {
  testDb = createTestDb();
  db = testDb.db;
  await loadReferenceData(db, CSV, { now: NOW, additions: ADDITIONS });
});
afterEach(() => testDb.close());

const figures = (where: Partial<typeof observations.$inferSelect>) =>
  db
    .select({ o: observations, s: sources })
    .from(observations)
    .innerJoin(sources, eq(sources.id, observations.sourceId))
    .where(
      and(
        ...Object.entries(where).map(([column, value]) =>
          eq(observations[column as keyof typeof where] as typeof observations.note, value as string),
        ),
      ),
    );

describe('loading the reference file with the November 2026 additions', () => {
  it('lands all 261 + 101 rows, each with its source, under the jurisdictions the files name', async () => {
    const rows = await db
      .select({ jurisdiction: observations.jurisdictionId, n: count() })
      .from(observations)
      .groupBy(observations.jurisdictionId);
    expect(Object.fromEntries(rows.map((r) => [r.jurisdiction, r.n]))).toEqual({
      ES: 110,
      EU27: 18,
      IT: 85,
      PK: 73,
      'PK-PB': 20,
      'PK-FIA-GUJRANWALA': 9,
      'PK-PB-GUJRAT': 9,
      'PK-PB-GUJRANWALA': 6,
      'PK-PB-GUJRANWALA-DIV': 4,
      'PK-PB-SIALKOT': 8,
      'PK-PB-MANDI-BAHAUDDIN': 6,
      'PK-PB-HAFIZABAD': 4,
      'PK-PB-NAROWAL': 4,
      'PK-PB-FAISALABAD': 2,
      'PK-PB-LAHORE': 1,
      'PK-PB-GUJRAT-JALALPUR-JATTAN': 1,
      'PK-PB-GUJRAT-GUJRAT': 1,
      'PK-PB-GUJRAT-SARAI-ALAMGIR': 1,
    });
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(362);
    const withoutSource = await db
      .select({ n: count() })
      .from(observations)
      .where(eq(observations.workflowState, 'published'));
    expect(withoutSource[0]?.n).toBe(362);
  });

  it('marks secondary reproductions (press, Wikipedia mirrors) as secondary sources', async () => {
    const [padron] = await figures({
      indicatorId: 'population',
      jurisdictionId: 'ES',
      definition: 'municipal_register',
      year: 2017,
    });
    expect(padron?.s.kind).toBe('secondary');
    const [faisalabad] = await figures({
      indicatorId: 'population',
      jurisdictionId: 'PK-PB-FAISALABAD',
      year: 2023,
    });
    expect(faisalabad?.o.status).toBe('U');
  });

  it('lets the exact census counts supersede the rounded ones of the same census, keeping both', async () => {
    const pakistan = await figures({ indicatorId: 'population', jurisdictionId: 'PK', year: 2023 });
    const rounded = pakistan.find((r) => r.o.value === 241_490_000);
    const exact = pakistan.find((r) => r.o.value === 241_499_431);
    expect(rounded?.o.supersededBy).toBe(exact?.o.id);
    expect(exact?.o.supersededBy).toBeNull();
    const [revision] = await db
      .select()
      .from(observationRevisions)
      .where(eq(observationRevisions.observationId, exact!.o.id));
    expect(revision).toMatchObject({ previousValue: 241_490_000, newValue: 241_499_431 });
    const punjab = await figures({ indicatorId: 'population', jurisdictionId: 'PK-PB', year: 2023 });
    expect(punjab.filter((r) => r.o.supersededBy === null).map((r) => r.o.value)).toEqual([127_688_922]);
  });

  it('files every Italian population under its 1 January year, so the two files agree', async () => {
    const italy = await figures({ indicatorId: 'population', jurisdictionId: 'IT', year: 2023 });
    expect(italy.map((r) => r.o.value)).toEqual([58_997_201]);
    const y2024 = await figures({ indicatorId: 'population', jurisdictionId: 'IT', year: 2024 });
    const current = y2024.filter((r) => r.o.supersededBy === null).map((r) => r.o.value);
    expect(current).toEqual([58_971_230]);
  });

  it('keeps the Cutro first report beside the correction that superseded it', async () => {
    const [first] = await figures({ indicatorId: 'migrant_deaths_by_origin', definition: 'initial_report' });
    const [correction] = await figures({
      indicatorId: 'migrants_missing',
      jurisdictionId: 'PK',
      year: 2023,
      disaggregation: '{"incident":"cutro_2023"}',
    });
    expect(first?.o).toMatchObject({ value: 28, supersededBy: correction?.o.id });
  });

  it('stores monthly and part-year rows as spans of months', async () => {
    const spans = await db
      .select({ indicator: observations.indicatorId, period: observations.period })
      .from(observations)
      .where(and(isNotNull(observations.period), eq(observations.jurisdictionId, 'PK-FIA-GUJRANWALA')));
    expect(
      spans
        .filter((s) => s.period !== '')
        .map((s) => [s.indicator, s.period])
        .sort(),
    ).toEqual([
      ['cases_registered', '2016/P11M'],
      ['cases_registered', '2024-08/2024-08'],
      ['enquiries_opened', '2016/P11M'],
      ['persons_arrested', '2024-08/2024-08'],
      ['persons_arrested', '2025-01/2025-01'],
    ]);
  });

  it('puts deaths counted by tehsil through disclosure control like any count of persons', async () => {
    const [sarai] = await readFigures({ db, suppressionK: 5 }, null, {
      indicators: ['migrant_deaths_by_origin'],
      jurisdictions: ['PK-PB-GUJRAT-SARAI-ALAMGIR'],
    });
    expect(sarai).toMatchObject({ value: null, suppressed: true, confStatus: 'C' });
  });

  it('inserts nothing when loaded a second time', async () => {
    const again = await loadReferenceData(db, CSV, { now: NOW, additions: ADDITIONS });
    expect(again).toMatchObject({ rows: 362, inserted: 0, skipped: 362, superseded: 0 });
  });
});
