import type { Statement } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertAssessment, insertObservations, useTestApp, type TestApp } from '../test-support/api.js';
import { json, useWorkflowTestApp } from '../test-support/workflow.js';

type Run = { sql: string; params: unknown[] };

const METHODS = ['all', 'get', 'run', 'iterate'] as const;

/**
 * The statements a request runs, with their parameters: every statement's methods are wrapped for the request,
 * so statements prepared once and kept (by an earlier request) are seen too.
 */
async function statementsOf(t: TestApp, path: string): Promise<Run[]> {
  const runs: Run[] = [];
  const prototype = Object.getPrototypeOf(t.db.$client.prepare('select 1')) as Statement;
  const originals = METHODS.map((name) => [name, prototype[name]] as const);
  for (const [name, method] of originals) {
    Object.assign(prototype, {
      [name](this: Statement, ...params: unknown[]) {
        runs.push({ sql: this.source, params });
        return (method as (...a: unknown[]) => unknown).apply(this, params);
      },
    });
  }
  try {
    const res = await t.app.request(path);
    expect(res.status, path).toBe(200);
    await res.arrayBuffer();
  } finally {
    for (const [name, method] of originals) Object.assign(prototype, { [name]: method });
  }
  return runs;
}

const planIn = (t: TestApp, run: Run): string[] =>
  (t.db.$client.prepare(`explain query plan ${run.sql}`).all(...run.params) as { detail: string }[]).map(
    (row) => row.detail,
  );

const figures = ['PK-PB-GUJRAT', 'PK-PB', 'IT', 'ES'].flatMap((jurisdiction) =>
  [2019, 2020, 2021, 2022].flatMap((year) => [
    { indicator: 'victims_identified', jurisdiction, year, value: 50 + year - 2019 },
    {
      indicator: 'victims_identified',
      jurisdiction,
      year,
      value: 20,
      disaggregation: { sex: 'female' as const },
    },
    { indicator: 'population', jurisdiction, year, value: 1_000_000 },
    { indicator: 'tip_tier', jurisdiction, year, value: 2 },
  ]),
);

async function insertFiguresAndAssessment(t: TestApp) {
  await insertObservations(t.db, figures);
  await insertAssessment(t.db, {
    measure: 'national_action_plan',
    jurisdiction: 'PK-PB-GUJRAT',
    year: 2021,
    level: 2,
  });
}

describe('query plans of the hot public reads', () => {
  const t = useTestApp();
  const queriesOf = async (path: string) =>
    (await statementsOf(t, path)).filter((run) => /\bfrom "observations"/.test(run.sql));
  const planOf = (run: Run) => planIn(t, run);

  it.each([
    '/v1/observations',
    '/v1/observations?jurisdiction=ES&limit=5',
    '/v1/observations?indicator=victims_identified&limit=5',
    '/v1/observations?indicator=victims_identified&jurisdiction=IT&from=2020',
    '/v1/observations?indicator=victims_identified&jurisdictions=PK-PB-GUJRAT,IT,ES&breakdown=total&limit=5',
    '/v1/observations/bulk?jurisdiction=IT',
    '/v1/scorecard?jurisdiction=PK-PB-GUJRAT',
    '/v1/compare?indicator=victims_identified&base=PK-PB-GUJRAT&with=IT,ES',
    '/v1/coverage',
    '/v1/coverage?jurisdiction=ES&pillar=protection',
  ])('%s reads observations through an index, never a table scan', async (path) => {
    await insertFiguresAndAssessment(t);
    const runs = await queriesOf(path);
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      const plan = planOf(run);
      expect(
        plan.filter((step) => /^SCAN observations\b/.test(step)),
        run.sql,
      ).toEqual([]);
      expect(
        plan.some((step) => /^SEARCH observations\b/.test(step)),
        run.sql,
      ).toBe(true);
    }
  });

  it('compares from current totals only: no breakdown or superseded figure is read', async () => {
    await insertObservations(t.db, figures);
    const runs = await queriesOf('/v1/compare?indicator=victims_identified&base=PK-PB-GUJRAT&with=IT,ES');
    const figureReads = runs.filter((run) => /"observations"\."value"/.test(run.sql));
    expect(figureReads.length).toBeGreaterThan(0);
    for (const run of figureReads) {
      expect(run.sql).toMatch(
        /"observations"\."disaggregation" = \?.*"observations"\."superseded_by" is null/,
      );
      expect(run.params).toContain('{}');
    }
  });

  it('pages by cursor along the index, without sorting', async () => {
    await insertObservations(t.db, figures);
    const first = await t.app.request('/v1/observations?jurisdiction=ES&limit=3');
    const next = ((await first.json()) as { meta: { next: string } }).meta.next;
    for (const run of await queriesOf(next)) {
      const plan = planOf(run);
      expect(plan.join('\n'), run.sql).not.toMatch(/TEMP B-TREE/);
    }
  });
});

