import { readFileSync } from 'node:fs';
import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.js';
import { measureAssessments, observationRevisions, observations, sources } from '../db/schema.js';
import { createTestDb, type TestDb } from '../test-support/db.js';
import { ReferenceDataError } from '../reference/rows.js';
import { loadReferenceData } from './load-reference.js';

const CSV = readFileSync(new URL('../../seed/reference-observations.csv', import.meta.url), 'utf8');
const HEADER = CSV.slice(0, CSV.indexOf('\n') + 1);
const NOW = () => new Date('2026-01-01T00:00:00.000Z');

let testDb: TestDb;
let db: Db;
beforeEach(() => {
  testDb = createTestDb();
  db = testDb.db;
});
afterEach(() => testDb.close());

const countOf = async (table: typeof observations | typeof sources | typeof observationRevisions) =>
  (await db.select({ n: count() }).from(table))[0]?.n;

async function figure(where: Partial<typeof observations.$inferSelect>) {
  const conditions = Object.entries(where).map(([column, value]) =>
    eq(observations[column as keyof typeof where] as typeof observations.note, value as string),
  );
  return db
    .select({ o: observations, s: sources })
    .from(observations)
    .innerJoin(sources, eq(sources.id, observations.sourceId))
    .where(and(...conditions));
}

describe('loadReferenceData', () => {
  it('lands every CSV row as a published observation with its source', async () => {
    const counts = await loadReferenceData(db, CSV, { now: NOW });
    expect(counts).toEqual({
      rows: 261,
      inserted: 261,
      skipped: 0,
      sources: 133,
      sourcesInserted: 133,
      superseded: 3,
      assessments: 21,
    });
    expect(await countOf(observations)).toBe(261);
    const published = await db
      .select({ n: count() })
      .from(observations)
      .where(and(eq(observations.workflowState, 'published'), eq(observations.locked, 1)));
    expect(published[0]?.n).toBe(261);
  });

  it('keeps each row under its jurisdiction, except FIA Gujranwala figures, which go to the FIA zone', async () => {
    await loadReferenceData(db, CSV, { now: NOW });
    const rows = await db
      .select({ jurisdiction: observations.jurisdictionId, n: count() })
      .from(observations)
      .groupBy(observations.jurisdictionId);
    expect(Object.fromEntries(rows.map((r) => [r.jurisdiction, r.n]))).toEqual({
      ES: 103,
      IT: 73,
      PK: 55,
      'PK-PB': 11,
      'PK-FIA-GUJRANWALA': 4,
      'PK-PB-GUJRAT': 7,
      EU27: 8,
    });
    const [zone] = await figure({
      indicatorId: 'cases_registered',
      jurisdictionId: 'PK-FIA-GUJRANWALA',
      definition: 'thb_and_smuggling',
    });
    expect(zone?.o).toMatchObject({ year: 2016, value: 1157, period: '2016/P11M' });
    expect(zone?.o.note).toContain('filed under Gujrat in the CSV');
  });

  it('converts units to the catalogue and keeps the value and unit as read', async () => {
    await loadReferenceData(db, CSV, { now: NOW });
    const [population] = await figure({ indicatorId: 'population', jurisdictionId: 'PK', year: 2023 });
    expect(population?.o).toMatchObject({ value: 241_490_000, valueAsRead: '241.49', unitAsRead: 'million' });
    expect(population?.s).toMatchObject({
      title:
        "District-wise detailed tables of Population and Housing Census 2023 (Pakistan's population soars to 241.49 million)",
      locator: 'https://getdatastatistics.com/tag/district-wise-data',
      kind: 'secondary',
    });
    const [rate] = await figure({ indicatorId: 'victims_identified_per_100k', jurisdictionId: 'ES' });
    expect(rate?.o).toMatchObject({
      year: 2021,
      value: 0.4,
      valueAsRead: '4',
      definition: 'registered_victims',
    });
    const [forced] = await figure({
      indicatorId: 'people_in_modern_slavery',
      definition: 'forced_labour_only',
    });
    expect(forced?.o).toMatchObject({ value: 4_500_000, status: 'E' });
  });

  it('stores a cumulative figure as a span, never as an annual value', async () => {
    await loadReferenceData(db, CSV, { now: NOW });
    const [span] = await figure({
      indicatorId: 'criminal_organisations_dismantled',
      jurisdictionId: 'ES',
      year: 2017,
    });
    expect(span?.o).toMatchObject({ year: 2017, yearEnd: 2021, value: 374 });
    expect(span?.s).toMatchObject({
      title: 'Situación en España (trata de seres humanos)',
      publisher: 'Ministerio del Interior (Spain)',
      kind: 'primary',
    });
  });

  it('reads a Tier 2 Watch List as 2.5 from a reproduction of the TIP report', async () => {
    await loadReferenceData(db, CSV, { now: NOW });
    const [tier] = await figure({ indicatorId: 'tip_tier', jurisdictionId: 'PK', year: 2020 });
    expect(tier?.o).toMatchObject({ value: 2.5, status: 'A' });
    expect(tier?.s).toMatchObject({
      title: 'Trafficking in Persons Report 2020 - Pakistan',
      locator: 'https://www.ecoi.net/de/dokument/2036213.html',
      kind: 'secondary',
    });
    const [spain] = await figure({ indicatorId: 'tip_tier', jurisdictionId: 'ES', year: 2022 });
    expect(spain?.s.kind).toBe('primary');
  });

  it('marks provisional figures P and files a GSI edition under its reference year', async () => {
    await loadReferenceData(db, CSV, { now: NOW });
    const [spain] = await figure({ indicatorId: 'population', jurisdictionId: 'ES', year: 2024 });
    expect(spain?.o.status).toBe('P');
    const gsi = await figure({
      indicatorId: 'people_in_modern_slavery',
      jurisdictionId: 'PK',
      definition: 'standard',
    });
    expect(gsi.map((r) => [r.o.year, r.o.value, r.o.status]).sort()).toEqual([
      [2014, 2058200, 'E'],
      [2016, 3190000, 'E'],
      [2021, 2349000, 'E'],
    ]);
  });

  it('keeps both values of a revised figure and marks the earlier report superseded, with a revision row', async () => {
    await loadReferenceData(db, CSV, { now: NOW });
    const pair = await figure({
      indicatorId: 'victims_identified',
      jurisdictionId: 'IT',
      year: 2021,
      definition: 'standard',
    });
    const first = pair.find((r) => r.o.value === 463);
    const revised = pair.find((r) => r.o.value === 493);
    expect(first?.s).toMatchObject({ title: 'Trafficking in Persons Report 2022 - Italy', year: 2022 });
    expect(revised?.s).toMatchObject({ title: 'Trafficking in Persons Report 2023 - Italy', year: 2023 });
    expect(first?.o.supersededBy).toBe(revised?.o.id);
    expect(revised?.o.supersededBy).toBeNull();
    const revisions = await db
      .select()
      .from(observationRevisions)
      .where(eq(observationRevisions.observationId, revised!.o.id));
    expect(revisions).toEqual([
      expect.objectContaining({
        previousValue: 463,
        previousValueAsRead: '463',
        previousSourceId: first?.s.id,
        newValue: 493,
        revisedAt: '2026-01-01T00:00:00.000Z',
      }),
    ]);
  });

  it('keeps disagreeing figures from different publishers both current', async () => {
    const rival = (publisher: string, value: number) =>
      `ES,victims_identified,protection,2021,${value},persons,Report,${publisher},2022,,`;
    await loadReferenceData(db, `${HEADER}${rival('Police', 114)}\n${rival('NGO', 187)}\n`, {
      now: NOW,
      assessments: [],
    });
    const spain = await figure({ indicatorId: 'victims_identified', jurisdictionId: 'ES', year: 2021 });
    expect(spain.map((r) => [r.o.value, r.o.supersededBy]).sort()).toEqual([
      [114, null],
      [187, null],
    ]);
  });

  describe('the known faults of the reference file, each fixed as a recorded decision', () => {
    beforeEach(() => loadReferenceData(db, CSV, { now: NOW }));

    it('stores Spain’s first-half-year counts of 2015 and 2016 as January–June spans, not annual values', async () => {
      const halves = await figure({
        indicatorId: 'victims_identified',
        jurisdictionId: 'ES',
        period: '2015-01/2015-06',
      });
      expect(halves.map((r) => [r.o.year, r.o.yearEnd, r.o.value])).toEqual([[2015, 2015, 169]]);
      const [y2016] = await figure({
        indicatorId: 'victims_identified',
        jurisdictionId: 'ES',
        year: 2016,
        definition: 'standard',
      });
      expect(y2016?.o).toMatchObject({ value: 85, period: '2016-01/2016-06' });
      const annual2015 = await figure({
        indicatorId: 'victims_identified',
        jurisdictionId: 'ES',
        year: 2015,
        definition: 'standard',
        period: '',
      });
      expect(annual2015).toEqual([]);
    });

    it('keeps Spain’s eight-month 2017 count current beside the whole-year figure, with no revision between them', async () => {
      const spain = await figure({
        indicatorId: 'victims_identified',
        jurisdictionId: 'ES',
        year: 2017,
        definition: 'standard',
      });
      expect(spain.map((r) => [r.o.value, r.o.period, r.o.supersededBy]).sort()).toEqual([
        [173, '2017-01/2017-08', null],
        [213, '', null],
      ]);
      const revisions = await db
        .select()
        .from(observationRevisions)
        .where(eq(observationRevisions.previousValue, 173));
      expect(revisions).toEqual([]);
    });

    it('files the CITCO police series under its own definition, so Spain 2021 has one current value per definition', async () => {
      const spain = await figure({
        indicatorId: 'victims_identified',
        jurisdictionId: 'ES',
        year: 2021,
        yearEnd: 2021,
        disaggregation: '{}',
      });
      const current = spain.filter((r) => r.o.supersededBy === null);
      expect(current.map((r) => [r.o.definition, r.o.value]).sort()).toEqual([
        ['citco_police', 187],
        ['standard', 114],
        ['trafficking_and_exploitation', 1056],
      ]);
      const definitions = current.map((r) => r.o.definition);
      expect(new Set(definitions).size).toBe(definitions.length);
    });

    it('marks Pakistan’s unverified 21,253 (a reader’s letter) low reliability, from a secondary source', async () => {
      const [pakistan] = await figure({
        indicatorId: 'victims_identified',
        jurisdictionId: 'PK',
        year: 2021,
      });
      expect(pakistan?.o).toMatchObject({ value: 21_253, status: 'U' });
      expect(pakistan?.s.kind).toBe('secondary');
    });

    it('stores the Italian funding calls of 15–17 months over their real span, never as an annual budget', async () => {
      const italy = await figure({
        indicatorId: 'victim_assistance_funding',
        jurisdictionId: 'IT',
        definition: 'standard',
      });
      expect(italy.map((r) => [r.o.value, r.o.year, r.o.yearEnd, r.o.period]).sort()).toEqual([
        [22.5, 2017, 2019, '2017-12/2019-02'],
        [24, 2019, 2020, '2019-03/2020-05'],
        [27.2, 2022, 2023, '2022/P17M'],
        [28.8, 2025, 2026, '2025-08/2026-11'],
      ]);
    });

    it('stores "three years to April 2021" as May 2018 to April 2021', async () => {
      const spans = await db
        .select({ indicator: observations.indicatorId, period: observations.period })
        .from(observations)
        .where(eq(observations.period, '2018-05/2021-04'));
      expect(spans.map((r) => r.indicator).sort()).toEqual([
        'cases_registered',
        'persons_arrested',
        'persons_convicted',
      ]);
    });

    it('marks the PTPA "cases" that count smuggling suspects as mixed, definition differs (D)', async () => {
      const [ptpa] = await figure({
        indicatorId: 'cases_registered',
        jurisdictionId: 'PK',
        year: 2023,
        yearEnd: 2024,
      });
      expect(ptpa?.o).toMatchObject({ value: 3458, definition: 'thb_and_smuggling', status: 'D' });
    });

    it('files the FIA Gujranwala zone rows under the FIA zone, none under the Gujranwala district', async () => {
      const zone = await figure({ jurisdictionId: 'PK-FIA-GUJRANWALA' });
      expect(zone.map((r) => [r.o.indicatorId, r.o.value]).sort()).toEqual([
        ['cases_registered', 1157],
        ['cases_registered', 6],
        ['enquiries_opened', 1556],
        ['migrants_missing', 101],
      ]);
      expect(await figure({ jurisdictionId: 'PK-PB-GUJRANWALA' })).toEqual([]);
    });
  });

  it('inserts nothing when loaded a second time', async () => {
    await loadReferenceData(db, CSV, { now: NOW });
    const again = await loadReferenceData(db, CSV, { now: NOW });
    expect(again).toMatchObject({
      inserted: 0,
      skipped: 261,
      sourcesInserted: 0,
      superseded: 0,
      assessments: 0,
    });
    expect(await countOf(observations)).toBe(261);
    expect(await countOf(sources)).toBe(142);
    expect(await countOf(observationRevisions)).toBe(3);
  });

  it('fails on an unmapped key, naming the line, and writes nothing', async () => {
    const csv = `${HEADER}ES,tip_tier,partnership,2015,1,"tier (1, 2, 2.5=Tier 2 Watch List, 3)",T,P,2015,,\nES,made_up_key,protection,2020,5,persons,T,P,2020,,\n`;
    const error = await loadReferenceData(db, csv, { assessments: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReferenceDataError);
    expect((error as ReferenceDataError).issues).toEqual([
      { line: 3, message: 'indicator key "made_up_key" has no mapping' },
    ]);
    expect(await countOf(observations)).toBe(0);
    expect(await countOf(sources)).toBe(0);
  });

  it('rolls back every write when a step inside the transaction fails', async () => {
    const withoutAssessedRows = CSV.split('\n')
      .filter((line) => !line.includes(',national_action_plan_adopted,'))
      .join('\n');
    await expect(loadReferenceData(db, withoutAssessedRows)).rejects.toThrow(/national_action_plan_adopted/);
    expect(await countOf(observations)).toBe(0);
    expect(await countOf(sources)).toBe(0);
    expect((await db.select({ n: count() }).from(measureAssessments))[0]?.n).toBe(0);
  });
});
