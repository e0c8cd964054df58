import { createHash } from 'node:crypto';
import {
  CoverageResponseSchema,
  MAX_RELEASE_CHANGES_LIMIT,
  ObservationListResponseSchema,
  ReleaseChangesResponseSchema,
  ProgressResponseSchema,
  type CoverageResponse,
  ReleaseListResponseSchema,
  ReleaseResponseSchema,
  type Release,
} from '@fourp/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishThroughApi } from '../test-support/disclosure.js';
import { json, useWorkflowTestApp, type TestUser } from '../test-support/workflow.js';
import { readProblem } from '../test-support/api.js';
import { EXPORT_FORMATS } from '../services/exports/index.js';
import { RELEASE_FORMATS } from '../services/release/files.js';

const t = useWorkflowTestApp();
const RATE = { indicator: 'youth_unemployment_rate', jurisdiction: 'PK-PB-GUJRAT', year: 2022 };
let rateId: number;
let smallId: number;
let first: Release;
let second: Release;

const makeRelease = async (who: TestUser, body: unknown = {}) =>
  t.app.request('/v1/releases', json(who.bearer, body));

const released = async (who: TestUser, body: unknown = {}) => {
  const res = await makeRelease(who, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return ReleaseResponseSchema.parse(await res.json()).data;
};

const changesAt = async (path: string) => {
  const res = await t.app.request(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return ReleaseChangesResponseSchema.parse(await res.json());
};

const figuresAt = async (release?: string) => {
  const query = `jurisdiction=PK-PB-GUJRAT${release === undefined ? '' : `&release=${release}`}`;
  const res = await t.app.request(`/v1/observations?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return ObservationListResponseSchema.parse(await res.json()).data;
};

/** Publish, release, correct a figure, publish it again, release again: the issue's release scenario. */
beforeAll(async () => {
  const ids = await publishThroughApi(t, [
    { ...RATE, value: 12.5 },
    { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2022, value: 3 },
  ]);
  [rateId, smallId] = [ids[0]!, ids[1]!];
  first = await released(t.reviewer, { note: 'First release' });
  const step = async (path: string, who: TestUser, body: unknown = {}, method = 'POST') => {
    const res = await t.app.request(`/v1/observations/${rateId}${path}`, json(who.bearer, body, method));
    expect(res.status, await res.clone().text()).toBe(200);
  };
  await step('/unlock', t.reviewer, { reason: 'the survey was reweighted' });
  await step('', t.official, { value: 14, reason: 'the survey was reweighted' }, 'PATCH');
  await step('/submit', t.official);
  await step('/approve', t.reviewer);
  await step('/publish', t.reviewer2);
  second = await released(t.admin);
}, 60_000);

describe('releases', () => {
  it('numbers releases by month, the second of a month with a suffix', () => {
    expect(first.id).toMatch(/^\d{4}\.\d{2}$/);
    expect(second.id).toBe(`${first.id}.1`);
    expect(second.previous).toBe(first.id);
    expect(first.note).toBe('First release');
  });

  it('answers each release with its own value; the current read has the correction', async () => {
    const value = (figures: { id: number; value: number | null }[]) =>
      figures.find((o) => o.id === rateId)?.value;
    expect(value(await figuresAt(first.id))).toBe(12.5);
    expect(value(await figuresAt(second.id))).toBe(14);
    expect(value(await figuresAt())).toBe(14);
  });

  it('keeps a figure suppressed then suppressed in the release', async () => {
    for (const release of [first.id, second.id]) {
      const small = (await figuresAt(release)).find((o) => o.id === smallId);
      expect(small, release).toMatchObject({ value: null, suppressed: true });
    }
  });

  it('counts what each release added, corrected and withdrew, and links its changes', async () => {
    expect(first.counts).toEqual({ figures: 2, added: 2, corrected: 0, withdrawn: 0 });
    expect(second.counts).toEqual({ figures: 2, added: 0, corrected: 1, withdrawn: 0 });
    expect(second.changes).toBe(`/v1/releases/${second.id}/changes`);
    expect((await changesAt(first.changes)).data).toEqual([
      {
        observation: smallId,
        indicator: 'victims_identified',
        jurisdiction: 'PK-PB-GUJRAT',
        year: 2022,
        change: 'added',
      },
      { observation: rateId, ...RATE, change: 'added' },
    ]);
    expect((await changesAt(second.changes)).data).toEqual([
      { observation: rateId, ...RATE, change: 'corrected' },
    ]);
  });

  it('pages the changes by cursor, following Link: rel="next" to the end, and filters by kind', async () => {
    const page = await t.app.request(`${first.changes}?limit=1`);
    const body = ReleaseChangesResponseSchema.parse(await page.json());
    expect(body.meta).toMatchObject({ count: 1, limit: 1 });
    expect(page.headers.get('link')).toContain(`<${body.meta.next}>; rel="next"`);
    const last = await changesAt(body.meta.next!);
    expect(last.meta.next).toBeNull();
    expect([...body.data, ...last.data].map((c) => c.observation)).toEqual([smallId, rateId]);
    expect((await changesAt(`${second.changes}?change=added`)).data).toEqual([]);
    expect((await changesAt(`${second.changes}?change=corrected`)).data.map((c) => c.observation)).toEqual([
      rateId,
    ]);
  });

  it('refuses a bad cursor, limit or kind of change with a problem, and an unknown release with 404', async () => {
    for (const query of [
      'cursor=bm90LWEtY3Vyc29y',
      'cursor=not%20base64',
      `limit=${MAX_RELEASE_CHANGES_LIMIT + 1}`,
      'limit=0',
      'change=deleted',
    ]) {
      const problem = await readProblem(await t.app.request(`${first.changes}?${query}`), 400);
      expect(problem.code, query).toBe('validation_failed');
    }
    await readProblem(await t.app.request('/v1/releases/1999.01/changes'), 404);
  });

  it('holds the SHA-256 of each export file a researcher downloads for the release', async () => {
    expect(first.checksums.map((c) => c.name)).toEqual(
      RELEASE_FORMATS.map((f) => EXPORT_FORMATS[f].fileName),
    );
    for (const [i, format] of RELEASE_FORMATS.entries()) {
      const res = await t.app.request(`/v1/exports/${format}?release=${first.id}`);
      expect(res.status, format).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(first.checksums[i], format).toEqual({
        name: EXPORT_FORMATS[format].fileName,
        bytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    }
  });

  it('checksums the files in the default language: Urdu labels change only the files a person reads', async () => {
    for (const [i, format] of RELEASE_FORMATS.entries()) {
      const res = await t.app.request(`/v1/exports/${format}?release=${first.id}&lang=ur`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-language'), format).toBe('ur');
      const sha256 = createHash('sha256')
        .update(new Uint8Array(await res.arrayBuffer()))
        .digest('hex');
      const labelled = format === 'xlsx' || format === 'datapackage';
      expect(sha256 === first.checksums[i]!.sha256, format).toBe(!labelled);
    }
  });

  it('lists releases newest first and answers one by id', async () => {
    const list = ReleaseListResponseSchema.parse(await (await t.app.request('/v1/releases')).json());
    expect(list.data.map((r) => r.id)).toEqual([second.id, first.id]);
    const one = ReleaseResponseSchema.parse(await (await t.app.request(`/v1/releases/${first.id}`)).json());
    expect(one.data).toEqual(first);
    expect(one.data.citation.url).toBe(`http://127.0.0.1:3000/data#release-${first.id}`);
    expect(one.data.citation.text).toContain(`release ${first.id}`);
  });

  it('cites a release as BibTeX, RIS, CSL-JSON and text', async () => {
    const cite = async (format: string) => {
      const res = await t.app.request(`/v1/releases/${first.id}/citation?format=${format}`);
      expect(res.status).toBe(200);
      return { type: res.headers.get('content-type'), text: await res.text() };
    };
    const url = `http://127.0.0.1:3000/data#release-${first.id}`;
    const bibtex = await cite('bibtex');
    expect(bibtex.type).toContain('application/x-bibtex');
    expect(bibtex.text).toMatch(/^@misc\{fourp\d{4}_\d{2},/);
    expect(bibtex.text).toContain(`url = {${url}}`);
    const ris = await cite('ris');
    expect(ris.text).toMatch(/^TY {2}- DATA$/m);
    expect(ris.text).toContain(`UR  - ${url}`);
    expect(ris.text).toContain(`ET  - ${first.id}`);
    const csl = JSON.parse((await cite('csl-json')).text) as unknown;
    expect(csl).toMatchObject({ type: 'dataset', version: first.id, URL: url });
    expect((await cite('text')).text).toBe(first.citation.text);
  });

  it('refuses a release when nothing changed since the last one', async () => {
    await readProblem(await makeRelease(t.reviewer), 409);
  });

  it('lets only admins and reviewers make a release', async () => {
    await readProblem(await t.app.request('/v1/releases', json({}, {})), 401);
    for (const who of [t.donor, t.official, t.researcher]) {
      await readProblem(await makeRelease(who), 403);
    }
  });

  it('answers 404 for a release that does not exist, on every read that takes one', async () => {
    await readProblem(await t.app.request('/v1/releases/1999.01'), 404);
    await readProblem(await t.app.request('/v1/releases/1999.01/citation'), 404);
    await readProblem(await t.app.request('/v1/observations?release=1999.01'), 404);
    await readProblem(await t.app.request('/v1/scorecard?release=1999.01'), 404);
    await readProblem(await t.app.request('/v1/releases/latest'), 400);
  });

  it('answers compare and scorecard as a release stood', async () => {
    const res = await t.app.request(
      `/v1/compare?indicator=youth_unemployment_rate&base=PK-PB-GUJRAT&with=IT&release=${first.id}`,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { data: { comparison: { years: { year: number; base: unknown }[] } } };
    expect(body.data.comparison.years.find((y) => y.year === 2022)?.base).toMatchObject({ rawValue: 12.5 });
  });
  it('answers coverage and progress as the release stood, while today they count a figure published since', async () => {
    const set = await t.app.request(
      '/v1/targets',
      json(
        t.reviewer.bearer,
        {
          indicator: 'persons_convicted',
          jurisdiction: RATE.jurisdiction,
          baseline: {
            year: 2020,
            value: 10,
            source: { title: 'Labour force survey 2020', publisher: 'PBS' },
          },
          target: { year: 2030, value: 8, source: { title: 'District plan', publisher: 'District Gujrat' } },
        },
        'PUT',
      ),
    );
    expect(set.status, await set.clone().text()).toBe(200);
    await publishThroughApi(t, [
      { ...RATE, year: 2023, value: 13 },
      { indicator: 'persons_convicted', jurisdiction: RATE.jurisdiction, year: 2023, value: 20 },
    ]);
    const coverage = async (query: string) => {
      const res = await t.app.request(`/v1/coverage?jurisdiction=PK-PB-GUJRAT${query}`);
      expect(res.status, await res.clone().text()).toBe(200);
      return CoverageResponseSchema.parse(await res.json());
    };
    const years = (body: CoverageResponse) =>
      body.data.filter((c) => c.indicator === RATE.indicator).map((c) => c.year);
    expect(years(await coverage(''))).toEqual([2022, 2023]);
    const then = await coverage(`&release=${second.id}`);
    expect(years(then)).toEqual([2022]);
    expect(then.meta.lastUpdated).toBe(second.createdAt);

    const latest = async (query: string) => {
      const res = await t.app.request(`/v1/progress?jurisdiction=PK-PB-GUJRAT${query}`);
      expect(res.status, await res.clone().text()).toBe(200);
      const item = ProgressResponseSchema.parse(await res.json()).data.find(
        (i) => i.indicator === 'persons_convicted',
      );
      return item?.latest?.value ?? item?.reason;
    };
    expect(await latest('')).toBe(20);
    expect(await latest(`&release=${second.id}`)).toBe('No published figure yet.');
    await readProblem(await t.app.request('/v1/coverage?release=2001.01'), 404);
  });
});

describe('a new release', () => {
  it('is listed at once to a visitor revalidating the list they read before it', async () => {
    await publishThroughApi(t, [
      { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2023, value: 7 },
    ]);
    const before = await t.app.request('/v1/releases');
    const etag = before.headers.get('etag')!;
    expect((await t.app.request('/v1/releases', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const third = await released(t.admin);
    const after = await t.app.request('/v1/releases', { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(ReleaseListResponseSchema.parse(await after.json()).data[0]?.id).toBe(third.id);
  });
});
