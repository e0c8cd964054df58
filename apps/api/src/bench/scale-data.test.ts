import { INDICATORS } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { jurisdictionTreeOfFile } from '../seed/jurisdictions-file.js';
import { scaleRows, syntheticRows, type CountSize } from './scale-data.js';

const TREE = jurisdictionTreeOfFile();
const YEAR = 2025;
const COUNTS = new Set(INDICATORS.filter((i) => i.measureType === 'count').map((i) => i.id as string));

/** The newest year of the synthetic grid: every figure by indicator and unit, then by breakdown. */
function newestYear(counts: CountSize = 'small') {
  const tables = new Map<string, Map<string, number>>();
  for (const [indicator, jurisdiction, year, breakdown, value] of syntheticRows(TREE, counts)) {
    if (year !== YEAR) break;
    const key = `${indicator}|${jurisdiction}`;
    const table = tables.get(key) ?? new Map<string, number>();
    tables.set(key, table.set(breakdown, value));
  }
  return tables;
}

describe('the scale generator', () => {
  const tables = newestYear();

  it('publishes every margin of a cross-classified count, each the sum of the cells below it', () => {
    const table = tables.get('victims_identified|PK-PB-GUJRAT-KHARIAN')!;
    const parsed = [...table].map(([b, value]) => ({ breakdown: JSON.parse(b) as object, value }));
    const depth = (n: number) => parsed.filter((row) => Object.keys(row.breakdown).length === n).length;
    // 2 sexes, 2 age groups, 8 forms of exploitation (unknown left out).
    expect([0, 1, 2, 3].map(depth)).toEqual([1, 12, 4 + 16 + 16, 32]);
    for (const margin of parsed) {
      const below = parsed.filter(
        (row) =>
          Object.keys(row.breakdown).length === 3 &&
          Object.entries(margin.breakdown).every(
            ([d, c]) => (row.breakdown as Record<string, string>)[d] === c,
          ),
      );
      expect(margin.value, JSON.stringify(margin.breakdown)).toBe(
        below.reduce((sum, row) => sum + row.value, 0),
      );
    }
  });

  it('gives every parent unit the sums of its children, breakdown by breakdown', () => {
    let checked = 0;
    for (const [key, table] of tables) {
      const [indicator, parent] = key.split('|') as [string, string];
      if (!COUNTS.has(indicator)) continue;
      const children = TREE.unitsAt(YEAR).filter((u) => u.parentId === parent);
      if (children.length === 0) continue;
      for (const [breakdown, value] of table) {
        const sum = children.reduce((s, c) => s + tables.get(`${indicator}|${c.id}`)!.get(breakdown)!, 0);
        expect(value, `${key} ${breakdown}`).toBe(sum);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('draws many cells under the threshold with small counts and few with large ones', () => {
    const shareUnderFive = (counts: CountSize) => {
      const cells = [...newestYear(counts).values()].flatMap((table) =>
        [...table]
          .filter(([breakdown]) => Object.keys(JSON.parse(breakdown) as object).length === 3)
          .map(([, value]) => value),
      );
      return cells.filter((value) => value < 5).length / cells.length;
    };
    expect(shareUnderFive('small')).toBeGreaterThan(0.05);
    expect(shareUnderFive('large')).toBeLessThan(0.005);
  });

  it('cuts the grid at the size asked for, or with whole tables at the end of the table in progress', () => {
    const tableOf = ([indicator, , year]: readonly [string, string, number, ...unknown[]]) =>
      `${indicator}|${year}`;
    const count = (table: string) => {
      let n = 0;
      for (const row of syntheticRows(TREE, 'small')) {
        if (tableOf(row) === table) n++;
        else if (n > 0) break;
      }
      return n;
    };
    const cut = [...scaleRows(TREE, 3000, 'small')];
    const whole = [...scaleRows(TREE, 3000, 'small', true)];
    expect(cut).toHaveLength(3000);
    expect(whole.length).toBeGreaterThan(3000);
    expect(whole.slice(0, 3000)).toEqual(cut);
    const last = tableOf(whole.at(-1)!);
    expect(whole.filter((r) => tableOf(r) === last)).toHaveLength(count(last));
    expect(tableOf(cut.at(-1)!)).toBe(last);
    expect(cut.filter((r) => tableOf(r) === last).length).toBeLessThan(count(last));
  });
});
