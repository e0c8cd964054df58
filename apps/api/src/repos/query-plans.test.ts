import type { Statement } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { insertAssessment, insertObservations, useTestApp } from '../test-support/api.js';

const t = useTestApp();

type Run = { sql: string; params: unknown[] };

/** The statements a request runs on the observations table, with their parameters. */
async function queriesOf(path: string): Promise<Run[]> {
  const sqlite = t.db.$client;
  const prepare = sqlite.prepare.bind(sqlite);
  const runs: Run[] = [];
  const record = (statement: Statement, sql: string): Statement =>
    new Proxy(statement, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        if (['all', 'get', 'run', 'iterate'].includes(String(name))) {
          return (...params: unknown[]) => {
            runs.push({ sql, params });
            return (value as (...a: unknown[]) => unknown).apply(target, params);
          };
        }
        return (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          return result === target ? receiver : result;
        };
      },
    });
  sqlite.prepare = ((sql: string) => record(prepare(sql), sql)) as typeof sqlite.prepare;
  try {
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  } finally {
    sqlite.prepare = prepare as typeof sqlite.prepare;
  }
  return runs.filter((run) => /\bfrom "observations"/.test(run.sql));
}

const planOf = (run: Run): string[] =>
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

describe('query plans of the hot public reads', () => {
  it.each([
    '/v1/observations',
    '/v1/observations?jurisdiction=ES&limit=5',
    '/v1/observations?indicator=victims_identified&limit=5',
    '/v1/observations?indicator=victims_identified&jurisdiction=IT&from=2020',
    '/v1/observations/bulk?jurisdiction=IT',
    '/v1/scorecard?jurisdiction=PK-PB-GUJRAT',
    '/v1/compare?indicator=victims_identified&base=PK-PB-GUJRAT&with=IT,ES',
    '/v1/coverage',
    '/v1/coverage?jurisdiction=ES&pillar=protection',
  ])('%s reads observations through an index, never a table scan', async (path) => {
    await insertObservations(t.db, figures);
    await insertAssessment(t.db, {
      measure: 'national_action_plan',
      jurisdiction: 'PK-PB-GUJRAT',
      year: 2021,
      level: 2,
    });
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
