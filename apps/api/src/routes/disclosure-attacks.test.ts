import {
  JurisdictionListResponseSchema,
  ProgressResponseSchema,
  TargetListResponseSchema,
} from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { attack, pins } from '../test-support/attacker.js';
import { publishThroughApi, readEveryRoute, type Entry, type Reading } from '../test-support/disclosure.js';
import { createTestUser, json, useWorkflowTestApp } from '../test-support/workflow.js';

const t = useWorkflowTestApp();
const GUJRAT = 'PK-PB-GUJRAT';
const TEHSILS = [
  'PK-PB-GUJRAT-GUJRAT',
  'PK-PB-GUJRAT-KHARIAN',
  'PK-PB-GUJRAT-SARAI-ALAMGIR',
  'PK-PB-GUJRAT-JALALPUR-JATTAN',
];

const readers = () => [
  { who: 'an anonymous visitor', headers: {} },
  { who: 'a donor', headers: t.donor.bearer },
];

async function subUnitsOf(years: readonly number[]) {
  const byYear = new Map<number, Map<string, string[]>>();
  for (const year of years) {
    const res = await t.app.request(`/v1/jurisdictions?asOf=${year}`);
    const children = new Map<string, string[]>();
    for (const u of JurisdictionListResponseSchema.parse(await res.json()).data.items) {
      if (u.kind === 'tehsil' && u.parentId)
        children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
    }
    byYear.set(year, children);
  }
  return (unit: string, year: number) => byYear.get(year)?.get(unit) ?? [];
}

/**
 * Publishes `entries` as officials would, reads everything public about them as an anonymous visitor and as a
 * donor, and returns, per reader, the small counts an attacker pins down (with the equations used).
 */
async function attackScenario(
  entries: readonly Entry[],
  indicators: readonly string[] = [entries[0]!.indicator],
) {
  const ids = await publishThroughApi(t, entries);
  const truth = new Map(ids.map((id, i) => [id, entries[i]!.value]));
  const jurisdictions = [...new Set(entries.map((e) => e.jurisdiction))];
  const years = [...new Set(entries.flatMap((e) => [e.year, e.yearEnd ?? e.year]))];
  const subUnits = await subUnitsOf(years);
  const results: { who: string; reading: Reading; pinned: Awaited<ReturnType<typeof attack>> }[] = [];
  for (const { who, headers } of readers()) {
    const scopes = indicators.map((indicator) => ({ indicator, jurisdictions, years }));
    const reading = await readEveryRoute(t, headers, scopes);
    results.push({ who, reading, pinned: await attack(reading.figures, truth, subUnits) });
  }
  return { ids, results };
}

const expectNothingPinned = (results: Awaited<ReturnType<typeof attackScenario>>['results']) => {
  for (const { who, pinned } of results) expect(pinned, who).toEqual([]);
};

