import {
  CodeListResponseSchema,
  CompareResponseSchema,
  findIndicator,
  IndicatorDetailResponseSchema,
  PillarListResponseSchema,
  ScorecardResponseSchema,
  type Comparison,
} from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { getParsed, readProblem, useTestApp } from '../test-support/api.js';

const t = useTestApp({
  observations: [
    { indicator: 'population', jurisdiction: 'IT', year: 2022, value: 60_000_000 },
    { indicator: 'population', jurisdiction: 'PK-PB', year: 2022, value: 100_000_000 },
    { indicator: 'persons_convicted', jurisdiction: 'IT', year: 2022, value: 600 },
    { indicator: 'persons_convicted', jurisdiction: 'PK-PB', year: 2022, value: 500 },
  ],
});

const URDU = /[\u0600-\u06FF]/;
const LATIN_WORD = /\b[a-z]{4,}\b/;
const URDU_HEADERS = { 'Accept-Language': 'ur-PK,ur;q=0.9' };
const english = findIndicator('victims_identified')!;

const withoutReasons = (comparison: Comparison) =>
  comparison.years.map((y) => ({ ...y, benchmarks: y.benchmarks.map(({ reasons: _r, ...rest }) => rest) }));

describe('the API in Urdu', () => {
  it.each([
    ['?lang=ur', {}],
    ['', URDU_HEADERS],
  ] as const)(
    'names an indicator in Urdu for %s %o, with its machine fields unchanged',
    async (query, headers) => {
      const { res, body } = await getParsed(
        t.app,
        `/v1/indicators/victims_identified${query}`,
        IndicatorDetailResponseSchema,
        headers,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-language')).toBe('ur');
      expect(res.headers.get('vary')).toMatch(/accept-language/i);
      expect(body.data.name).toMatch(URDU);
      expect(body.data.definition).toMatch(URDU);
      expect(body.data).toMatchObject({
        id: english.id,
        pillar: english.pillar,
        measureType: english.measureType,
        direction: english.direction,
      });
    },
  );

  it('answers in English by default, and ?lang= wins over Accept-Language', async () => {
    for (const [path, headers] of [
      ['/v1/indicators/victims_identified', {}],
      ['/v1/indicators/victims_identified?lang=en', URDU_HEADERS],
      ['/v1/indicators/victims_identified', { 'Accept-Language': 'fr-FR, de;q=0.8' }],
    ] as const) {
      const { res, body } = await getParsed(t.app, path, IndicatorDetailResponseSchema, headers);
      expect(res.headers.get('content-language')).toBe('en');
      expect(body.data.name).toBe(english.name);
      expect(body.data.definition).toBe(english.definition);
    }
  });

  it('gives grade reasons in Urdu, with the same grades and figures as in English', async () => {
    const path = '/v1/compare?indicator=persons_convicted&base=PK-PB&with=IT';
    const en = await getParsed(t.app, path, CompareResponseSchema);
    const ur = await getParsed(t.app, `${path}&lang=ur`, CompareResponseSchema);
    const enReasons = en.body.data.comparison.latest!.benchmarks[0]!.reasons;
    const urReasons = ur.body.data.comparison.latest!.benchmarks[0]!.reasons;
    expect(enReasons.length).toBeGreaterThan(0);
    expect(urReasons).toHaveLength(enReasons.length);
    for (const text of urReasons) {
      expect(text).toMatch(URDU);
      expect(text).not.toMatch(LATIN_WORD);
    }
    expect(withoutReasons(ur.body.data.comparison)).toEqual(withoutReasons(en.body.data.comparison));
  });

  it('gives scorecard reasons and its method in Urdu', async () => {
    const { body } = await getParsed(
      t.app,
      '/v1/scorecard?jurisdiction=PK-PB&year=2022',
      ScorecardResponseSchema,
      URDU_HEADERS,
    );
    expect(body.data.method).toMatch(URDU);
    const reasons = body.data.pillars.flatMap((p) => [p.reason, ...p.indicators.map((i) => i.reason)]);
    expect(reasons.filter((r) => r !== null).length).toBeGreaterThan(0);
    for (const r of reasons) if (r !== null) expect(r).toMatch(URDU);
  });

  it('labels pillars and code lists in Urdu and keeps their ids and codes', async () => {
    const en = await getParsed(t.app, '/v1/code-lists', CodeListResponseSchema);
    const ur = await getParsed(t.app, '/v1/code-lists?lang=ur', CodeListResponseSchema);
    const codes = (lists: typeof en.body.data) => lists.map((l) => [l.dimension, l.codes.map((c) => c.code)]);
    expect(codes(ur.body.data)).toEqual(codes(en.body.data));
    for (const code of ur.body.data.flatMap((l) => l.codes)) expect(code.label).toMatch(URDU);
    const pillars = await getParsed(t.app, '/v1/pillars?lang=ur', PillarListResponseSchema);
    expect(pillars.body.data.map((p) => p.name).every((name) => URDU.test(name))).toBe(true);
  });

  it('explains a validation problem in Urdu at the same paths as in English', async () => {
    const path = '/v1/compare?indicator=persons_convicted&base=PK-PB&from=abc&format=xml';
    const en = await readProblem(await t.app.request(path), 400);
    const res = await t.app.request(path, { headers: URDU_HEADERS });
    const ur = await readProblem(res, 400);
    expect(res.headers.get('content-language')).toBe('ur');
    expect(ur.code).toBe(en.code);
    expect(ur.title).toMatch(URDU);
    expect(ur.detail).toMatch(URDU);
    expect(ur.errors?.map((e) => e.path)).toEqual(en.errors?.map((e) => e.path));
    expect(ur.errors?.length).toBeGreaterThan(0);
    for (const e of ur.errors ?? []) expect(e.message).toMatch(URDU);
    expect(en.errors?.every((e) => !URDU.test(e.message))).toBe(true);
  });

  it('names an unknown indicator in Urdu', async () => {
    const problem = await readProblem(await t.app.request('/v1/indicators/nope?lang=ur'), 404);
    expect(problem.code).toBe('unknown_indicator');
    expect(problem.title).toMatch(URDU);
    expect(problem.detail).toContain('"nope"');
    expect(problem.detail).toMatch(URDU);
  });

  it('tags each language with its own ETag and never answers one language’s tag with the other', async () => {
    const en = await t.app.request('/v1/pillars');
    const ur = await t.app.request('/v1/pillars', { headers: URDU_HEADERS });
    const enTag = en.headers.get('etag');
    const urTag = ur.headers.get('etag');
    expect(enTag).toBeTruthy();
    expect(urTag).toBeTruthy();
    expect(urTag).not.toBe(enTag);
    const revalidated = await t.app.request('/v1/pillars', {
      headers: { ...URDU_HEADERS, 'If-None-Match': enTag! },
    });
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.get('content-language')).toBe('ur');
    const same = await t.app.request('/v1/pillars', {
      headers: { ...URDU_HEADERS, 'If-None-Match': urTag! },
    });
    expect(same.status).toBe(304);
    expect(same.headers.get('vary')).toMatch(/accept-language/i);
  });
});
