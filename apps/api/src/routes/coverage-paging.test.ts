import { CoverageResponseSchema, INDICATORS, type CoverageCell, type CoverageResponse } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { getParsed, insertObservations, readProblem, useTestApp } from '../test-support/api.js';

const figure = (indicator: string, jurisdiction: string, year: number) => ({
  indicator,
  jurisdiction,
  year,
  value: 100,
});

const t = useTestApp({
  observations: [
    figure('victims_identified', 'ES', 2020),
    figure('victims_identified', 'IT', 2020),
    figure('victims_identified', 'IT', 2021),
    figure('persons_arrested', 'IT', 2020),
    figure('tip_tier', 'PK', 2022),
  ],
});

const key = (cell: CoverageCell) => `${cell.indicator}/${cell.jurisdiction}/${cell.year}`;

/** Reads every page from `path`, running `between` after each page; returns the rows in the order read. */
async function readAllPages(path: string, between: (page: number) => Promise<void> = async () => {}) {
  const read: CoverageCell[] = [];
  const links: (string | null)[] = [];
  for (let next: string | null = path, page = 0; next !== null; page++) {
    const { res, body }: { res: Response; body: CoverageResponse } = await getParsed(
      t.app,
      next,
      CoverageResponseSchema,
    );
    read.push(...body.data);
    links.push(res.headers.get('link'));
    expect(body.meta.count).toBe(body.data.length);
    expect(body.meta.indicators).toBe(INDICATORS.length);
    next = body.meta.next;
    await between(page);
  }
  return { read, links };
}

describe('GET /v1/coverage: paging', () => {
  it('gives every row a page at a time, ordered by indicator, jurisdiction and year, with rel="next"', async () => {
    const { body: whole } = await getParsed(t.app, '/v1/coverage', CoverageResponseSchema);
    expect(whole.meta).toMatchObject({ limit: 1000, next: null, indicatorsWithData: 3 });
    expect(whole.data).toHaveLength(5 + INDICATORS.length - 3);
    const { read, links } = await readAllPages('/v1/coverage?limit=7');
    expect(read.map(key)).toEqual(whole.data.map(key));
    expect(read.map(key)).toEqual([...read.map(key)].sort());
    expect(links).toHaveLength(Math.ceil(whole.data.length / 7));
    expect(links[0]).toMatch(/^<\/v1\/coverage\?limit=7&cursor=[A-Za-z0-9_-]+>; rel="next"/);
    expect(links.at(-1)).not.toContain('rel="next"');
    expect(read.filter((cell) => cell.indicator === 'victims_identified').map(key)).toEqual([
      'victims_identified/ES/2020',
      'victims_identified/IT/2020',
      'victims_identified/IT/2021',
    ]);
  });

  it('repeats and skips no row while figures are published between pages', async () => {
    const before = await readAllPages('/v1/coverage?limit=5');
    const added: string[] = [];
    const { read } = await readAllPages('/v1/coverage?limit=5', async (page) => {
      if (page > 2) return;
      // A cell sorting before the pages read so far, and one after.
      await insertObservations(t.db, [
        figure('cases_registered', 'ES', 2000 + page),
        figure('victims_identified', 'PK-PB-GUJRAT', 2010 + page),
      ]);
      added.push(`cases_registered/ES/${2000 + page}`, `victims_identified/PK-PB-GUJRAT/${2010 + page}`);
    });
    const keys = read.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    const withData = (cells: CoverageCell[]) => cells.filter((cell) => cell.observations > 0).map(key);
    for (const k of withData(before.read)) expect(keys).toContain(k);
    expect(
      withData(read)
        .filter((k) => !withData(before.read).includes(k))
        .every((k) => added.includes(k)),
    ).toBe(true);
    expect(keys).toContain('victims_identified/PK-PB-GUJRAT/2010');
  });

  it('refuses a cursor it did not give and a limit above the maximum', async () => {
    const bad = await readProblem(await t.app.request('/v1/coverage?cursor=bm90LWEtY3Vyc29y'), 400);
    expect(bad.errors?.map((e) => e.path)).toEqual(['cursor']);
    const tooMany = await readProblem(await t.app.request('/v1/coverage?limit=10001'), 400);
    expect(tooMany.errors?.map((e) => e.path)).toEqual(['limit']);
  });
});
