import { describe, expect, it } from 'vitest';
import {
  IndicatorSchema,
  JurisdictionSchema,
  PillarSchema,
  PolicyMeasureSchema,
  RubricLevelDefinitionSchema,
  SCORED_PILLAR_IDS,
} from '../contracts.js';
import { TEST_JURISDICTIONS as JURISDICTIONS, TEST_TREE } from '../test-support/jurisdictions.js';
import { BASE_JURISDICTION, BENCHMARK_IDS, jurisdictionIssues, neighboursOf } from './jurisdictions.js';
import { definitionVariantsOf, findIndicator, INDICATORS, indicatorsInPillar } from './indicators.js';
import { findMeasure, POLICY_MEASURES, RUBRIC } from './measures.js';
import { findPillar, PILLARS } from './pillars.js';

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

describe('schemas', () => {
  it.each(PILLARS.map((p) => [p.id, p] as const))('pillar %s parses', (_id, pillar) => {
    expect(PillarSchema.parse(pillar)).toEqual(pillar);
  });
  it.each(JURISDICTIONS.map((j) => [j.id, j] as const))('jurisdiction %s parses', (_id, jurisdiction) => {
    expect(JurisdictionSchema.parse(jurisdiction)).toEqual(jurisdiction);
  });
  it.each(INDICATORS.map((i) => [i.id, i] as const))('indicator %s parses', (_id, indicator) => {
    expect(IndicatorSchema.parse(indicator)).toEqual(indicator);
  });
  it.each(POLICY_MEASURES.map((m) => [m.id, m] as const))('measure %s parses', (_id, measure) => {
    expect(PolicyMeasureSchema.parse(measure)).toEqual(measure);
  });
  it.each(RUBRIC.map((r) => [r.level, r] as const))('rubric level %s parses', (_level, level) => {
    expect(RubricLevelDefinitionSchema.parse(level)).toEqual(level);
  });
});

describe('pillars', () => {
  it('lists the four scored pillars and the unscored context', () => {
    expect(PILLARS.map((p) => [p.id, p.scored, p.thesisSection])).toEqual([
      ['prevention', true, '5.1.1'],
      ['protection', true, '5.1.2'],
      ['prosecution', true, '5.1.3'],
      ['partnership', true, '5.1.4'],
      ['context', false, null],
    ]);
  });
  it('finds a pillar by id', () => {
    expect(findPillar('protection').name).toBe('Protection');
  });
});

