import { findIndicator, MAX_LISTED_JURISDICTIONS, type Jurisdiction } from '@fourp/domain';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { load } from './+page.server';

const unit = (id: string, kind: Jurisdiction['kind'], parentId: string | null): Jurisdiction => ({
  id,
  kind,
  parentId,
  name: { en: id },
  role: 'monitored',
  validFrom: null,
  validTo: null,
  parents: parentId === null ? [] : [{ parentId, from: null, to: null, source: null }],
  source: null,
  note: null,
});

// A province's worth of districts in ten divisions: reading every unit's figures would not be bounded.
const divisions = Array.from({ length: 10 }, (_, d) => `PK-PB-DIV${d}`);
const districts = divisions.flatMap((division, d) =>
  Array.from({ length: 15 }, (_, i) => unit(`PK-PB-D${d}-${i}`, 'district', division)),
);
const units = [
  unit('PK', 'country', null),
  unit('PK-PB', 'province', 'PK'),
  ...divisions.map((id) => unit(id, 'division', 'PK-PB')),
  unit('PK-PB-GUJRAT', 'district', 'PK-PB-DIV0'),
  ...districts,
  unit('IT', 'country', null),
  unit('ES', 'country', null),
];

const observations = vi.fn();

vi.mock('$lib/server/units', () => ({ publicUnits: async () => units }));
vi.mock('$lib/server/session', () => ({ sessionApi: () => ({ observations }) }));
vi.mock('$lib/server/api', () => ({
  serverApi: () => ({
    indicator: async (id: string) => ({ data: findIndicator(id) }),
    jurisdictions: async () => ({ data: { items: units } }),
    targets: async () => ({ data: [] }),
    releases: async () => ({ data: [] }),
    compare: async (query: { base: string; with: string[] }) => ({
      data: { comparison: { base: query.base, benchmarks: query.with, years: [] }, standIn: null },
    }),
  }),
}));

const loadFor = (path: string) =>
  load({
    fetch,
    params: { id: 'victims_identified' },
    url: new URL(`http://dashboard.test${path}`),
  } as never);

describe('the indicator page load', () => {
  beforeEach(() => {
    observations.mockReset();
    observations.mockResolvedValue({ data: [], meta: { suppressionThreshold: 5 } });
  });

  it('reads only the totals of the units it can show: the district, its division, Punjab, Pakistan, the benchmarks', async () => {
    await loadFor('/indicators/victims_identified?base=PK-PB-D3-4');
    expect(observations).toHaveBeenCalledTimes(1);
    const [query] = observations.mock.calls[0] as [
      { indicator: string; jurisdictions: string[]; breakdown: string },
    ];
    expect(query.indicator).toBe('victims_identified');
    expect(query.breakdown).toBe('total');
    const sameDivision = districts.filter((d) => d.parentId === 'PK-PB-DIV3').map((d) => d.id);
    expect(new Set(query.jurisdictions)).toEqual(
      new Set([...sameDivision, 'PK-PB-GUJRAT', 'PK-PB', 'PK', 'IT', 'ES', 'EU27']),
    );
    expect(query.jurisdictions.length).toBeLessThanOrEqual(MAX_LISTED_JURISDICTIONS);
  });

  it('carries only the selected units’ series and figures, and every figure read only on the sources tab', async () => {
    const figure = (id: number, jurisdiction: string) => ({
      id,
      jurisdiction,
      status: 'A',
      note: null,
      workflowState: 'published',
    });
    observations.mockResolvedValue({
      data: [figure(1, 'PK-PB-GUJRAT'), figure(2, 'PK-PB-D0-1'), figure(3, 'IT')],
      meta: { suppressionThreshold: 5 },
    });
    const chart = (await loadFor('/indicators/victims_identified'))!;
    expect(chart.available).toContain('PK-PB-D0-1');
    expect(chart.compare.comparison.benchmarks).toEqual(['PK-PB', 'PK', 'IT', 'ES']);
    expect(chart.figures).toEqual([
      { id: 1, status: 'A', note: null },
      { id: 3, status: 'A', note: null },
    ]);
    expect(chart.observations).toEqual([]);
    const sources = (await loadFor('/indicators/victims_identified?tab=sources&jurisdictions=PK-PB-D0-1'))!;
    expect(sources.compare.comparison.benchmarks).toEqual(['PK-PB-D0-1']);
    expect(sources.figures.map((item) => item.id)).toEqual([1, 2]);
    expect(sources.observations.map((item) => item.id)).toEqual([1, 2, 3]);
  });
});
