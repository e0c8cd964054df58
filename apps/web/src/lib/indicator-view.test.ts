import type { Compare, ComparedPoint, Jurisdiction, Observation } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { buildViewRows, drawnSeries, indicatorCsv, valuesOnAxis, yearAxis } from './indicator-view';

const open = { validFrom: null, validTo: null, parents: [], source: null, note: null };
const jurisdictions: Jurisdiction[] = [
  {
    id: 'PK-PB-GUJRAT',
    kind: 'district',
    parentId: 'PK-PB',
    name: { en: 'Gujrat District' },
    role: 'monitored',
    ...open,
  },
  { id: 'PK-PB', kind: 'province', parentId: 'PK', name: { en: 'Punjab' }, role: 'monitored', ...open },
  { id: 'IT', kind: 'country', parentId: null, name: { en: 'Italy' }, role: 'benchmark', ...open },
];

const source = {
  id: 7,
  title: 'Annual report',
  publisher: 'Ministry',
  year: 2023,
  locator: 'p. 4',
  kind: 'secondary' as const,
};

const point = (
  jurisdiction: string,
  year: number,
  value: number | null,
  extra: Partial<ComparedPoint> = {},
): ComparedPoint => ({
  jurisdiction,
  year,
  yearEnd: year,
  value,
  rawValue: value,
  suppressed: false,
  normalised: false,
  populationYear: null,
  definition: 'standard',
  observationId: year,
  interval: null,
  seriesKey: 'standard · Test',
  ...extra,
});

const observation = (id: number, jurisdiction: string): Observation => ({
  id,
  indicator: 'victims_identified',
  jurisdiction,
  year: id,
  yearEnd: id,
  period: null,
  partialPeriod: false,
  disaggregation: {},
  value: 1,
  suppressed: false,
  status: 'A',
  confStatus: 'F',
  definition: 'standard',
  unitAsRead: null,
  valueAsRead: null,
  workflowState: 'published',
  superseded: false,
  note: null,
  source,
});

function compareWith(
  points: ComparedPoint[],
  options: Partial<Compare> = {},
  base = 'PK-PB-GUJRAT',
): Compare {
  const years = [...new Set(points.map((p) => p.year))].sort();
  return {
    indicator: 'victims_identified',
    per: 'absolute',
    requestedBase: 'PK-PB-GUJRAT',
    baseHasData: true,
    standIn: null,
    comparison: {
      indicator: 'victims_identified',
      measureType: 'count',
      direction: 'higher_is_better',
      unit: 'persons',
      base,
      benchmarks: ['IT'],
      similarTolerance: 0.05,
      years: years.map((year) => ({
        year,
        base: points.find((p) => p.jurisdiction === base && p.year === year) ?? null,
        benchmarks: [
          {
            jurisdiction: 'IT',
            year,
            point: points.find((p) => p.jurisdiction === 'IT' && p.year === year) ?? null,
            difference: null,
            ratio: null,
            assessment: 'not_assessed',
            judgement: null,
            grade: null,
            reasons: [],
          },
        ],
      })),
      latestCommonYear: null,
      latest: null,
      latestByBenchmark: [],
    },
    sources: Object.fromEntries(points.map((p) => [String(p.observationId), source])),
    ...options,
  };
}

describe('buildViewRows', () => {
  it('takes each point with the source the comparison names, in selection then year order', () => {
    const points = [point('IT', 2021, 493), point('IT', 2019, 657), point('PK-PB-GUJRAT', 2020, 12)];
    const compare = compareWith(points, { sources: { '2019': source, '2021': source } });
    const rows = buildViewRows(compare, jurisdictions, ['IT', 'PK-PB-GUJRAT']);
    expect(rows.map((r) => [r.jurisdiction, r.year, r.value])).toEqual([
      ['IT', 2019, 657],
      ['IT', 2021, 493],
      ['PK-PB-GUJRAT', 2020, 12],
    ]);
    expect(rows[0]?.source?.title).toBe('Annual report');
    expect(rows[2]?.source).toBeNull();
    expect(rows[0]?.status).toBeNull();
    const detailed = buildViewRows(compare, jurisdictions, ['IT'], [observation(2019, 'IT')]);
    expect(detailed.map((r) => r.status)).toEqual(['A', null]);
  });

  it('keeps a suppressed point suppressed, never zero', () => {
    const rows = buildViewRows(
      compareWith([point('IT', 2021, null, { suppressed: true, rawValue: null })]),
      jurisdictions,
      ['IT'],
    );
    expect(rows[0]).toMatchObject({ value: null, suppressed: true });
    expect(valuesOnAxis(rows, 'IT', [2021])[0]?.suppressed).toBe(true);
  });

  it('does not draw a count per 100,000 when it could not be normalised', () => {
    const compare = compareWith([point('IT', 2015, 169, { normalised: false })], { per: '100k' });
    const [row] = buildViewRows(compare, jurisdictions, ['IT']);
    expect(row).toMatchObject({ value: null, rawValue: 169, suppressed: false });
  });

  it('labels a stand-in in the district’s place, unless it is drawn in its own right', () => {
    const compare = compareWith(
      [point('PK-PB', 2020, 40)],
      {
        standIn: { for: 'PK-PB-GUJRAT', used: 'PK-PB', reason: 'none' },
        baseHasData: false,
      },
      'PK-PB',
    );
    const alone = buildViewRows(compare, jurisdictions, ['PK-PB-GUJRAT', 'IT']);
    expect(drawnSeries(alone)).toEqual([{ id: 'PK-PB', label: 'Punjab (stand-in for Gujrat District)' }]);
    const both = buildViewRows(compare, jurisdictions, ['PK-PB-GUJRAT', 'PK-PB']);
    expect(drawnSeries(both)).toEqual([{ id: 'PK-PB', label: 'Punjab' }]);
  });
});

describe('yearAxis', () => {
  it('spans every year between the first and last figure so gaps stay gaps', () => {
    const rows = [
      { year: 2017, value: 1, suppressed: false },
      { year: 2020, value: null, suppressed: true },
      { year: 2012, value: null, suppressed: false },
    ];
    expect(yearAxis(rows)).toEqual([2017, 2018, 2019, 2020]);
    expect(yearAxis([])).toEqual([]);
  });
});

describe('indicatorCsv', () => {
  it('writes the rows shown with their sources', () => {
    const compare = compareWith([point('IT', 2021, 493)]);
    const rows = buildViewRows(compare, jurisdictions, ['IT'], [observation(2021, 'IT')]);
    const lines = indicatorCsv('victims_identified', 'persons', rows).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^indicator,jurisdiction_id,jurisdiction,year,/);
    expect(lines[1]).toBe(
      'victims_identified,IT,Italy,2021,2021,493,persons,493,false,,standard,A,,Annual report,Ministry,2023,p. 4,secondary,',
    );
  });

  it('rounds per-100,000 values to four decimals and leaves suppressed cells empty', () => {
    const compare = compareWith(
      [
        point('IT', 2021, 0.812345678, { normalised: true, rawValue: 493 }),
        point('IT', 2022, null, { suppressed: true, rawValue: null }),
      ],
      { per: '100k' },
    );
    const rows = buildViewRows(compare, jurisdictions, ['IT']);
    const lines = indicatorCsv('victims_identified', 'per 100,000 residents', rows).trim().split('\r\n');
    expect(lines[1]).toContain(',0.8123,"per 100,000 residents",493,false,');
    expect(lines[2]).toContain(',2022,2022,,"per 100,000 residents",,true,');
  });
});