describe('an attacker who reads every public output', () => {
  it('attack 1, across sources: cannot take a split from one source off the total from another', async () => {
    const { results } = await attackScenario([
      {
        indicator: 'victims_identified',
        jurisdiction: GUJRAT,
        year: 2015,
        value: 12,
        source: 'Police report',
      },
      {
        indicator: 'victims_identified',
        jurisdiction: GUJRAT,
        year: 2015,
        disaggregation: { sex: 'female' },
        value: 9,
        source: 'Shelter register',
      },
      {
        indicator: 'victims_identified',
        jurisdiction: GUJRAT,
        year: 2015,
        disaggregation: { sex: 'male' },
        value: 3,
        source: 'Shelter register',
      },
    ]);
    expectNothingPinned(results);
  });

  it('attack 2, across time spans: cannot take two annual figures off a three-year figure', async () => {
    const figure = { indicator: 'victims_in_assistance', jurisdiction: GUJRAT };
    const { results } = await attackScenario([
      { ...figure, year: 2016, yearEnd: 2018, value: 12 },
      { ...figure, year: 2016, value: 5 },
      { ...figure, year: 2017, value: 5 },
      { ...figure, year: 2018, value: 2 },
    ]);
    expectNothingPinned(results);
  });

  it('attack 3, across geography: cannot take tehsils off their district', async () => {
    const values = [5, 5, 2, 0];
    const { results } = await attackScenario([
      { indicator: 'victims_newly_assisted', jurisdiction: GUJRAT, year: 2019, value: 12 },
      ...TEHSILS.map((jurisdiction, i) => ({
        indicator: 'victims_newly_assisted',
        jurisdiction,
        year: 2019,
        value: values[i]!,
      })),
    ]);
    expectNothingPinned(results);
  });

  it('attack 4, one-way totals: cannot take sex × age cells off a total published without margins', async () => {
    const cell = (sex: string, age_group: string, value: number): Entry => ({
      indicator: 'children_removed_from_exploitation',
      jurisdiction: GUJRAT,
      year: 2020,
      disaggregation: { sex, age_group },
      value,
    });
    const { results } = await attackScenario([
      { indicator: 'children_removed_from_exploitation', jurisdiction: GUJRAT, year: 2020, value: 20 },
      cell('female', 'child', 3),
      cell('female', 'adult', 5),
      cell('male', 'child', 6),
      cell('male', 'adult', 6),
    ]);
    expectNothingPinned(results);
  });

  it('attack 5, several equations together: cannot solve a 2 × 3 table with all its margins', async () => {
    const figure = (disaggregation: Record<string, string>, value: number): Entry => ({
      indicator: 'victims_re_trafficked',
      jurisdiction: GUJRAT,
      year: 2021,
      disaggregation,
      value,
    });
    const rows = { female: [1, 5, 2], male: [10, 16, 17] };
    const ages = ['child', 'adult', 'unknown'];
    const { results } = await attackScenario([
      figure({}, 51),
      ...Object.entries(rows).flatMap(([sex, values]) => [
        figure(
          { sex },
          values.reduce((a, b) => a + b, 0),
        ),
        ...values.map((value, i) => figure({ sex, age_group: ages[i]! }, value)),
      ]),
      ...ages.map((age_group, i) => figure({ age_group }, rows.female[i]! + rows.male[i]!)),
    ]);
    expectNothingPinned(results);
  });

  it('attack 6, rates: cannot multiply a published rate by the published population', async () => {
    const place = { jurisdiction: GUJRAT, year: 2022 };
    const { ids, results } = await attackScenario(
      [
        { indicator: 'victims_identified', ...place, value: 3 },
        { indicator: 'population', ...place, value: 3_219_375, source: 'Census 2023' },
        { indicator: 'victims_identified_per_100k', ...place, value: 0.0932 },
      ],
      ['victims_identified', 'population', 'victims_identified_per_100k'],
    );
    const count = ids[0]!;
    for (const { who, reading, pinned } of results) {
      expect(pinned, who).toEqual([]);
      const population = reading.figures.find((f) => f.indicator === 'population')?.value ?? null;
      const rates = [
        reading.figures.find((f) => f.indicator === 'victims_identified_per_100k')?.value ?? null,
        reading.rates.get(count) ?? null,
      ];
      for (const rate of rates) {
        if (rate === null || population === null) continue;
        const half = 0.5 * 10 ** -(String(rate).split('.')[1]?.length ?? 0);
        const interval: [number, number] = [
          ((rate - half) * population) / 100_000,
          ((rate + half) * population) / 100_000,
        ];
        expect(pins(interval), `${who}: ${rate} per 100k × ${population} gives ${interval.join('–')}`).toBe(
          false,
        );
      }
    }
  });

  describe('attack 7, direct reads', () => {
    const figure = { indicator: 'victims_compensated', jurisdiction: GUJRAT };

    it('finds no small count in progress, targets, history or the audit log', async () => {
      const { ids, results } = await attackScenario([
        { ...figure, year: 2019, value: 3 },
        { ...figure, year: 2020, value: 12 },
        { ...figure, year: 2022, value: 2 },
      ]);
      const [sourceId] = await sourceOf(ids[0]!);
      const target = await t.app.request(
        '/v1/targets',
        json(
          t.reviewer.bearer,
          {
            ...figure,
            baseline: { year: 2019, value: 3, sourceId },
            target: { year: 2030, value: 40, sourceId },
          },
          'PUT',
        ),
      );
      expect(target.status, await target.clone().text()).toBe(200);
      expectNothingPinned(results);
      const years = [2019, 2020, 2022];
      for (const { who, headers } of readers()) {
        const reading = await readEveryRoute(t, headers, [{ ...figure, jurisdictions: [GUJRAT], years }]);
        const truth = new Map(ids.map((id, i) => [id, [3, 12, 2][i]!]));
        expect(await attack(reading.figures, truth), who).toEqual([]);
        const progress = ProgressResponseSchema.parse(
          await (await t.app.request(`/v1/progress?jurisdiction=${GUJRAT}`, { headers })).json(),
        );
        const item = progress.data.find((i) => i.indicator === figure.indicator);
        expect(item, who).toMatchObject({
          baseline: { year: 2019, value: null, suppressed: true },
          latest: { year: 2022, value: null, suppressed: true },
          status: null,
          assessment: null,
        });
      }
      const audit = await (await t.app.request('/v1/audit.csv', { headers: t.donor.bearer })).text();
      const targetRows = audit.split('\r\n').filter((line) => line.includes('target.set'));
      expect(targetRows.length).toBeGreaterThan(0);
      for (const line of targetRows) expect(line).not.toMatch(/""value"":3\b/);
    });

    it('shows the baseline to officials within the jurisdiction, never to one of another', async () => {
      const own = ProgressResponseSchema.parse(
        await (
          await t.app.request(`/v1/progress?jurisdiction=${GUJRAT}`, { headers: t.official.bearer })
        ).json(),
      );
      const item = own.data.find((i) => i.indicator === figure.indicator);
      expect(item?.baseline).toMatchObject({ value: 3, suppressed: false });
      const other = await createTestUser(t.db, 'district_official', 'PK-PB-SIALKOT', 'sialkot');
      const query = `jurisdiction=${GUJRAT}`;
      const progress = ProgressResponseSchema.parse(
        await (await t.app.request(`/v1/progress?${query}`, { headers: other.bearer })).json(),
      );
      const targets = TargetListResponseSchema.parse(
        await (await t.app.request(`/v1/targets?${query}`, { headers: other.bearer })).json(),
      );
      for (const seen of [...progress.data, ...targets.data].filter(
        (i) => i.indicator === figure.indicator,
      )) {
        expect(seen.baseline).toMatchObject({ value: null, suppressed: true });
      }
      const audit = await (await t.app.request('/v1/audit.csv', { headers: t.reviewer.bearer })).text();
      expect(audit.split('\r\n').find((line) => line.includes('target.set'))).toMatch(/""value"":3\b/);
    });
  });
});

async function sourceOf(id: number): Promise<number[]> {
  const res = await t.app.request(`/v1/observations/${id}/history`, { headers: t.official.bearer });
  const body = (await res.json()) as { data: { observation: { source: { id: number } } } };
  return [body.data.observation.source.id];
}
