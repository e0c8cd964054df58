import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompareResponseSchema,
  ObservationHistoryResponseSchema,
  ObservationListResponseSchema,
  ProgressResponseSchema,
  ScorecardResponseSchema,
  SourceResponseSchema,
  WorkflowObservationResponseSchema,
} from '@fourp/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { gujratFigure, json, useWorkflowTestApp, type TestUser } from '../test-support/workflow.js';

const t = useWorkflowTestApp();
const HIDDEN = 3;
let figure: { id: number; sourceId: number };
const HIDDEN_ROW = { value: null, suppressed: true, valueAsRead: null, note: null };

/** A small count entered, corrected, reviewed and published through the API, as officials would. */
beforeAll(async () => {
  const created = await t.app.request(
    '/v1/observations',
    json(t.official.bearer, gujratFigure({ value: 30, valueAsRead: 'thirty', note: 'thirty in table 4' })),
  );
  expect(created.status, await created.clone().text()).toBe(201);
  const { id, source } = WorkflowObservationResponseSchema.parse(await created.json()).data;
  const step = async (path: string, who: TestUser, body: unknown = {}, method = 'POST') => {
    const res = await t.app.request(`/v1/observations/${id}${path}`, json(who.bearer, body, method));
    expect(res.status, await res.clone().text()).toBe(200);
  };
  await step(
    '',
    t.official,
    { value: HIDDEN, valueAsRead: 'three', note: 'three in table 4', reason: 'misread the table' },
    'PATCH',
  );
  await step('/submit', t.official);
  await step('/approve', t.reviewer);
  await step('/publish', t.reviewer2);
  const target = await t.app.request(
    '/v1/targets',
    json(
      t.reviewer.bearer,
      {
        indicator: 'victims_identified',
        jurisdiction: 'PK-PB-GUJRAT',
        baseline: { year: 2020, value: 10, sourceId: source.id },
        target: { year: 2030, value: 40, sourceId: source.id },
      },
      'PUT',
    ),
  );
  expect(target.status, await target.clone().text()).toBe(200);
  figure = { id, sourceId: source.id };
});

const readers = () => [
  { who: 'an anonymous visitor', headers: {} },
  { who: 'a donor', headers: t.donor.bearer },
];

