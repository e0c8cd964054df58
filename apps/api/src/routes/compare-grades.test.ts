import { CompareResponseSchema, INDICATORS, perModesOf } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../seed/index.js';
import { getParsed, withTestApp } from '../test-support/api.js';

describe('GET /v1/compare over the reference dataset: grades and intervals', () => {
  it('never grades Gujrat, or Punjab or Pakistan standing in for it, A against Italy or Spain', async () => {
    await withTestApp({ seed: seedIfEmpty }, async (reference) => {
      const graded: string[] = [];
      for (const indicator of INDICATORS) {
        for (const per of perModesOf(indicator)) {
          const { body } = await getParsed(
            reference.app,
            `/v1/compare?indicator=${indicator.id}&base=PK-PB-GUJRAT&with=IT,ES&per=${per}`,
            CompareResponseSchema,
          );
          for (const year of body.data.comparison.years) {
            for (const b of year.benchmarks) {
              if (b.grade !== null) graded.push(`${indicator.id} ${year.year} ${b.jurisdiction} ${b.grade}`);
            }
          }
        }
      }
      expect(graded.length).toBeGreaterThan(10);
      expect(graded.filter((line) => line.endsWith(' A'))).toEqual([]);
    });
  });

  it('Pakistan’s victims identified against Italy: no judgement, reasons for level, profile and source', async () => {
    await withTestApp({ seed: seedIfEmpty }, async (reference) => {
      const { body } = await getParsed(
        reference.app,
        '/v1/compare?indicator=victims_identified&base=PK-PB-GUJRAT&with=IT,ES&per=100k',
        CompareResponseSchema,
      );
      const pairs = body.data.comparison.years.flatMap((y) => y.benchmarks).filter((b) => b.grade !== null);
      expect(pairs.length).toBeGreaterThan(0);
      for (const pair of pairs) {
        expect(pair.judgement).toBeNull();
        expect(pair.grade).not.toBe('A');
        expect(pair.reasons.join(' ')).toMatch(/stands in for PK-PB-GUJRAT|is a district/);
      }
    });
  });

  it('gives every rate per 100,000 an interval and a denominator year', async () => {
    await withTestApp({ seed: seedIfEmpty }, async (reference) => {
      const rates = INDICATORS.filter((i) => perModesOf(i)[0] === '100k');
      let checked = 0;
      for (const indicator of rates) {
        for (const base of ['PK-PB-GUJRAT', 'PK', 'IT', 'ES']) {
          const { body } = await getParsed(
            reference.app,
            `/v1/compare?indicator=${indicator.id}&base=${base}&with=IT,ES,EU27&per=100k`,
            CompareResponseSchema,
          );
          const points = body.data.comparison.years.flatMap((y) => [
            y.base,
            ...y.benchmarks.map((b) => b.point),
          ]);
          for (const point of points) {
            if (point === null || point.value === null) continue;
            const isRate = point.normalised || point.derivedFrom?.population !== undefined;
            if (!isRate) continue;
            checked++;
            expect(point.interval, `${indicator.id} ${point.jurisdiction} ${point.year}`).not.toBeNull();
            expect(point.interval!.low).toBeLessThanOrEqual(point.value);
            expect(point.interval!.high).toBeGreaterThanOrEqual(point.value);
            const year = point.denominator?.year ?? point.derivedFrom?.population?.year;
            expect(year, `${indicator.id} ${point.jurisdiction} ${point.year}`).toEqual(expect.any(Number));
          }
        }
      }
      expect(checked).toBeGreaterThan(20);
    });
  });
});
