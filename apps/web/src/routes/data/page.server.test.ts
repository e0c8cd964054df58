import type { Release, ReleaseChange } from '@fourp/domain';
import { describe, expect, it, vi } from 'vitest';
import { load } from './+page.server';

const release = (id: string, added: number): Release => ({
  id,
  createdAt: '2026-12-01T00:00:00.000Z',
  previous: null,
  note: null,
  counts: { figures: added, added, corrected: 0, withdrawn: 0 },
  changes: `/v1/releases/${id}/changes`,
  checksums: [],
  citation: { url: `http://dashboard.test/data#release-${id}`, text: id },
});
const change = (observation: number): ReleaseChange => ({
  observation,
  indicator: 'victims_identified',
  jurisdiction: 'ES',
  year: 2022,
  change: 'added',
});

const releaseChanges = vi.fn(async (id: string, { limit }: { limit: number }) => ({
  data: Array.from({ length: Math.min(limit, id === '2026.12.1' ? 50_000 : 2) }, (_, i) => change(i + 1)),
}));

vi.mock('$lib/server/api', () => ({
  serverApi: () => ({
    releases: async () => ({
      data: [
        release('2026.12.3', 2),
        release('2026.12.2', 2),
        release('2026.12.1', 50_000),
        release('2026.12', 2),
      ],
    }),
    releaseChanges,
  }),
}));

describe('the /data page load', () => {
  it('gives each release its counts, and the newest three only their first changes, however many they have', async () => {
    const data = (await load({ fetch, locals: {} } as never)) as {
      releases: (Release & { firstChanges: ReleaseChange[] })[];
    };
    expect(data.releases.map((r) => [r.id, r.counts.added, r.firstChanges.length])).toEqual([
      ['2026.12.3', 2, 2],
      ['2026.12.2', 2, 2],
      ['2026.12.1', 50_000, 10],
      ['2026.12', 2, 0],
    ]);
    // One request per listed release, not one per release: the page's requests stay bounded.
    expect(releaseChanges.mock.calls).toEqual([
      ['2026.12.3', { limit: 10 }],
      ['2026.12.2', { limit: 10 }],
      ['2026.12.1', { limit: 10 }],
    ]);
  });
});
