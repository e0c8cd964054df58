import {
  CoverageResponseSchema,
  INDICATORS,
  ScorecardResponseSchema,
  scoreJurisdiction,
  WorkflowObservationResponseSchema,
} from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { seedIfEmpty } from '../../seed/index.js';
import { getParsed, insertObservations, withTestApp, type TestApp } from '../../test-support/api.js';
import { gujratFigure, json, useWorkflowTestApp, type TestUser } from '../../test-support/workflow.js';
import { readFigures } from './read.js';
import { listPublishedCellCounts, readScoredFigures } from './summaries.js';

const K = 5;

/** The scorecard as it was computed before the summaries: from every annual total read through the read path. */
async function scoreFromFigures(t: TestApp, jurisdiction: string, year: number) {
  const observations = await readFigures({ db: t.db, suppressionK: K }, null, {
    jurisdictions: [jurisdiction],
    to: year,
    annualTotals: true,
  });
  return score(jurisdiction, year, observations);
}

const score = (
  jurisdiction: string,
  year: number,
  observations: Parameters<typeof scoreJurisdiction>[0]['observations'],
) =>
  scoreJurisdiction({
    jurisdiction,
    year,
    indicators: INDICATORS,
    measures: [],
    observations,
    benchmarks: [],
    measureAssessments: [],
  });

const countedDirectly = (t: TestApp) =>
  t.db.$client
    .prepare(
      `select indicator_id as indicator, jurisdiction_id as jurisdiction, year, count(*) as observations
       from observations where workflow_state = 'published'
       group by indicator_id, jurisdiction_id, year order by indicator_id, jurisdiction_id, year`,
    )
    .all();

describe('the summaries kept on publish', () => {
  it('score and count the reference data as the figures themselves do, withheld values left out', async () => {
    await withTestApp({ seed: seedIfEmpty }, async (t) => {
      const withheld = await insertObservations(t.db, [
        { indicator: 'conviction_rate', jurisdiction: 'IT', year: 2031, value: 97, confStatus: 'C' },
        { indicator: 'conviction_rate', jurisdiction: 'IT', year: 2030, value: 12 },
      ]);
      const jurisdictions = jurisdictionTree(t.db).units.map((unit) => unit.id);
      let scored = 0;
      for (const jurisdiction of jurisdictions) {
        for (const year of [2015, 2020, 2031]) {
          const expected = await scoreFromFigures(t, jurisdiction, year);
          const actual = score(
            jurisdiction,
            year,
            readScoredFigures({ db: t.db, suppressionK: K }, jurisdiction, year),
          );
          expect(actual, `${jurisdiction} ${year}`).toEqual(expected);
          scored += expected.pillars.flatMap((p) => p.indicators).filter((i) => i.score !== null).length;
        }
      }
      expect(scored).toBeGreaterThan(10);
      const italy = score('IT', 2031, readScoredFigures({ db: t.db, suppressionK: K }, 'IT', 2031));
      const conviction = italy.pillars
        .flatMap((p) => p.indicators)
        .find((i) => i.indicator === 'conviction_rate');
      expect(conviction?.basis).toMatchObject({ year: 2030, value: 12 });
      const summarised = t.db.$client.prepare('select observation_id as id from public_annual_totals').all();
      expect(summarised).not.toContainEqual({ id: withheld[0] });
      expect(listPublishedCellCounts(t.db, {})).toEqual(countedDirectly(t));
    });
  });
});

describe('a figure published through the workflow', () => {
  const t = useWorkflowTestApp();

  it('is scored and counted on the next request', async () => {
    const path = '/v1/scorecard?jurisdiction=PK-PB-GUJRAT&year=2022';
    const conviction = async () =>
      (await getParsed(t.app, path, ScorecardResponseSchema)).body.data.pillars
        .flatMap((p) => p.indicators)
        .find((i) => i.indicator === 'conviction_rate');
    const counted = async () =>
      (
        await getParsed(t.app, '/v1/coverage?jurisdiction=PK-PB-GUJRAT', CoverageResponseSchema)
      ).body.data.find((cell) => cell.indicator === 'conviction_rate' && cell.year === 2022)?.observations ??
      0;
    expect((await conviction())?.score).toBeNull();
    const before = await counted();

    const created = await t.app.request(
      '/v1/observations',
      json(t.official.bearer, gujratFigure({ indicator: 'conviction_rate', value: 64 })),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = WorkflowObservationResponseSchema.parse(await created.json()).data;
    const step = async (action: string, who: TestUser) => {
      const res = await t.app.request(`/v1/observations/${id}/${action}`, json(who.bearer, {}));
      expect(res.status, await res.clone().text()).toBe(200);
    };
    await step('submit', t.official);
    await step('approve', t.reviewer);
    expect((await conviction())?.score).toBeNull();
    await step('publish', t.reviewer2);

    expect((await conviction())?.basis).toMatchObject({ year: 2022, value: 64 });
    expect(await counted()).toBe(before + 1);
  });
});
