import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../catalogue/index.js';
import { TEST_TREE } from '../test-support/jurisdictions.js';
import {
  buildDisclosureModel,
  DEFAULT_SUPPRESSION_K,
  describeEquation,
  disclosureComponents,
  disclosureIndicatorGroups,
  SUPPRESSION_METHOD,
  type DisclosureFigure,
  type DisclosureModel,
} from './model.js';

let nextId = 1;
const fig = (value: number, over: Partial<DisclosureFigure> = {}): DisclosureFigure => ({
  id: nextId++,
  indicator: 'victims_identified',
  jurisdiction: 'PK-PB-GUJRAT',
  year: 2022,
  yearEnd: 2022,
  period: null,
  disaggregation: {},
  definition: 'standard',
  value,
  withheld: false,
  ...over,
});

const equations = (model: DisclosureModel, kind?: string) =>
  model.equations.filter((e) => kind === undefined || e.kind === kind).map((e) => describeEquation(model, e));

const key = (
  jurisdiction: string,
  year: number,
  yearEnd = year,
  breakdown = '',
  indicator = 'victims_identified',
) => `${indicator}|${jurisdiction}|${year}|${yearEnd}|${breakdown}|standard`;

describe('buildDisclosureModel', () => {
  it('marks identifying counts from 1 to k-1 primary; zeros, larger counts and other indicators are not', () => {
    const model = buildDisclosureModel(
      [
        fig(0),
        fig(1, { year: 2019, yearEnd: 2019 }),
        fig(DEFAULT_SUPPRESSION_K - 1, { year: 2020, yearEnd: 2020 }),
        fig(DEFAULT_SUPPRESSION_K, { year: 2021, yearEnd: 2021 }),
        fig(2, { indicator: 'police_operations' }),
      ],
      TEST_TREE,
    );
    expect(model.figures.map((f) => [f.value, f.primary])).toEqual([
      [0, false],
      [1, true],
      [4, true],
      [5, false],
    ]);
  });

  it('sums a breakdown in every dimension and combination, implying unreported cells as unknowns', () => {
    const model = buildDisclosureModel(
      [
        fig(12),
        fig(9, { disaggregation: { sex: 'female', age_group: 'adult' } }),
        fig(3, { disaggregation: { sex: 'male', age_group: 'child' } }),
      ],
      TEST_TREE,
    );
    const text = equations(model, 'breakdown');
    expect(text).toContain(
      `breakdown: ${key('PK-PB-GUJRAT', 2022)} = ${key('PK-PB-GUJRAT', 2022, 2022, 'sex=female')} + ${key('PK-PB-GUJRAT', 2022, 2022, 'sex=male')}`,
    );
    expect(text).toContain(
      `breakdown: ${key('PK-PB-GUJRAT', 2022, 2022, 'sex=female')} = ${key('PK-PB-GUJRAT', 2022, 2022, 'age_group=adult;sex=female')} + ${key('PK-PB-GUJRAT', 2022, 2022, 'age_group=child;sex=female')}`,
    );
    expect(model.cells.map((c) => c.key)).toContain(
      key('PK-PB-GUJRAT', 2022, 2022, 'age_group=child;sex=female'),
    );
  });

  it('takes the categories published under a reported total as all of them, even where other years list more', () => {
    const model = buildDisclosureModel(
      [
        fig(94, { year: 2008, yearEnd: 2008 }),
        fig(23, { year: 2008, yearEnd: 2008, disaggregation: { nationality: 'ad' }, withheld: true }),
        fig(71, { year: 2008, yearEnd: 2008, disaggregation: { nationality: 'ae' } }),
        fig(30, { year: 2011, yearEnd: 2011 }),
        fig(29, { year: 2011, yearEnd: 2011, disaggregation: { nationality: 'ae' } }),
        fig(1, { year: 2011, yearEnd: 2011, disaggregation: { nationality: 'af' } }),
      ],
      TEST_TREE,
    );
    const text = equations(model, 'breakdown');
    expect(text).toContain(
      `breakdown: ${key('PK-PB-GUJRAT', 2008)} = ${key('PK-PB-GUJRAT', 2008, 2008, 'nationality=ad')} + ${key('PK-PB-GUJRAT', 2008, 2008, 'nationality=ae')}`,
    );
    expect(model.cells.map((c) => c.key)).not.toContain(key('PK-PB-GUJRAT', 2008, 2008, 'nationality=af'));
  });

  it('makes a multi-year figure the sum of its years, a missing year an unknown that still bounds the others', () => {
    const model = buildDisclosureModel(
      [fig(12, { year: 2021, yearEnd: 2023 }), fig(5, { year: 2021, yearEnd: 2021 })],
      TEST_TREE,
    );
    expect(equations(model, 'span')).toEqual([
      `span: ${key('PK-PB-GUJRAT', 2021, 2023)} = ${key('PK-PB-GUJRAT', 2021)} + ${key('PK-PB-GUJRAT', 2022)} + ${key('PK-PB-GUJRAT', 2023)}`,
    ]);
  });

  it('sums a district from its tehsils as the tree stood that year, and a division from its districts', () => {
    const tehsils = (year: number) => buildDisclosureModel([fig(12, { year, yearEnd: year })], TEST_TREE);
    const down = (year: number) =>
      equations(tehsils(year), 'geography').find((e) =>
        e.startsWith(`geography: ${key('PK-PB-GUJRAT', year)} =`),
      );
    expect(down(2017)?.split(' + ')).toHaveLength(3);
    expect(down(2019)?.split(' + ')).toHaveLength(4);
    expect(equations(tehsils(2021), 'geography')).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^geography: ${key('PK-PB-GUJRANWALA-DIV', 2021).replaceAll('|', '\\|')} = .*PK-PB-GUJRAT\\|`,
        ),
      ),
    );
    expect(equations(tehsils(2023), 'geography')).toContainEqual(
      expect.stringMatching(
        new RegExp(`^geography: ${key('PK-PB-GUJRAT-DIV', 2023).replaceAll('|', '\\|')} = .*PK-PB-GUJRAT\\|`),
      ),
    );
  });

  it('never adds an FIA zone into its country', () => {
    const model = buildDisclosureModel([fig(3, { jurisdiction: 'PK-FIA-GUJRANWALA' })], TEST_TREE);
    expect(equations(model, 'geography')).toEqual([]);
  });

  it('keeps the parent at least the sum where the reported parts add up to less, and drops an equation they exceed', () => {
    const less = buildDisclosureModel(
      [fig(20), fig(5, { disaggregation: { sex: 'female' } }), fig(6, { disaggregation: { sex: 'male' } })],
      TEST_TREE,
    );
    expect(less.equations.find((e) => e.kind === 'breakdown')?.sense).toBe('>=');
    const more = buildDisclosureModel(
      [fig(10), fig(5, { disaggregation: { sex: 'female' } }), fig(6, { disaggregation: { sex: 'male' } })],
      TEST_TREE,
    );
    expect(more.equations.filter((e) => e.kind === 'breakdown')).toEqual([]);
  });

  it('puts the same cell from two sources in one unknown', () => {
    const model = buildDisclosureModel([fig(12), fig(12)], TEST_TREE);
    expect(new Set(model.figures.map((f) => f.cell)).size).toBe(1);
  });

  it('reads an identifying rate as its count: rate × population / 100,000', () => {
    const model = buildDisclosureModel(
      [
        fig(0.0932, { indicator: 'victims_identified_per_100k' }),
        fig(3_219_375, { indicator: 'population' }),
      ],
      TEST_TREE,
    );
    const rate = model.figures.find((f) => f.role === 'rate');
    expect(rate?.count).toBeCloseTo(3, 2);
    expect(rate?.primary).toBe(true);
    expect(model.cells[rate?.cell ?? -1]?.key).toBe(key('PK-PB-GUJRAT', 2022));
    const count = key('PK-PB-GUJRAT', 2022);
    const population = key('PK-PB-GUJRAT', 2022, 2022, '', 'population');
    expect(equations(model, 'rate')).toEqual([
      `rate (figure ${rate?.id}): 1 × ${count} + ${-0.09315 / 100000} × ${population} >= 0`,
      `rate (figure ${rate?.id}): -1 × ${count} + ${0.09325 / 100000} × ${population} >= 0`,
    ]);
  });

  it('splits the system into independent components', () => {
    const model = buildDisclosureModel([fig(3), fig(3, { jurisdiction: 'IT' })], TEST_TREE);
    const components = disclosureComponents(model).filter((c) => c.figures.length > 0);
    expect(components).toHaveLength(2);
  });
});

describe('disclosureIndicatorGroups', () => {
  const groups = disclosureIndicatorGroups();

  it('puts every identifying indicator in one group, a rate with its numerator and denominator', () => {
    const all = groups.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const indicator of INDICATORS.filter((i) => i.identifying)) {
      const group = groups.find((g) => g.includes(indicator.id));
      expect(group).toBeDefined();
      if (indicator.formula)
        expect(group).toEqual(expect.arrayContaining(Object.values(indicator.formula).slice(0, 2)));
    }
    expect(groups.find((g) => g.includes('victims_identified_per_100k'))).toEqual(
      expect.arrayContaining(['population', 'victims_identified']),
    );
  });

  it('splits the model: the families built apart give the equations and primaries of the whole', () => {
    const published = [
      fig(12),
      fig(3, { disaggregation: { sex: 'male' } }),
      fig(9, { disaggregation: { sex: 'female' }, definition: 'registered_victims' }),
      fig(0.5, { indicator: 'victims_identified_per_100k', jurisdiction: 'PK-PB-GUJRAT-KHARIAN' }),
      fig(400_000, { indicator: 'population', jurisdiction: 'PK-PB-GUJRAT-KHARIAN' }),
      fig(2, { indicator: 'victims_in_assistance', year: 2021, yearEnd: 2022 }),
      fig(7, { indicator: 'victims_in_assistance', year: 2021, yearEnd: 2021 }),
    ];
    const whole = buildDisclosureModel(published, TEST_TREE);
    const parts = groups.flatMap((group) =>
      ['standard', 'registered_victims'].map((definition) =>
        buildDisclosureModel(
          published.filter((f) => group.includes(f.indicator) && f.definition === definition),
          TEST_TREE,
        ),
      ),
    );
    expect(parts.flatMap((m) => equations(m)).sort()).toEqual(equations(whole).sort());
    const primaries = (m: DisclosureModel) => m.figures.filter((f) => f.primary).map((f) => f.id);
    expect(parts.flatMap(primaries).sort()).toEqual(primaries(whole).sort());
    expect(primaries(whole).length).toBeGreaterThan(1);
  });
});

describe('SUPPRESSION_METHOD', () => {
  it('states the threshold, the identifying indicators and the criterion', () => {
    const k = DEFAULT_SUPPRESSION_K;
    expect(SUPPRESSION_METHOD).toContain(`between 1 and ${k - 1} (the threshold k is ${k})`);
    const identifying = INDICATORS.filter((indicator) => indicator.identifying).length;
    expect(SUPPRESSION_METHOD).toContain(`(${identifying} indicators in the catalogue)`);
    expect(SUPPRESSION_METHOD).toMatch(/complementary suppression/);
    expect(SUPPRESSION_METHOD).toMatch(/neither zero\s+nor missing/);
    expect(SUPPRESSION_METHOD).toContain(`at least ${k} wide`);
  });
});