describe('indicators', () => {
  it('has unique snake_case ids', () => {
    const ids = INDICATORS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(SNAKE_CASE);
  });

  it('has at least 40 indicators', () => {
    expect(INDICATORS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(SCORED_PILLAR_IDS.map((p) => [p]))(
    'pillar %s has at least 6 indicators and 1–3 headlines',
    (pillar) => {
      const inPillar = indicatorsInPillar(pillar);
      expect(inPillar.length).toBeGreaterThanOrEqual(6);
      const headlines = inPillar.filter((i) => i.headline).length;
      expect(headlines).toBeGreaterThanOrEqual(1);
      expect(headlines).toBeLessThanOrEqual(3);
    },
  );

  it('has no headline context indicators', () => {
    expect(indicatorsInPillar('context').filter((i) => i.headline)).toEqual([]);
  });

  it.each([
    ['victims_identified_per_100k', 'victims_identified', 'population', 100000, 'rate_per_100k'],
    ['persons_convicted_per_100k', 'persons_convicted', 'population', 100000, 'rate_per_100k'],
    ['conviction_rate', 'persons_convicted', 'persons_prosecuted', 100, 'percent'],
    ['victims_referred_share', 'victims_newly_assisted', 'victims_identified', 100, 'percent'],
  ] as const)('%s = %s / %s × %d (%s)', (id, numerator, denominator, factor, measureType) => {
    const indicator = findIndicator(id);
    expect(indicator?.formula).toEqual({ numerator, denominator, factor });
    expect(indicator?.measureType).toBe(measureType);
  });

  const derived = INDICATORS.filter((i) => i.formula !== undefined);
  it('has exactly the four derived indicators', () => {
    expect(derived.map((i) => i.id).sort()).toEqual([
      'conviction_rate',
      'persons_convicted_per_100k',
      'victims_identified_per_100k',
      'victims_referred_share',
    ]);
  });

  it.each(derived.map((i) => [i.id, i] as const))(
    'formula of %s refers to catalogue counts',
    (_id, indicator) => {
      const formula = indicator.formula!;
      const numerator = findIndicator(formula.numerator);
      const denominator = findIndicator(formula.denominator);
      expect(numerator?.measureType).toBe('count');
      expect(denominator?.measureType).toBe('count');
      expect(formula.numerator).not.toBe(formula.denominator);
      const expectedFactor = { percent: 100, rate_per_100k: 100000 }[
        indicator.measureType as 'percent' | 'rate_per_100k'
      ];
      expect(formula.factor).toBe(expectedFactor);
      if (formula.denominator === 'population') expect(numerator?.perCapita).toBe(true);
    },
  );

  it.each(INDICATORS.filter((i) => i.measureType === 'rate_per_100k').map((i) => [i.id, i] as const))(
    'rate %s is derived from population and not itself per-capita',
    (_id, indicator) => {
      expect(indicator.formula?.denominator).toBe('population');
      expect(indicator.perCapita).toBe(false);
    },
  );

  it.each(INDICATORS.map((i) => [i.id, i] as const))('variants of %s have unique ids', (_id, indicator) => {
    const ids = indicator.variants.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('standard');
  });

  it.each([
    ['victims_identified', 'trafficking_and_exploitation', false],
    ['victims_identified', 'registered_victims', true],
    ['cases_registered', 'thb_and_smuggling', false],
    ['persons_arrested', 'thb_and_smuggling', false],
    ['persons_convicted', 'thb_and_smuggling', false],
    ['persons_convicted', 'arts600_602', true],
    ['persons_convicted', 'ptpa_only', true],
    ['people_in_modern_slavery', 'forced_labour_only', false],
    ['labour_inspections', 'police_labour_inspections', false],
  ] as const)('%s variant %s has comparable = %s', (indicatorId, variantId, comparable) => {
    const variant = findIndicator(indicatorId)?.variants.find((v) => v.id === variantId);
    expect(variant?.comparable).toBe(comparable);
  });

  it.each([
    ['victims_identified', 'higher_is_better'],
    ['most_wanted_traffickers', 'neutral'],
    ['tip_tier', 'lower_is_better'],
    ['gsi_government_response_rank', 'lower_is_better'],
    ['average_trial_duration', 'lower_is_better'],
    ['population', 'neutral'],
  ] as const)('%s direction is %s', (id, direction) => {
    expect(findIndicator(id)?.direction).toBe(direction);
  });

  it.each(INDICATORS.filter((i) => i.pillar === 'context').map((i) => [i.id]))(
    'context indicator %s is neutral',
    (id) => {
      expect(findIndicator(id)?.direction).toBe('neutral');
    },
  );

  it.each(INDICATORS.filter((i) => i.measureType === 'ordinal').map((i) => [i.id, i] as const))(
    'ordinal %s has a sensible or no range',
    (_id, indicator) => {
      if (indicator.range) expect(indicator.range.min).toBeLessThan(indicator.range.max);
    },
  );

  it('grades TIP tiers from 1 to 3', () => {
    expect(findIndicator('tip_tier')?.range).toEqual({ min: 1, max: 3 });
  });

  it.each(INDICATORS.filter((i) => i.measureType === 'yes_no').map((i) => [i.id, i] as const))(
    'yes/no %s is neither per-capita nor identifying',
    (_id, indicator) => {
      expect(indicator.unit).toBe('yes/no');
      expect(indicator.perCapita).toBe(false);
      expect(indicator.identifying).toBe(false);
    },
  );

  it.each(INDICATORS.filter((i) => i.identifying && !i.formula).map((i) => [i.id, i] as const))(
    'identifying %s counts persons',
    (_id, indicator) => {
      expect(indicator.measureType).toBe('count');
      expect(['persons', 'children']).toContain(indicator.unit);
    },
  );

  it.each(INDICATORS.filter((i) => i.formula).map((i) => [i.id, i] as const))(
    '%s is identifying exactly when the count it is computed from is',
    (_id, indicator) => {
      const count = findIndicator(indicator.formula?.numerator ?? '');
      expect(indicator.identifying).toBe(count?.identifying);
    },
  );

  it.each(
    INDICATORS.filter((i) => i.direction !== 'neutral' && i.pillar !== 'context').map(
      (i) => [i.id, i] as const,
    ),
  )('%s names a thesis reference', (_id, indicator) => {
    expect(indicator.thesisRefs.length).toBeGreaterThan(0);
  });

  it('returns undefined for an unknown indicator', () => {
    expect(findIndicator('trafficking_vibes')).toBeUndefined();
  });
});

describe('policy measures', () => {
  it('has at least 12 measures with unique snake_case ids', () => {
    const ids = POLICY_MEASURES.map((m) => m.id);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(SNAKE_CASE);
  });

  it.each(SCORED_PILLAR_IDS.map((p) => [p]))('pillar %s has at least 2 measures', (pillar) => {
    expect(POLICY_MEASURES.filter((m) => m.pillar === pillar).length).toBeGreaterThanOrEqual(2);
  });

  it.each(POLICY_MEASURES.map((m) => [m.id, m] as const))(
    '%s relates to existing indicators and known model countries',
    (_id, measure) => {
      expect(measure.relatedIndicators.length).toBeGreaterThan(0);
      for (const indicatorId of measure.relatedIndicators)
        expect(findIndicator(indicatorId)?.id).toBe(indicatorId);
      for (const country of measure.modelCountries) expect(TEST_TREE.find(country)?.role).toBe('benchmark');
    },
  );

  it('ties the Italian and Spanish victim statuses to their articles', () => {
    expect(findMeasure('residence_permit_unconditional')?.model).toContain(
      'Art. 18, Legislative Decree 286/1998',
    );
    expect(findMeasure('recovery_reflection_period')?.model).toContain('Art. 59 bis, Organic Law 4/2000');
    expect(findMeasure('no_such_measure')).toBeUndefined();
  });
});

describe('rubric', () => {
  it('has levels 0..4 in order', () => {
    expect(RUBRIC.map((r) => r.level)).toEqual([0, 1, 2, 3, 4]);
    expect(RUBRIC.map((r) => r.label)).toEqual([
      'Absent',
      'Announced',
      'Piloting',
      'In force',
      'In force and evaluated',
    ]);
  });
});

describe('jurisdictions', () => {
  it('has unique ids and every parent exists', () => {
    const ids = JURISDICTIONS.map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const j of JURISDICTIONS) {
      if (j.parentId !== null) expect(ids).toContain(j.parentId);
    }
  });

  it.each(JURISDICTIONS.map((j) => [j.id]))('%s has no cycle and ends at a root', (id) => {
    let current = TEST_TREE.find(id);
    const seen = new Set<string>();
    while (current && current.parentId !== null) {
      expect(seen.has(current.id)).toBe(false);
      seen.add(current.id);
      current = TEST_TREE.find(current.parentId);
    }
    expect(current?.parentId).toBeNull();
    expect(jurisdictionIssues(JURISDICTIONS)).toEqual([]);
  });

  it.each([
    ['PK-PB-GUJRAT', ['PK-PB-GUJRANWALA-DIV', 'PK-PB', 'PK']],
    ['PK-PB-GUJRAT-KHARIAN', ['PK-PB-GUJRAT', 'PK-PB-GUJRANWALA-DIV', 'PK-PB', 'PK']],
    ['PK', []],
    ['IT', []],
    ['XX', []],
  ] as const)('ancestorsOf(%s) in 2021 is %j', (id, expected) => {
    expect(TEST_TREE.ancestorsOf(id, 2021)).toEqual(expected);
  });

  it('places Gujrat under Gujrat Division from the day it was created', () => {
    expect(TEST_TREE.ancestorsOf('PK-PB-GUJRAT', '2022-08-16')[0]).toBe('PK-PB-GUJRANWALA-DIV');
    expect(TEST_TREE.ancestorsOf('PK-PB-GUJRAT', '2022-08-17')[0]).toBe('PK-PB-GUJRAT-DIV');
    expect(TEST_TREE.ancestorsOf('PK-PB-GUJRAT', 2022)[0]).toBe('PK-PB-GUJRAT-DIV');
    expect(TEST_TREE.ancestorsOf('PK-PB-GUJRAT')).toEqual(['PK-PB-GUJRAT-DIV', 'PK-PB', 'PK']);
    expect(TEST_TREE.isWithin('PK-PB-GUJRAT', 'PK-PB-GUJRANWALA-DIV', 2021)).toBe(true);
    expect(TEST_TREE.isWithin('PK-PB-GUJRAT', 'PK-PB-GUJRANWALA-DIV', 2025)).toBe(false);
    expect(TEST_TREE.existsAt('PK-PB-GUJRAT-DIV', 2021)).toBe(false);
    expect(TEST_TREE.existsDuring('PK-PB-GUJRAT-JALALPUR-JATTAN', 2015, 2018)).toBe(true);
    expect(TEST_TREE.existsDuring('PK-PB-GUJRAT-JALALPUR-JATTAN', 2015, 2017)).toBe(false);
  });

  it.each([
    [
      'PK-PB-GUJRAT',
      [
        'PK-PB-GUJRAT-GUJRAT',
        'PK-PB-GUJRAT-KHARIAN',
        'PK-PB-GUJRAT-SARAI-ALAMGIR',
        'PK-PB-GUJRAT-JALALPUR-JATTAN',
      ],
    ],
    [
      'PK-PB',
      [
        'PK-PB-GUJRANWALA-DIV',
        'PK-PB-GUJRANWALA',
        'PK-PB-GUJRAT',
        'PK-PB-GUJRAT-GUJRAT',
        'PK-PB-GUJRAT-KHARIAN',
        'PK-PB-GUJRAT-SARAI-ALAMGIR',
        'PK-PB-GUJRAT-JALALPUR-JATTAN',
      ],
    ],
    ['PK-PB-GUJRAT-KHARIAN', []],
    ['ES', []],
  ] as const)('descendantsOf(%s) in 2021 is %j', (id, expected) => {
    expect(TEST_TREE.descendantsOf(id, 2021)).toEqual(expected);
  });

  it('leaves a tehsil out of the years before it was created', () => {
    expect(TEST_TREE.descendantsOf('PK-PB-GUJRAT', 2017)).toEqual([
      'PK-PB-GUJRAT-GUJRAT',
      'PK-PB-GUJRAT-KHARIAN',
      'PK-PB-GUJRAT-SARAI-ALAMGIR',
    ]);
    expect(TEST_TREE.treeAt(2021).map((root) => root.id)).toEqual(['PK', 'IT', 'ES', 'EU27']);
  });

  it.each([
    ['PK-PB-GUJRAT', 'PK-PB-GUJRAT', true],
    ['PK-PB-GUJRAT-SARAI-ALAMGIR', 'PK', true],
    ['PK-PB-GUJRAT', 'PK-PB-GUJRAT-KHARIAN', false],
    ['IT', 'PK', false],
    ['ES', 'EU27', false],
    ['PK-FIA-GUJRANWALA', 'PK-PB', false],
  ] as const)('isWithin(%s, %s) is %s', (id, ancestorId, expected) => {
    expect(TEST_TREE.isWithin(id, ancestorId)).toBe(expected);
  });

  it('lists as neighbours the districts that share a division now or did before', () => {
    expect(neighboursOf(TEST_TREE, 'PK-PB-GUJRAT')).toEqual(['PK-PB-GUJRAT', 'PK-PB-GUJRANWALA']);
    expect(neighboursOf(TEST_TREE, 'XX')).toEqual([]);
  });

  it('marks Pakistan as monitored and Italy, Spain and the EU-27 as benchmarks', () => {
    expect(BASE_JURISDICTION).toBe('PK-PB-GUJRAT');
    expect(BENCHMARK_IDS).toEqual(['IT', 'ES']);
    const roles = Object.fromEntries(JURISDICTIONS.map((j) => [j.id, j.role]));
    expect(roles).toMatchObject({
      PK: 'monitored',
      'PK-PB-GUJRAT': 'monitored',
      IT: 'benchmark',
      ES: 'benchmark',
      EU27: 'benchmark',
    });
    expect(TEST_TREE.find('EU27')?.kind).toBe('aggregate');
  });

  it.each(JURISDICTIONS.map((j) => [j.id, j] as const))('%s has an Urdu name', (_id, jurisdiction) => {
    expect(jurisdiction.name.ur).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('definitionVariantsOf', () => {
  it('gives a derived indicator the definitions of its numerator', () => {
    const rate = findIndicator('conviction_rate')!;
    const ids = definitionVariantsOf(rate).map((variant) => variant.id);
    expect(ids).toContain('arts600_602');
    expect(ids).toContain('thb_and_smuggling');
  });

  it('keeps a stored indicator to its own definitions', () => {
    const convicted = findIndicator('persons_convicted')!;
    expect(definitionVariantsOf(convicted)).toEqual(convicted.variants);
  });
});
