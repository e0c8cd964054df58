import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../db/schema-workflow.js';
import {
  indicators,
  jurisdictionParents,
  jurisdictions,
  observations,
  sources,
  targets,
} from '../db/schema.js';
import { readJurisdictionFile } from '../seed/jurisdictions-file.js';
import { createTestDb, type TestDb } from '../test-support/db.js';
import { jurisdictionTree, loadJurisdictionFile } from './jurisdictions.js';

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.close());

const file = readJurisdictionFile();

/** The catalogue as it stood before the jurisdictions file: PK-PB-GUJRANWALA was the division. */
function insertLegacyCatalogue(): void {
  const rows = [
    { id: 'PK', kind: 'country', parentId: null, nameEn: 'Pakistan' },
    { id: 'PK-PB', kind: 'province', parentId: 'PK', nameEn: 'Punjab' },
    { id: 'PK-PB-GUJRANWALA', kind: 'division', parentId: 'PK-PB', nameEn: 'Gujranwala Division' },
    { id: 'PK-PB-GUJRAT', kind: 'district', parentId: 'PK-PB-GUJRANWALA', nameEn: 'Gujrat District' },
  ];
  for (const row of rows)
    t.db
      .insert(jurisdictions)
      .values({ ...row, role: 'monitored' })
      .run();
  t.db
    .insert(indicators)
    .values({
      id: 'cases_registered',
      pillar: 'prosecution',
      name: 'Cases',
      measureType: 'count',
      unit: 'cases',
    })
    .run();
  t.db.insert(sources).values({ id: 1, title: 'FIA', publisher: 'The Nation', kind: 'secondary' }).run();
  const figure = {
    indicatorId: 'cases_registered',
    jurisdictionId: 'PK-PB-GUJRANWALA',
    sourceId: 1,
    yearEnd: 2016,
  };
  t.db
    .insert(observations)
    .values({ ...figure, id: 1, year: 2016, value: 1157, createdBy: null })
    .run();
  t.db
    .insert(users)
    .values({
      id: 'u1',
      email: 'div@example.org',
      passwordHash: 'x',
      role: 'district_official',
      jurisdictionId: 'PK-PB-GUJRANWALA',
    })
    .run();
  t.db
    .insert(observations)
    .values({ ...figure, id: 2, year: 2019, yearEnd: 2019, value: 12, createdBy: 'u1' })
    .run();
  t.db
    .insert(targets)
    .values({
      indicatorId: 'cases_registered',
      jurisdictionId: 'PK-PB-GUJRANWALA',
      targetYear: 2030,
      targetValue: 2,
    })
    .run();
}

describe('loadJurisdictionFile', () => {
  it('loads every unit with its parent periods once, and again only when the file is newer', () => {
    expect(loadJurisdictionFile(t.db, file)).toBe(file.units.length);
    expect(loadJurisdictionFile(t.db, file)).toBe(0);
    const gujrat = t.db
      .select()
      .from(jurisdictionParents)
      .where(eq(jurisdictionParents.jurisdictionId, 'PK-PB-GUJRAT'))
      .all();
    expect(gujrat.map((p) => [p.parentId, p.validFrom, p.validTo])).toEqual([
      ['PK-PB-GUJRANWALA-DIV', null, '2022-08-16'],
      ['PK-PB-GUJRAT-DIV', '2022-08-17', null],
    ]);
    const renamed = {
      ...file,
      version: file.version + 1,
      units: file.units.map((u) =>
        u.id === 'PK' ? { ...u, name: { ...u.name, en: 'Islamic Republic of Pakistan' } } : u,
      ),
    };
    expect(loadJurisdictionFile(t.db, renamed)).toBe(file.units.length);
    expect(jurisdictionTree(t.db).find('PK')?.name.en).toBe('Islamic Republic of Pakistan');
  });

  it('re-files what the old division id held: seeded FIA rows to the zone, the rest to Gujranwala Division', () => {
    insertLegacyCatalogue();
    loadJurisdictionFile(t.db, file);
    const filed = t.db.select().from(observations).all();
    expect(filed.map((o) => [o.id, o.jurisdictionId])).toEqual([
      [1, 'PK-FIA-GUJRANWALA'],
      [2, 'PK-PB-GUJRANWALA-DIV'],
    ]);
    expect(t.db.select().from(users).get()?.jurisdictionId).toBe('PK-PB-GUJRANWALA-DIV');
    expect(t.db.select().from(targets).get()?.jurisdictionId).toBe('PK-PB-GUJRANWALA-DIV');
    expect(jurisdictionTree(t.db).find('PK-PB-GUJRANWALA')).toMatchObject({
      kind: 'district',
      parentId: 'PK-PB-GUJRANWALA-DIV',
    });
  });

  it('builds the tree once and rebuilds it after a load', () => {
    loadJurisdictionFile(t.db, file);
    const first = jurisdictionTree(t.db);
    expect(jurisdictionTree(t.db)).toBe(first);
    loadJurisdictionFile(t.db, { ...file, version: file.version + 1 });
    expect(jurisdictionTree(t.db)).not.toBe(first);
  });
});

describe('the committed jurisdictions file', () => {
  it('names every unit in English and Urdu and cites a source for every dated event', () => {
    for (const unit of file.units) {
      expect(unit.name.ur).toMatch(/[\u0600-\u06FF]/);
      if (unit.validFrom !== null || unit.validTo !== null) expect(unit.source).not.toBeNull();
      for (const period of unit.parents) if (period.from !== null) expect(period.source).not.toBeNull();
    }
    expect(file.notes.join(' ')).toContain('Kunjah is not loaded');
  });
});
