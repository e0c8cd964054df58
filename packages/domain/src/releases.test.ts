import { describe, expect, it } from 'vitest';
import { diffReleases, nextReleaseId, ReleaseIdSchema } from './releases.js';
import { obs } from './test-support/fixtures.js';

describe('nextReleaseId', () => {
  const dec = new Date('2026-12-15T23:59:00Z');
  it.each([
    [[], '2026.12'],
    [['2026.11', '2026.11.1'], '2026.12'],
    [['2026.12'], '2026.12.1'],
    [['2026.12', '2026.12.1', '2026.12.2'], '2026.12.3'],
    [['2026.12.1'], '2026.12'],
  ])('after %j is %s', (existing, id) => {
    expect(nextReleaseId(dec, existing)).toBe(id);
    expect(ReleaseIdSchema.safeParse(id).success).toBe(true);
  });

  it('pads the month and takes it in UTC', () => {
    expect(nextReleaseId(new Date('2027-01-31T23:30:00-02:00'), [])).toBe('2027.02');
  });

  it.each(['2026.13', '2026.1', '2026.12.0', 'latest', '2026.12.01'])('rejects %s as an id', (id) => {
    expect(ReleaseIdSchema.safeParse(id).success).toBe(false);
  });
});

describe('diffReleases', () => {
  const a = obs('victims_identified', 'PK-PB-GUJRAT', 2022, 40);
  const b = obs('victims_identified', 'PK-PB-GUJRAT', 2023, 50);
  const c = obs('youth_unemployment_rate', 'PK-PB-GUJRAT', 2022, 12.5);
  const entry = (o: typeof a) => ({
    observation: o.id,
    indicator: o.indicator,
    jurisdiction: o.jurisdiction,
    year: o.year,
  });

  it('lists everything as added against no previous release', () => {
    expect(diffReleases([], [a, b])).toEqual({ added: [entry(a), entry(b)], corrected: [], withdrawn: [] });
  });

  it('lists nothing when the public sees the same figures', () => {
    expect(diffReleases([a, b], [{ ...a }, { ...b }])).toEqual({ added: [], corrected: [], withdrawn: [] });
  });

  it('lists a new value, a figure now suppressed and a new source as corrected, a gone figure as withdrawn', () => {
    const manifest = diffReleases(
      [a, b, c],
      [
        { ...a, value: 41 },
        { ...b, value: null, suppressed: true, confStatus: 'C' },
        obs('victims_identified', 'PK-PB-GUJRAT', 2024, 60, { id: 999 }),
      ],
    );
    expect(manifest.corrected).toEqual([entry(a), entry(b)]);
    expect(manifest.withdrawn).toEqual([entry(c)]);
    expect(manifest.added.map((e) => e.observation)).toEqual([999]);
    const resourced = diffReleases([c], [{ ...c, source: { ...c.source, locator: 'table 5' } }]);
    expect(resourced.corrected).toEqual([entry(c)]);
  });
});
