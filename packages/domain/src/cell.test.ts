import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE_JURISDICTION, STAND_IN_CHAIN } from './catalogue/jurisdictions.js';
import { TEST_TREE } from './test-support/jurisdictions.js';
import {
  breakdownEntries,
  breakdownKey,
  cellKey,
  cellOf,
  isCurrentTotal,
  isTotal,
  placeYearKey,
  preferredFigure,
  type ObservationCell,
} from './cell.js';
import { parseBreakdown } from './parse-breakdown.js';
import { CODE_LISTS } from './code-lists.js';
import { DISAGGREGATION_DIMENSIONS, type Disaggregation, type DisaggregationDimension } from './contracts.js';
import { obs } from './test-support/fixtures.js';

describe('breakdownKey', () => {
  it.each([
    { breakdown: {}, key: '' },
    { breakdown: { sex: 'female' }, key: 'sex=female' },
    { breakdown: { sex: 'female', age_group: 'child' }, key: 'age_group=child;sex=female' },
    { breakdown: { age_group: 'child', sex: 'female' }, key: 'age_group=child;sex=female' },
    {
      breakdown: { tehsil: 'kharian', agency: 'police', route: 'air' },
      key: 'agency=police;route=air;tehsil=kharian',
    },
  ] satisfies { breakdown: Disaggregation; key: string }[])('$breakdown is "$key"', ({ breakdown, key }) => {
    expect(breakdownKey(breakdown)).toBe(key);
  });

  it('skips dimensions set to undefined', () => {
    expect(breakdownKey({ sex: 'male', age_group: undefined })).toBe('sex=male');
  });
});