/** Tables that grow with the published figures: read by a seek, or along an index, never by a bare scan. */
const SUMMARY_TABLES =
  'published_cell_counts|public_annual_totals|release_figures|release_changes|disclosure_states|publish_generation';

describe('query plans of every public read, on one database', () => {
  const t = useWorkflowTestApp();
  let release = '';
  beforeAll(async () => {
    await insertFiguresAndAssessment(t);
    const res = await t.app.request('/v1/releases', json(t.reviewer.bearer, {}));
    expect(res.status).toBe(201);
    release = ((await res.json()) as { data: { id: string } }).data.id;
  });

  /** The next page's address, as a client following `meta.next` would have it. */
  const nextOf = async (path: string) => {
    const res = await t.app.request(path);
    expect(res.status, path).toBe(200);
    const next = ((await res.json()) as { meta: { next: string | null } }).meta.next;
    expect(next, path).toBeTruthy();
    return next!;
  };

  /** Runs `path` and checks each statement's plan; `searched` are the tables some statement must seek in. */
  async function expectIndexed(path: string, searched: string[]) {
    const steps = (await statementsOf(t, path)).flatMap((run) =>
      planIn(t, run).map((step) => ({ step, run })),
    );
    const scans = steps.filter(
      ({ step }) =>
        /^SCAN observations\b/.test(step) ||
        (new RegExp(`^SCAN (${SUMMARY_TABLES})\\b`).test(step) && !/ USING (COVERING )?INDEX /.test(step)),
    );
    expect(
      scans.map(({ step, run }) => `${step} in ${run.sql}`),
      path,
    ).toEqual([]);
    for (const table of searched) {
      expect(
        steps.some(({ step }) => step.startsWith(`SEARCH ${table} `)),
        `${path} seeks in ${table}`,
      ).toBe(true);
    }
  }

  const selections = [
    '',
    'indicator=victims_identified&',
    'jurisdiction=ES&',
    'indicator=population&jurisdiction=IT&',
  ];
  const spans = ['', 'from=2020&', 'to=2021&', 'from=2020&to=2021&'];
  const filters = selections.flatMap((selection) => spans.map((span) => `${selection}${span}`));

  it.each(filters)('observations page and its next page: ?%s', async (filter) => {
    await expectIndexed(`/v1/observations?${filter}limit=1`, ['observations', 'disclosure_states']);
    await expectIndexed(await nextOf(`/v1/observations?${filter}limit=1`), ['observations']);
  });

  it.each(selections)('bulk export of ?%s (its later batches are the next-page query)', async (selection) => {
    await expectIndexed(`/v1/observations/bulk?${selection}format=csv`, [
      'observations',
      'disclosure_states',
    ]);
  });

  it.each(selections)('a release page and its next page: ?%s', async (selection) => {
    await expectIndexed(`/v1/observations?${selection}release=${release}&limit=1`, ['release_figures']);
    await expectIndexed(await nextOf(`/v1/observations?${selection}release=${release}&limit=1`), [
      'release_figures',
    ]);
  });

  it('progress and targets seek the totals of their cells, not every breakdown', async () => {
    for (const indicator of ['victims_identified', 'persons_convicted']) {
      const target = {
        indicator,
        jurisdiction: 'PK-PB-GUJRAT',
        baseline: { year: 2019, value: 50, source: { title: 'Baseline', publisher: 'District Gujrat' } },
        target: { year: 2030, value: 80, source: { title: 'Plan', publisher: 'District Gujrat' } },
      };
      expect((await t.app.request('/v1/targets', json(t.reviewer.bearer, target, 'PUT'))).status).toBe(200);
    }
    // Progress first: the targets just set moved the publish generation, so its kept answer is computed afresh.
    for (const path of ['/v1/progress?jurisdiction=PK-PB-GUJRAT', '/v1/targets?jurisdiction=PK-PB-GUJRAT']) {
      const reads = (await statementsOf(t, path)).filter((run) => /\bfrom "observations"/.test(run.sql));
      const totalsReads = reads.filter((run) => /"observations"\."disaggregation" = \?/.test(run.sql));
      expect(totalsReads.length, path).toBeGreaterThan(0);
      for (const run of reads) {
        const plan = planIn(t, run);
        expect(
          plan.filter((step) => /^SCAN observations\b/.test(step)),
          run.sql,
        ).toEqual([]);
        if (totalsReads.includes(run))
          expect(
            plan.filter((step) => /^SEARCH observations .*disaggregation=\?/.test(step)),
            run.sql,
          ).toHaveLength(1);
      }
    }
  });

  it('coverage pages from published_cell_counts', async () => {
    await expectIndexed('/v1/coverage?limit=2', ['published_cell_counts']);
    await expectIndexed(await nextOf('/v1/coverage?limit=2'), ['published_cell_counts']);
    await expectIndexed('/v1/coverage?jurisdiction=ES&pillar=protection', ['published_cell_counts']);
    await expectIndexed(`/v1/coverage?release=${release}`, ['release_figures']);
  });

  it('scorecard: the years with data, the summary seek and the figures it scores', async () => {
    await expectIndexed('/v1/scorecard?jurisdiction=IT', ['observations', 'public_annual_totals']);
    await expectIndexed('/v1/scorecard?jurisdiction=ES&year=2021', ['public_annual_totals', 'observations']);
    await expectIndexed(`/v1/scorecard?jurisdiction=ES&release=${release}`, ['release_figures']);
  });

  it('compare reads, current and as released', async () => {
    const compare = '/v1/compare?indicator=victims_identified&base=PK-PB-GUJRAT&with=IT,ES';
    await expectIndexed(compare, ['observations']);
    await expectIndexed(`${compare}&from=2020&to=2021&per=absolute`, ['observations']);
    await expectIndexed(`${compare}&release=${release}`, ['release_figures']);
  });

  it('sources of a page and a release by id', async () => {
    await expectIndexed('/v1/sources', ['observations']);
    await expectIndexed('/v1/sources/1', ['sources', 'observations']);
    await expectIndexed(`/v1/releases/${release}`, ['releases']);
  });

  it.each(['', 'change=added&', 'change=withdrawn&'])(
    "a release's changes, a page and its next page: ?%s",
    async (selection) => {
      const page = `/v1/releases/${release}/changes?${selection}limit=1`;
      await expectIndexed(page, ['release_changes']);
      if (selection !== 'change=withdrawn&') await expectIndexed(await nextOf(page), ['release_changes']);
    },
  );

  it('publish generation: one row by its key', async () => {
    const generation = (await statementsOf(t, '/v1/observations?limit=1')).filter((run) =>
      /from "publish_generation"/.test(run.sql),
    );
    expect(generation.length).toBeGreaterThan(0);
    for (const run of generation)
      expect(planIn(t, run)).toEqual([expect.stringMatching(/^SEARCH publish_generation /)]);
  });
});
