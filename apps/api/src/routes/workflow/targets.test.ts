import { ProgressResponseSchema, TargetListResponseSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { insertObservations, readProblem } from '../../test-support/api.js';
import { json, tableCounts, useWorkflowTestApp } from '../../test-support/workflow.js';

const t = useWorkflowTestApp();

const target = (overrides: Record<string, unknown> = {}) => ({
  indicator: 'persons_convicted',
  jurisdiction: 'PK-PB-GUJRAT',
  baseline: {
    year: 2020,
    value: 10,
    source: { title: 'District prosecution report 2020', publisher: 'Punjab Prosecution Department' },
  },
  target: {
    year: 2030,
    value: 40,
    source: { title: 'District anti-trafficking plan', publisher: 'District Gujrat' },
  },
  ...overrides,
});

describe('targets and progress', () => {
  it('lets a reviewer set a target and reports progress from the latest published figure, with evidence', async () => {
    const res = await t.app.request('/v1/targets', json(t.reviewer.bearer, target(), 'PUT'));
    expect(res.status, await res.clone().text()).toBe(200);
    await insertObservations(t.db, [
      {
        indicator: 'persons_convicted',
        jurisdiction: 'PK-PB-GUJRAT',
        year: 2022,
        value: 20,
        sourceTitle: 'Court statistics 2022',
      },
      {
        indicator: 'persons_convicted',
        jurisdiction: 'PK-PB-GUJRAT',
        year: 2023,
        value: 25,
        sourceTitle: 'Court statistics 2023',
      },
      {
        indicator: 'persons_convicted',
        jurisdiction: 'PK-PB-GUJRAT',
        year: 2024,
        value: 99,
        workflowState: 'draft',
      },
    ]);
    const list = TargetListResponseSchema.parse(
      await (await t.app.request('/v1/targets?jurisdiction=PK-PB-GUJRAT')).json(),
    );
    expect(list.data[0]).toMatchObject({
      baseline: { year: 2020, value: 10, source: { title: 'District prosecution report 2020' } },
    });

    const progress = ProgressResponseSchema.parse(
      await (await t.app.request('/v1/progress?jurisdiction=PK-PB-GUJRAT')).json(),
    );
    expect(progress.data).toHaveLength(1);
    expect(progress.data[0]).toMatchObject({
      indicator: 'persons_convicted',
      baseline: { year: 2020, value: 10 },
      target: { year: 2030, value: 40, source: { title: 'District anti-trafficking plan' } },
      latest: { year: 2023, value: 25, source: { title: 'Court statistics 2023' } },
      status: 'substantial_progress',
      assessment: { method: 'theil_sen', points: 3, actualAnnualGrowth: 5, requiredAnnualGrowth: 3 },
    });
  });

  it('says "insufficient data" instead of a status when the baseline and one figure are all there is', async () => {
    const set = await t.app.request(
      '/v1/targets',
      json(t.reviewer.bearer, target({ indicator: 'cases_registered' }), 'PUT'),
    );
    expect(set.status, await set.clone().text()).toBe(200);
    await insertObservations(t.db, [
      { indicator: 'cases_registered', jurisdiction: 'PK-PB-GUJRAT', year: 2023, value: 25 },
    ]);
    const progress = ProgressResponseSchema.parse(
      await (await t.app.request('/v1/progress?jurisdiction=PK-PB-GUJRAT')).json(),
    );
    expect(progress.data.find((p) => p.indicator === 'cases_registered')).toMatchObject({
      latest: { year: 2023, value: 25 },
      status: null,
      assessment: null,
      reason: expect.stringMatching(/^Insufficient data: 2 figures from 2020 to 2023/) as unknown,
    });
    expect(progress.meta.method).toMatch(/Theil–Sen/);
  });

  it('replaces a target and audits the old and new values', async () => {
    await t.app.request(
      '/v1/targets',
      json(t.admin.bearer, target({ target: { year: 2030, value: 50, sourceId: 1 } }), 'PUT'),
    );
    const csv = await (await t.app.request('/v1/audit.csv', { headers: t.donor.bearer })).text();
    const line = csv
      .split('\r\n')
      .filter((l) => l.includes('target.set'))
      .at(-1)!;
    expect(line).toMatch(/""value"":40/);
    expect(line).toMatch(/""value"":50/);
  });

  it('refuses a target year before the baseline, and targets outside the reviewer scope', async () => {
    const before = await tableCounts(t.db);
    const bad = await readProblem(
      await t.app.request(
        '/v1/targets',
        json(t.reviewer.bearer, target({ target: { year: 2019, value: 40, sourceId: 1 } }), 'PUT'),
      ),
      400,
    );
    expect(bad.errors?.map((e) => e.path)).toEqual(['target.year']);
    await readProblem(
      await t.app.request('/v1/targets', json(t.reviewer.bearer, target({ jurisdiction: 'IT' }), 'PUT')),
      403,
    );
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('tags the public progress with the publish generation: revalidated with 304 until a target changes', async () => {
    const path = '/v1/progress?jurisdiction=PK-PB-GUJRAT';
    await t.app.request('/v1/targets', json(t.reviewer.bearer, target(), 'PUT'));
    const first = await t.app.request(path);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    const again = await t.app.request(path, { headers: { 'If-None-Match': tag! } });
    expect(again.status).toBe(304);

    const changed = await t.app.request(
      '/v1/targets',
      json(t.reviewer.bearer, target({ target: { ...target().target, value: 60 } }), 'PUT'),
    );
    expect(changed.status).toBe(200);
    const after = await t.app.request(path, { headers: { 'If-None-Match': tag! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
    const progress = ProgressResponseSchema.parse(await after.json());
    expect(progress.data.find((p) => p.indicator === 'persons_convicted')?.target.value).toBe(60);
  });

  it('explains a target without a published figure', async () => {
    await t.app.request(
      '/v1/targets',
      json(t.reviewer.bearer, target({ indicator: 'victims_identified' }), 'PUT'),
    );
    const progress = ProgressResponseSchema.parse(await (await t.app.request('/v1/progress')).json());
    expect(progress.data.find((p) => p.indicator === 'victims_identified')).toMatchObject({
      latest: null,
      status: null,
      reason: 'No published figure yet.',
    });
  });

  it("hides a baseline whose year the public sees suppressed, and takes each target's latest from its own totals", async () => {
    for (const body of [
      target({ indicator: 'victims_identified', baseline: { ...target().baseline, value: 30 } }),
      target(),
    ])
      expect((await t.app.request('/v1/targets', json(t.reviewer.bearer, body, 'PUT'))).status).toBe(200);
    const gujrat = 'PK-PB-GUJRAT';
    await insertObservations(t.db, [
      // The 2020 total of victims is withheld (not free): a baseline for 2020 would restate it.
      { indicator: 'victims_identified', jurisdiction: gujrat, year: 2020, value: 30, confStatus: 'C' },
      { indicator: 'victims_identified', jurisdiction: gujrat, year: 2022, value: 41 },
      { indicator: 'persons_convicted', jurisdiction: gujrat, year: 2022, value: 20 },
      { indicator: 'persons_convicted', jurisdiction: gujrat, year: 2023, value: 25 },
      // Neither a breakdown nor another district's total is the latest figure of Gujrat's target.
      {
        indicator: 'persons_convicted',
        jurisdiction: gujrat,
        year: 2024,
        value: 12,
        disaggregation: { sex: 'female' },
      },
      { indicator: 'persons_convicted', jurisdiction: 'PK-PB-SIALKOT', year: 2024, value: 33 },
    ]);
    const list = TargetListResponseSchema.parse(
      await (await t.app.request(`/v1/targets?jurisdiction=${gujrat}`)).json(),
    );
    const baselineOf = (indicator: string) => list.data.find((x) => x.indicator === indicator)?.baseline;
    expect(baselineOf('victims_identified')).toMatchObject({ year: 2020, value: null, suppressed: true });
    expect(baselineOf('persons_convicted')).toMatchObject({ year: 2020, value: 10 });

    const progress = ProgressResponseSchema.parse(
      await (await t.app.request(`/v1/progress?jurisdiction=${gujrat}`)).json(),
    );
    const latestOf = (indicator: string) => progress.data.find((x) => x.indicator === indicator)?.latest;
    expect(latestOf('victims_identified')).toMatchObject({ year: 2022, value: 41 });
    expect(latestOf('persons_convicted')).toMatchObject({ year: 2023, value: 25 });

    // The public's answer is kept until the next publish or target change; an official's is their own.
    const official = ProgressResponseSchema.parse(
      await (
        await t.app.request(`/v1/progress?jurisdiction=${gujrat}`, { headers: t.reviewer.bearer })
      ).json(),
    );
    expect(official.data.find((x) => x.indicator === 'victims_identified')?.baseline.value).toBe(30);
    const changed = target({ target: { ...target().target, value: 60 } });
    expect((await t.app.request('/v1/targets', json(t.reviewer.bearer, changed, 'PUT'))).status).toBe(200);
    const after = ProgressResponseSchema.parse(
      await (await t.app.request(`/v1/progress?jurisdiction=${gujrat}`)).json(),
    );
    expect(after.data.find((x) => x.indicator === 'persons_convicted')?.target.value).toBe(60);
    expect(after.data.find((x) => x.indicator === 'victims_identified')?.baseline.value).toBeNull();
  });
});