describe('parseBreakdown', () => {
  it.each([
    { text: '', breakdown: {} },
    { text: '   ', breakdown: {} },
    { text: 'sex=female', breakdown: { sex: 'female' } },
    { text: 'sex=female; age_group=child', breakdown: { sex: 'female', age_group: 'child' } },
    { text: ' age_group = child ;sex=female;', breakdown: { sex: 'female', age_group: 'child' } },
  ])('"$text" is $breakdown', ({ text, breakdown }) => {
    expect(parseBreakdown(text)).toEqual({ ok: true, value: breakdown });
  });

  it.each([
    { text: 'sex', message: '"sex" is not dimension=category' },
    { text: 'sex=', message: '"sex=" is not dimension=category' },
    { text: '=female', message: '"=female" is not dimension=category' },
    { text: 'sex=female=male', message: '"sex=female=male" is not dimension=category' },
    { text: 'sex=female;sex=male', message: 'sex is given twice' },
    { text: 'colour=red', message: /dimensions: sex, age_group/ },
    { text: 'sex=Female', message: /categories in snake_case/ },
    { text: 'sex=women', message: 'sex "women" is not in the sex code list; allowed: female, male, unknown' },
    {
      text: 'tehsil=kharian; age_group=girls',
      message: /^age_group "girls" .*allowed: child, adult, unknown$/,
    },
    { text: 'nationality=pakistani', message: /nationality "pakistani" .*ISO 3166-1 alpha-2/ },
  ])('rejects "$text"', ({ text, message }) => {
    const parsed = parseBreakdown(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('invalid_observation');
    expect(parsed.error.issues?.map((issue) => issue.path)).toEqual(['disaggregation']);
    expect(parsed.error.message).toMatch(message);
  });
});

const freeCategory = fc.stringMatching(/^[a-z0-9_]{1,12}$/);
const categoryOf = (dimension: DisaggregationDimension): fc.Arbitrary<string> => {
  const list = CODE_LISTS.find((l) => l.dimension === dimension);
  return list ? fc.constantFrom(...list.codes.map((c) => c.code)) : freeCategory;
};
const breakdown: fc.Arbitrary<Disaggregation> = fc.record(
  Object.fromEntries(DISAGGREGATION_DIMENSIONS.map((d) => [d, categoryOf(d)])),
  { requiredKeys: [] },
);

describe('breakdown encoding (property)', () => {
  it('parses its own key back to the same breakdown', () => {
    fc.assert(
      fc.property(breakdown, (d) => {
        expect(parseBreakdown(breakdownKey(d))).toEqual({ ok: true, value: d });
      }),
    );
  });

  it('gives the same key whatever the order the dimensions were written in', () => {
    fc.assert(
      fc.property(
        breakdown.chain((d) =>
          fc.tuple(
            fc.constant(d),
            fc.shuffledSubarray(Object.entries(d), { minLength: Object.keys(d).length }),
          ),
        ),
        ([d, shuffled]) => {
          expect(breakdownKey(Object.fromEntries(shuffled))).toBe(breakdownKey(d));
          const written = shuffled.map(([k, v]) => `${k}=${v}`).join('; ');
          const parsed = parseBreakdown(written);
          expect(parsed.ok && breakdownKey(parsed.value)).toBe(breakdownKey(d));
        },
      ),
    );
  });

  it('gives different keys to different breakdowns', () => {
    fc.assert(
      fc.property(breakdown, breakdown, (a, b) => {
        const same = JSON.stringify(breakdownEntries(a)) === JSON.stringify(breakdownEntries(b));
        expect(breakdownKey(a) === breakdownKey(b)).toBe(same);
      }),
    );
  });
});

const cell = (over: Partial<ObservationCell> = {}): ObservationCell => ({
  indicator: 'victims_identified',
  jurisdiction: 'PK-PB-GUJRAT',
  year: 2022,
  yearEnd: 2022,
  disaggregation: {},
  definition: 'standard',
  ...over,
});

describe('cellKey', () => {
  it('names every field of the cell', () => {
    expect(cellKey(cell({ disaggregation: { sex: 'male', age_group: 'adult' } }))).toBe(
      'victims_identified|PK-PB-GUJRAT|2022|2022|age_group=adult;sex=male|standard',
    );
  });

  it.each<[string, Partial<ObservationCell>]>([
    ['indicator', { indicator: 'persons_convicted' }],
    ['jurisdiction', { jurisdiction: 'IT' }],
    ['year', { year: 2021 }],
    ['span', { yearEnd: 2023 }],
    ['breakdown', { disaggregation: { sex: 'female' } }],
    ['definition', { definition: 'thb_and_smuggling' }],
  ])('differs when the %s differs', (_field, over) => {
    expect(cellKey(cell(over))).not.toBe(cellKey(cell()));
  });

  it('ignores everything but the cell (value, source, id)', () => {
    const a = obs('victims_identified', 'IT', 2020, 10, {
      disaggregation: { sex: 'female', age_group: 'child' },
    });
    const b = obs('victims_identified', 'IT', 2020, 99, {
      disaggregation: { age_group: 'child', sex: 'female' },
    });
    expect(cellKey(a)).toBe(cellKey(b));
    expect(cellOf(a)).toEqual({
      indicator: 'victims_identified',
      jurisdiction: 'IT',
      year: 2020,
      yearEnd: 2020,
      disaggregation: { sex: 'female', age_group: 'child' },
      definition: 'standard',
    });
  });
});

describe('isTotal and isCurrentTotal', () => {
  it.each([
    { name: 'a current total', over: {}, total: true, current: true },
    { name: 'a superseded total', over: { superseded: true }, total: true, current: false },
    { name: 'a breakdown', over: { disaggregation: { sex: 'female' } }, total: false, current: false },
    {
      name: 'a superseded breakdown',
      over: { disaggregation: { sex: 'female' }, superseded: true },
      total: false,
      current: false,
    },
  ] as const)('$name', ({ over, total, current }) => {
    const o = obs('victims_identified', 'IT', 2020, 10, over);
    expect(isTotal(o)).toBe(total);
    expect(isCurrentTotal(o)).toBe(current);
  });
});

describe('preferredFigure', () => {
  it('is undefined without figures', () => {
    expect(preferredFigure([])).toBeUndefined();
  });

  it('prefers annual to cumulative, the standard definition to a variant, then the lowest id', () => {
    const cumulative = obs('victims_identified', 'IT', 2020, 1, { id: 1, yearEnd: 2021 });
    const variant = obs('victims_identified', 'IT', 2020, 2, { id: 2, definition: 'thb_and_smuggling' });
    const later = obs('victims_identified', 'IT', 2020, 3, { id: 4 });
    const earlier = obs('victims_identified', 'IT', 2020, 4, { id: 3 });
    expect(preferredFigure([cumulative, variant])?.id).toBe(2);
    expect(preferredFigure([cumulative, variant, later])?.id).toBe(4);
    expect(preferredFigure([cumulative, variant, later, earlier])?.id).toBe(3);
  });

  it('takes an annual variant over a cumulative standard figure', () => {
    const cumulative = obs('victims_identified', 'IT', 2020, 1, { id: 1, yearEnd: 2022 });
    const variant = obs('victims_identified', 'IT', 2020, 2, { id: 9, definition: 'thb_and_smuggling' });
    expect(preferredFigure([cumulative, variant])?.id).toBe(9);
  });
});

describe('STAND_IN_CHAIN', () => {
  it('starts at the base and climbs through its ancestors, nearest first', () => {
    const [base, ...rest] = STAND_IN_CHAIN;
    expect(base).toBe(BASE_JURISDICTION);
    const ancestors = TEST_TREE.ancestorsOf(BASE_JURISDICTION);
    expect(rest.map((id) => ancestors.indexOf(id))).toEqual(
      [...rest.map((id) => ancestors.indexOf(id))].sort((a, b) => a - b),
    );
    expect(rest.every((id) => ancestors.includes(id))).toBe(true);
  });
});

describe('placeYearKey', () => {
  it('is equal for one place and year whatever else differs, and differs across places or years', () => {
    const a = obs('victims_identified', 'IT', 2020, 1, { yearEnd: 2021, disaggregation: { sex: 'male' } });
    expect(placeYearKey(a)).toBe(placeYearKey(obs('population', 'IT', 2020, 5)));
    expect(placeYearKey(a)).not.toBe(placeYearKey(obs('population', 'ES', 2020, 5)));
    expect(placeYearKey(a)).not.toBe(placeYearKey(obs('population', 'IT', 2021, 5)));
  });
});