const get = async (path: string, headers: Record<string, string>) => {
  const res = await t.app.request(path, { headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return res;
};

describe('a suppressed published figure on every public read', () => {
  it('is suppressed in observations (JSON and CSV), compare, scorecard and the source', async () => {
    for (const { who, headers } of readers()) {
      const query = 'indicator=victims_identified&jurisdiction=PK-PB-GUJRAT';
      const list = ObservationListResponseSchema.parse(
        await (await get(`/v1/observations?${query}`, headers)).json(),
      );
      expect(
        list.data.find((o) => o.id === figure.id),
        who,
      ).toMatchObject(HIDDEN_ROW);

      const csv = await (await get(`/v1/observations?${query}&format=csv`, headers)).text();
      const [header, ...lines] = csv.trim().split('\r\n');
      const columns = header!.split(',');
      const row = lines.map((l) => l.split(',')).find((cells) => cells[0] === String(figure.id))!;
      expect(row[columns.indexOf('value')], who).toBe('');
      expect(row[columns.indexOf('suppressed')], who).toBe('true');
      expect(csv, who).not.toContain('three');

      const compare = CompareResponseSchema.parse(
        await (
          await get('/v1/compare?indicator=victims_identified&base=PK-PB-GUJRAT&with=IT', headers)
        ).json(),
      );
      const year = compare.data.comparison.years.find((y) => y.year === 2022);
      expect(year?.base, who).toMatchObject({ value: null, rawValue: null, suppressed: true });

      const scorecard = ScorecardResponseSchema.parse(
        await (await get('/v1/scorecard?jurisdiction=PK-PB-GUJRAT&year=2022', headers)).json(),
      );
      const scored = scorecard.data.pillars
        .flatMap((p) => p.indicators)
        .find((i) => i.indicator === 'victims_identified');
      expect(scored?.basis, who).toBeNull();
      expect(scored?.score, who).toBeNull();

      const source = SourceResponseSchema.parse(
        await (await get(`/v1/sources/${figure.sourceId}`, headers)).json(),
      );
      expect(
        source.data.observations.find((o) => o.id === figure.id),
        who,
      ).toMatchObject(HIDDEN_ROW);
    }
  });

  it('is suppressed as the latest value of progress, with no status computed from it', async () => {
    for (const { who, headers } of readers()) {
      const progress = ProgressResponseSchema.parse(
        await (await get('/v1/progress?jurisdiction=PK-PB-GUJRAT', headers)).json(),
      );
      const item = progress.data.find((i) => i.indicator === 'victims_identified');
      expect(item?.latest, who).toMatchObject({
        observationId: figure.id,
        year: 2022,
        value: null,
        suppressed: true,
      });
      expect(item, who).toMatchObject({ status: null, assessment: null });
    }
  });

  it('hides the value, the value as read, the note, revisions and audit values in history for donors and researchers', async () => {
    for (const user of [t.donor, t.researcher]) {
      const res = await get(`/v1/observations/${figure.id}/history`, user.bearer);
      const text = await res.clone().text();
      const { data } = ObservationHistoryResponseSchema.parse(await res.json());
      expect(data.observation, user.role).toMatchObject({
        value: null,
        valueAsRead: null,
        note: null,
        suppressed: true,
      });
      expect(data.revisions, user.role).toHaveLength(1);
      expect(data.revisions[0], user.role).toMatchObject({
        previousValue: null,
        previousValueAsRead: null,
        newValue: null,
      });
      const figureValues = data.audit
        .flatMap((a) => [a.oldValue, a.newValue])
        .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && 'value' in v);
      expect(figureValues.length, user.role).toBeGreaterThan(0);
      for (const v of figureValues) {
        expect(v, user.role).toMatchObject({ value: null, valueAsRead: null, note: null, suppressed: true });
      }
      expect(text, user.role).not.toMatch(/thirty|three|"value":3\b|"value":30\b|Value":3/);
      expect(
        data.steps.map((s) => s.to),
        user.role,
      ).toEqual(['draft', 'draft', 'submitted', 'approved', 'published']);
    }
  });

  it('redacts the values of identifying figures in the audit CSV for donors', async () => {
    const csv = await (await get('/v1/audit.csv', t.donor.bearer)).text();
    const lines = csv.split('\r\n').filter((l) => l.includes('observation.'));
    expect(lines.length).toBeGreaterThan(0);
    expect(csv).not.toMatch(/""value"":3\b|""value"":30\b|thirty|three/);
    expect(lines.filter((l) => l.includes('observation.update'))[0]).toMatch(/""value"":null/);
  });

  it('is shown in full to the official who owns it and to the reviewer in scope', async () => {
    const history = ObservationHistoryResponseSchema.parse(
      await (await get(`/v1/observations/${figure.id}/history`, t.official.bearer)).json(),
    );
    expect(history.data.observation).toMatchObject({
      value: HIDDEN,
      valueAsRead: 'three',
      note: 'three in table 4',
      suppressed: false,
    });
    expect(history.data.revisions[0]).toMatchObject({ previousValue: 30, newValue: HIDDEN });
    const csv = await (await get('/v1/audit.csv', t.reviewer.bearer)).text();
    expect(csv).toMatch(/""value"":3\b/);
  });
});

describe('an identifying figure published above the threshold', () => {
  it('shows its value but not the small draft value it was corrected from, to donors and researchers', async () => {
    const created = await t.app.request(
      '/v1/observations',
      json(t.official.bearer, gujratFigure({ year: 2021, value: 2, valueAsRead: 'two' })),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = WorkflowObservationResponseSchema.parse(await created.json()).data;
    const step = async (path: string, who: TestUser, body: unknown = {}, method = 'POST') => {
      const res = await t.app.request(`/v1/observations/${id}${path}`, json(who.bearer, body, method));
      expect(res.status, await res.clone().text()).toBe(200);
    };
    await step(
      '',
      t.official,
      { value: 41, valueAsRead: 'forty-one', reason: 'added a second table' },
      'PATCH',
    );
    await step('/submit', t.official);
    await step('/approve', t.reviewer);
    await step('/publish', t.reviewer2);
    for (const user of [t.donor, t.researcher]) {
      const res = await get(`/v1/observations/${id}/history`, user.bearer);
      const text = await res.clone().text();
      const { data } = ObservationHistoryResponseSchema.parse(await res.json());
      expect(data.observation, user.role).toMatchObject({ value: 41, suppressed: false });
      expect(data.revisions[0], user.role).toMatchObject({ previousValue: null, previousValueAsRead: null });
      expect(text, user.role).not.toMatch(/"value":2\b|"previousValue":2\b|"two"/);
    }
    const own = ObservationHistoryResponseSchema.parse(
      await (await get(`/v1/observations/${id}/history`, t.official.bearer)).json(),
    );
    expect(own.data.revisions[0]).toMatchObject({ previousValue: 2, newValue: 41 });
  });
});

describe('the one read path', () => {
  it('leaves no route calling a suppression function', () => {
    const routes = join(import.meta.dirname, '.');
    const sources = readdirSync(routes, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => ({ file, text: readFileSync(join(routes, file), 'utf8') }));
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.filter(({ text }) => /\bsuppress\w*\s*\(/i.test(text)).map(({ file }) => file)).toEqual(
      [],
    );
  });
});
