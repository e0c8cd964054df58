import {
  HealthResponseSchema,
  ObservationListResponseSchema,
  WorkflowObservationResponseSchema,
} from '@fourp/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { gujratFigure, json, useWorkflowTestApp, type TestUser } from '../test-support/workflow.js';

const t = useWorkflowTestApp();

type Entry = {
  value: number;
  year?: number;
  yearEnd?: number;
  jurisdiction?: string;
  indicator?: string;
  disaggregation?: Record<string, string>;
  publisher?: string;
};

/** Enters, submits, approves and publishes one figure through the API, as officials would. */
async function publish(entry: Entry): Promise<number> {
  const { publisher = 'Punjab Police, Gujrat', ...figure } = entry;
  const created = await t.app.request(
    '/v1/observations',
    json(
      t.official.bearer,
      gujratFigure({
        ...figure,
        comment: 'checked against the register',
        source: {
          title: `${publisher} annual report`,
          publisher,
          year: 2024,
          locator: 'table 1',
          kind: 'primary',
        },
      }),
    ),
  );
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = WorkflowObservationResponseSchema.parse(await created.json()).data;
  const step = async (path: string, who: TestUser) => {
    const res = await t.app.request(`/v1/observations/${id}${path}`, json(who.bearer, {}));
    expect(res.status, await res.clone().text()).toBe(200);
  };
  await step('/submit', t.official);
  await step('/approve', t.reviewer);
  await step('/publish', t.reviewer2);
  return id;
}

const readers = () => [
  { who: 'an anonymous visitor', headers: {} },
  { who: 'a donor', headers: t.donor.bearer },
];

/** What a reader gets for the figures `ids`, from the JSON list and from the CSV download: id → value (null when withheld). */
async function readBack(queries: string[], ids: number[], headers: Record<string, string>) {
  const fromJson = new Map<number, number | null>();
  const fromCsv = new Map<number, number | null>();
  for (const query of queries) {
    const res = await t.app.request(`/v1/observations?${query}`, { headers });
    expect(res.status).toBe(200);
    for (const o of ObservationListResponseSchema.parse(await res.json()).data) fromJson.set(o.id, o.value);
    const csv = await t.app.request(`/v1/observations?${query}&format=csv`, { headers });
    expect(csv.status).toBe(200);
    const [header, ...lines] = (await csv.text()).trim().split(/\r?\n/);
    const columns = (header ?? '').split(',');
    for (const line of lines) {
      const cells = line.split(',');
      const value = cells[columns.indexOf('value')] ?? '';
      fromCsv.set(Number(cells[columns.indexOf('id')]), value === '' ? null : Number(value));
    }
  }
  return ids.map((id) => {
    expect(fromCsv.get(id), `figure ${id} in CSV and JSON`).toEqual(fromJson.get(id));
    return fromJson.get(id) ?? null;
  });
}

/** The published values of `known` figures, or null when any is withheld (then the sum cannot be formed). */
const allShown = (values: (number | null)[]) => values.every((v) => v !== null);

