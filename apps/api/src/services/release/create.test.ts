import { diffReleases, type ManifestEntry, type ReleaseManifest } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { findRelease, listReleaseChanges, listReleaseFigures } from '../../repos/releases.js';
import { insertManyFigures } from '../../test-support/streaming.js';
import {
  auditSince,
  callerFor,
  lastAuditId,
  serviceDeps,
  useWorkflowTestApp,
} from '../../test-support/workflow.js';
import { readFigures } from '../published/read.js';
import { createRelease } from './create.js';

const t = useWorkflowTestApp();
const deps = () => ({ ...serviceDeps(t.db), suppressionK: 5, exportFiles: async function* () {} });
const release = () => createRelease(deps(), callerFor(t.reviewer), { note: null });
const MANY = { indicator: 'tip_tier', jurisdiction: 'ES' } as const;

const sql = (statement: string, ...params: unknown[]) => t.db.$client.prepare(statement).run(...params);
const idsOf = (indicator: string): number[] =>
  t.db.$client
    .prepare('select id from observations where indicator_id = ? order by id')
    .pluck()
    .all(indicator) as number[];
const storedRows = () =>
  t.db.$client
    .prepare(
      `select (select count(*) from releases) as releases, (select count(*) from release_figures) as figures,
        (select count(*) from release_changes) as changes`,
    )
    .get();

/** A release's stored changes, as the in-memory diff's manifest. */
function manifestOf(id: string): ReleaseManifest {
  const manifest: ReleaseManifest = { added: [], corrected: [], withdrawn: [] };
  for (const { change, ...entry } of listReleaseChanges(t.db, id, { after: null, limit: 1_000_000 }))
    manifest[change].push(entry);
  return manifest;
}

/** The manifest the in-memory diff gives between a release and the figures the public sees now. */
const diffFromNow = async (previous: string): Promise<ReleaseManifest> =>
  diffReleases(listReleaseFigures(t.db, previous), await readFigures(deps(), null));

describe('createRelease', () => {
  it('lists added, corrected (shown differently: not a withheld figure’s new value) and withdrawn figures by cell', async () => {
    await insertManyFigures(t.db, { indicator: 'victims_identified', jurisdiction: 'ES', rows: 3 });
    const [a, b, c] = idsOf('victims_identified') as [number, number, number];
    const entry = (observation: number, year: number, jurisdiction = 'ES'): ManifestEntry => ({
      observation,
      indicator: 'victims_identified',
      jurisdiction,
      year,
    });
    const first = await release();
    expect(manifestOf(first)).toEqual({
      added: [entry(a, 1990), entry(b, 1991), entry(c, 1992)],
      corrected: [],
      withdrawn: [],
    });

    sql('update observations set value = 3 where id = ?', a);
    sql("update observations set workflow_state = 'draft' where id = ?", b);
    sql("insert into disclosure_states (observation_id, state) values (?, 'public')", c);
    await insertManyFigures(t.db, { indicator: 'victims_identified', jurisdiction: 'IT', rows: 1 });
    const d = idsOf('victims_identified').at(-1)!;
    const expected = await diffFromNow(first);
    const since = await lastAuditId(t.db);
    const second = await release();

    const manifest = manifestOf(second);
    expect(manifest).toEqual({
      added: [entry(d, 1990, 'IT')],
      corrected: [entry(c, 1992)],
      withdrawn: [entry(b, 1991)],
    });
    expect(manifest).toEqual(expected);
    expect(findRelease(t.db, second)).toMatchObject({
      previousId: first,
      figureCount: 3,
      counts: { added: 1, corrected: 1, withdrawn: 1 },
    });
    expect((await auditSince(t.db, since)).map((e) => e.newValue)).toEqual([
      { previous: first, figures: 3, added: 1, corrected: 1, withdrawn: 1 },
    ]);
  });

  it('refuses a release with nothing new, storing nothing of it', async () => {
    const before = storedRows();
    await expect(release()).rejects.toMatchObject({ code: 'conflict' });
    expect(storedRows()).toEqual(before);
  });

  it('gives the in-memory diff’s manifest over 50,000 figures', async () => {
    await insertManyFigures(t.db, { ...MANY, rows: 50_000 });
    const previous = await release();
    const ids = idsOf(MANY.indicator);
    const corrected = ids.filter((_, i) => i % 7 === 3);
    const withdrawn = ids.filter((_, i) => i % 11 === 5 && i % 7 !== 3);
    sql(`update observations set value = 5 where id in (${corrected.join(',')})`);
    sql(`update observations set workflow_state = 'draft' where id in (${withdrawn.join(',')})`);
    await insertManyFigures(t.db, { ...MANY, jurisdiction: 'IT', rows: 500 });
    const expected = await diffFromNow(previous);

    const next = await release();
    expect(manifestOf(next)).toEqual(expected);
    expect(findRelease(t.db, next)?.counts).toEqual({
      added: 500,
      corrected: corrected.length,
      withdrawn: withdrawn.length,
    });
    expect(findRelease(t.db, next)?.figureCount).toBe(50_500 + 3 - withdrawn.length);
  }, 30_000);
});