describe('the attacks of issue 9, entered through the API and read back as the public', () => {
  const ids: Record<string, number[]> = {};
  beforeAll(async () => {
    ids.sources = [
      await publish({ year: 2015, value: 12, publisher: 'Punjab Police, Gujrat' }),
      await publish({
        year: 2015,
        value: 9,
        disaggregation: { sex: 'female' },
        publisher: 'Social Welfare Department',
      }),
      await publish({
        year: 2015,
        value: 3,
        disaggregation: { sex: 'male' },
        publisher: 'Social Welfare Department',
      }),
    ];
    ids.spans = [
      await publish({ year: 2011, yearEnd: 2013, value: 12 }),
      await publish({ year: 2011, value: 5 }),
      await publish({ year: 2012, value: 5 }),
      await publish({ year: 2013, value: 2 }),
    ];
    ids.geography = [
      await publish({ year: 2019, value: 12 }),
      await publish({ year: 2019, value: 5, jurisdiction: 'PK-PB-GUJRAT-GUJRAT' }),
      await publish({ year: 2019, value: 5, jurisdiction: 'PK-PB-GUJRAT-KHARIAN' }),
      await publish({ year: 2019, value: 0, jurisdiction: 'PK-PB-GUJRAT-SARAI-ALAMGIR' }),
      await publish({ year: 2019, value: 2, jurisdiction: 'PK-PB-GUJRAT-JALALPUR-JATTAN' }),
    ];
    ids.oneWay = [
      await publish({ year: 2017, value: 20 }),
      await publish({ year: 2017, value: 5, disaggregation: { sex: 'female', age_group: 'child' } }),
      await publish({ year: 2017, value: 6, disaggregation: { sex: 'male', age_group: 'adult' } }),
      await publish({ year: 2017, value: 6, disaggregation: { sex: 'male', age_group: 'child' } }),
      await publish({ year: 2017, value: 3, disaggregation: { sex: 'female', age_group: 'adult' } }),
    ];
    const table: [string, string, number][] = [
      ['female', 'child', 9],
      ['female', 'adult', 0],
      ['female', 'unknown', 9],
      ['male', 'child', 0],
      ['male', 'adult', 3],
      ['male', 'unknown', 1],
      ['unknown', 'child', 12],
      ['unknown', 'adult', 1],
      ['unknown', 'unknown', 15],
    ];
    const sum = (keep: (row: [string, string, number]) => boolean) =>
      table.filter(keep).reduce((total, [, , value]) => total + value, 0);
    ids.table = [];
    for (const [sex, age_group, value] of table) {
      ids.table.push(await publish({ year: 2016, value, disaggregation: { sex, age_group } }));
    }
    for (const sex of ['female', 'male', 'unknown']) {
      ids.table.push(await publish({ year: 2016, value: sum(([s]) => s === sex), disaggregation: { sex } }));
    }
    for (const age of ['child', 'adult', 'unknown']) {
      ids.table.push(
        await publish({ year: 2016, value: sum(([, a]) => a === age), disaggregation: { age_group: age } }),
      );
    }
    ids.table.push(await publish({ year: 2016, value: sum(() => true) }));
    ids.rates = [
      await publish({ year: 2018, value: 3_219_375, indicator: 'population' }),
      await publish({ year: 2018, value: 0.0932, indicator: 'victims_identified_per_100k' }),
    ];
  });

  const gujrat = 'indicator=victims_identified&jurisdiction=PK-PB-GUJRAT';

  it('1. across sources: a total from one source and a split from another never give away the hidden part', async () => {
    for (const { who, headers } of readers()) {
      const [total, female, male] = await readBack(
        [`${gujrat}&from=2015&to=2015`],
        ids.sources ?? [],
        headers,
      );
      expect(male, who).toBeNull();
      expect(allShown([total ?? null, female ?? null]), `${who}: 12 − 9 = 3`).toBe(false);
    }
  });

  it('2. across spans: a 2011–13 figure and two of its years never give away the third', async () => {
    for (const { who, headers } of readers()) {
      const [span, first, second, third] = await readBack(
        [`${gujrat}&from=2011&to=2013`],
        ids.spans ?? [],
        headers,
      );
      expect(third, who).toBeNull();
      expect(allShown([span ?? null, first ?? null, second ?? null]), `${who}: 12 − 5 − 5 = 2`).toBe(false);
    }
  });

  it('3. across geography: a district and its other tehsils never give away the hidden tehsil', async () => {
    const query = [
      'PK-PB-GUJRAT',
      'PK-PB-GUJRAT-GUJRAT',
      'PK-PB-GUJRAT-KHARIAN',
      'PK-PB-GUJRAT-SARAI-ALAMGIR',
      'PK-PB-GUJRAT-JALALPUR-JATTAN',
    ].map((place) => `indicator=victims_identified&from=2019&to=2019&jurisdiction=${place}`);
    for (const { who, headers } of readers()) {
      const [district, a, b, zero, small] = await readBack(query, ids.geography ?? [], headers);
      expect(small, who).toBeNull();
      expect(zero, `${who}: zeros stay visible`).toBe(0);
      expect(allShown([district ?? null, a ?? null, b ?? null]), `${who}: 12 − 5 − 5 − 0 = 2`).toBe(false);
    }
  });

  it('4. one-way totals: a total with only sex × age cells never gives away the last cell', async () => {
    for (const { who, headers } of readers()) {
      const values = await readBack([`${gujrat}&from=2017&to=2017`], ids.oneWay ?? [], headers);
      expect(values[4], who).toBeNull();
      expect(allShown(values.slice(0, 4)), `${who}: 20 − 5 − 6 − 6 = 3`).toBe(false);
    }
  });

  it('5. several equations together: a 3 × 3 table with its margins never gives away a cell', async () => {
    for (const { who, headers } of readers()) {
      const v = await readBack([`${gujrat}&from=2016&to=2016`], ids.table ?? [], headers);
      expect(v[4], who).toBeNull();
      // (male, adult) = total − unknown sex − (female, child) − (female, adult) − (male, child) − (unknown age − (unknown, unknown))
      const used = [v[15], v[11], v[0], v[1], v[3], v[14], v[8]].map((x) => x ?? null);
      expect(allShown(used), `${who}: 50 − 28 − 9 − 0 − 0 − (25 − 15) = 3`).toBe(false);
    }
  });

  it('6. rates: a rate per 100,000 times the published population never gives away a small count', async () => {
    for (const { who, headers } of readers()) {
      const [population, rate] = await readBack(
        ['population', 'victims_identified_per_100k'].map(
          (indicator) => `indicator=${indicator}&jurisdiction=PK-PB-GUJRAT&from=2018&to=2018`,
        ),
        ids.rates ?? [],
        headers,
      );
      expect(population, who).toBe(3_219_375);
      expect(rate, `${who}: 0.0932 × 3,219,375 / 100,000 = 3`).toBeNull();
    }
  });

  it('keeps the audit of the last publish in /health for admins only', async () => {
    const admin = HealthResponseSchema.parse(
      await (await t.app.request('/health', { headers: t.admin.bearer })).json(),
    );
    expect(admin.data.disclosure?.pinned).toBe(0);
    expect(admin.data.disclosure?.primaryCells).toBeGreaterThanOrEqual(8);
    const anonymous = HealthResponseSchema.parse(await (await t.app.request('/health')).json());
    expect(anonymous.data.disclosure).toBeUndefined();
  });
});
