import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, JurisdictionId, PolicyMeasure, RubricLevel } from './contracts.js';
import { MIN_OWN_ITEMS, SCORECARD_METHOD, confidenceFor, scaleOf, scoreJurisdiction } from './scorecard.js';
import type { MeasureAssessmentInput, ScorecardInput } from './scorecard.js';
import { indicator, obs } from './test-support/fixtures.js';

const measure = (id: string, pillar: PolicyMeasure['pillar']): PolicyMeasure => ({
  id,
  pillar,
  name: id,
  description: 'test measure',
  model: 'test',
  modelCountries: [],
  thesisRef: '5.1',
  relatedIndicators: [],
});

const indicators: Indicator[] = [
  indicator({ id: 'victims_identified', pillar: 'protection', measureType: 'count', perCapita: true }),
  indicator({ id: 'victims_referred_share', pillar: 'protection', measureType: 'percent', unit: 'percent' }),
  indicator({
    id: 'referral_mechanism_in_force',
    pillar: 'protection',
    measureType: 'yes_no',
    unit: 'yes/no',
  }),
  indicator({ id: 'most_wanted', pillar: 'prosecution', measureType: 'count', direction: 'neutral' }),
  indicator({
    id: 'tip_tier',
    pillar: 'partnership',
    measureType: 'ordinal',
    unit: 'tier',
    direction: 'lower_is_better',
  }),
  indicator({
    id: 'gsi_government_response_rank',
    pillar: 'partnership',
    measureType: 'ordinal',
    unit: 'rank',
    direction: 'lower_is_better',
  }),
];
const protectionMeasures = ['m_permit', 'm_reflection', 'm_referral', 'm_units'].map((id) =>
  measure(id, 'protection'),
);
const measures = [
  ...protectionMeasures,
  measure('m_pathways', 'partnership'),
  measure('m_courts', 'prosecution'),
];

const assess = (
  m: string,
  jurisdiction: JurisdictionId,
  level: RubricLevel,
  year = 2020,
): MeasureAssessmentInput => ({
  measure: m,
  jurisdiction,
  year,
  level,
  evidence: `${m} in ${jurisdiction}`,
});

const card = (over: Partial<ScorecardInput>) =>
  scoreJurisdiction({
    jurisdiction: 'PK-PB-GUJRAT',
    year: 2024,
    indicators,
    measures,
    observations: [],
    benchmarks: ['IT', 'ES'],
    measureAssessments: [],
    ancestors: ['PK-PB', 'PK'],
    ...over,
  });
const pillarOf = (c: ReturnType<typeof card>, pillar: string) => {
  const p = c.pillars.find((x) => x.pillar === pillar);
  if (p === undefined) throw new Error(`no pillar ${pillar}`);
  return p;
};

describe('scoreJurisdiction: own evidence, national framework beside it', () => {
  it('gives Gujrat no pillar score from Pakistan’s national measures, and shows them as the framework (motivating case)', () => {
    const c = card({ measureAssessments: protectionMeasures.map((m) => assess(m.id, 'PK', 3)) });
    const protection = pillarOf(c, 'protection');
    expect(protection).toMatchObject({
      score: null,
      measureScore: null,
      coverage: { ownItems: 0, frameworkItems: 4, scorableItems: 6 },
      confidence: 'none',
    });
    expect(protection.reason).toMatch(
      /^Not scored: 0 of 6 items .* 4 national framework item\(s\) are shown beside it, not counted/,
    );
    expect(protection.measures[0]).toEqual({
      measure: 'm_permit',
      level: null,
      assessedYear: null,
      score: null,
      framework: { jurisdiction: 'PK', level: 3, year: 2020, evidence: 'm_permit in PK' },
    });
  });

  it('takes the nearest ancestor’s framework, and the jurisdiction’s own assessment over any framework', () => {
    const c = card({
      measureAssessments: [
        assess('m_permit', 'PK', 3),
        assess('m_permit', 'PK-PB', 2),
        assess('m_reflection', 'PK', 4),
        assess('m_reflection', 'PK-PB-GUJRAT', 1),
      ],
    });
    const [permit, reflection] = pillarOf(c, 'protection').measures;
    expect(permit?.framework).toMatchObject({ jurisdiction: 'PK-PB', level: 2 });
    expect(reflection).toMatchObject({ level: 1, score: 25, framework: null });
  });

  it(`withholds a score resting on fewer than ${MIN_OWN_ITEMS} own items, even when they are all there is`, () => {
    const few = scoreJurisdiction({
      jurisdiction: 'IT',
      year: 2024,
      indicators: [],
      measures: protectionMeasures.slice(0, 2),
      observations: [],
      benchmarks: [],
      measureAssessments: [assess('m_permit', 'IT', 4), assess('m_reflection', 'IT', 4)],
    });
    expect(pillarOf(few, 'protection')).toMatchObject({
      score: null,
      measureScore: 100,
      coverage: { ownItems: 2, scorableItems: 2 },
    });
  });

  it('withholds a score resting on fewer than half of the items that could be scored', () => {
    const c = card({
      jurisdiction: 'IT',
      ancestors: [],
      measures: [...measures, measure('m_shelter', 'protection'), measure('m_hotline', 'protection')],
      measureAssessments: [assess('m_permit', 'IT', 4), assess('m_reflection', 'IT', 4)],
      observations: [obs('victims_referred_share', 'IT', 2023, 50)],
    });
    expect(pillarOf(c, 'protection')).toMatchObject({
      score: null,
      coverage: { ownItems: 3, scorableItems: 8 },
    });
  });

  it('scores half the scorable items from own evidence, with sensitivity and confidence', () => {
    const c = card({
      jurisdiction: 'IT',
      ancestors: [],
      measureAssessments: [assess('m_permit', 'IT', 4), assess('m_reflection', 'IT', 2)],
      observations: [
        obs('victims_referred_share', 'IT', 2023, 40),
        obs('victims_identified', 'IT', 2023, 900),
      ],
    });
    expect(pillarOf(c, 'protection')).toMatchObject({
      score: 57.5,
      reason: null,
      indicatorScore: 40,
      measureScore: 75,
      sensitivity: { indicatorsOnly: 40, measuresOnly: 75, equal: 57.5 },
      coverage: { ownItems: 3, scorableItems: 6, frameworkItems: 0, indicatorsScored: 1 },
      confidence: 'medium',
    });
  });
});

describe('scoreJurisdiction: one absolute reference for everyone', () => {
  const italy = (benchmarks: JurisdictionId[]) =>
    card({
      jurisdiction: 'IT',
      ancestors: [],
      benchmarks,
      measureAssessments: protectionMeasures.map((m) => assess(m.id, 'IT', 3)),
      observations: [
        obs('victims_referred_share', 'IT', 2023, 70),
        obs('victims_referred_share', 'ES', 2023, 10),
      ],
    });

  it('scores Italy the same whoever stands beside it', () => {
    expect(italy(['ES']).pillars).toEqual(italy(['PK-PB-GUJRAT', 'ES']).pillars);
  });

  it.each([
    ['percent, higher is better', 'victims_referred_share', 35, 35],
    ['yes', 'referral_mechanism_in_force', 1, 100],
    ['no', 'referral_mechanism_in_force', 0, 0],
    ['TIP tier 1', 'tip_tier', 1, 100],
    ['TIP tier 2', 'tip_tier', 2, 66.7],
    ['TIP Watch List', 'tip_tier', 2.5, 33.3],
    ['TIP tier 3', 'tip_tier', 3, 0],
  ] as const)('%s scores on its own scale', (_name, id, value, score) => {
    const c = card({ jurisdiction: 'ES', ancestors: [], observations: [obs(id, 'ES', 2023, value)] });
    const item = c.pillars.flatMap((p) => p.indicators).find((i) => i.indicator === id);
    expect(item).toMatchObject({ score, basis: { year: 2023, value }, reason: null });
  });

  it.each([
    ['a count', 'victims_identified', /no absolute reference/],
    ['a rank without a fixed scale (GSI)', 'gsi_government_response_rank', /without a fixed scale/],
    ['a neutral indicator', 'most_wanted', /Neither higher nor lower/],
  ] as const)('does not score %s', (_name, id, reason) => {
    const c = card({ jurisdiction: 'ES', ancestors: [], observations: [obs(id, 'ES', 2023, 12)] });
    const item = c.pillars.flatMap((p) => p.indicators).find((i) => i.indicator === id);
    expect(item?.score).toBeNull();
    expect(item?.reason).toMatch(reason);
  });

  it('scores the own latest annual total up to the year, ignoring other jurisdictions and breakdowns', () => {
    const c = card({
      jurisdiction: 'ES',
      year: 2022,
      ancestors: [],
      observations: [
        obs('victims_referred_share', 'ES', 2021, 20),
        obs('victims_referred_share', 'ES', 2023, 90),
        obs('victims_referred_share', 'ES', 2022, 99, { disaggregation: { sex: 'female' } }),
        obs('victims_referred_share', 'IT', 2022, 80),
      ],
    });
    expect(
      pillarOf(c, 'protection').indicators.find((i) => i.indicator === 'victims_referred_share'),
    ).toMatchObject({ score: 20, basis: { year: 2021 } });
  });

  it('keeps an ordinal value off its scale unscored', () => {
    expect('reason' in scaleOf(indicators[4] as Indicator)).toBe(false);
    const c = card({ jurisdiction: 'ES', ancestors: [], observations: [obs('tip_tier', 'ES', 2023, 1.7)] });
    expect(pillarOf(c, 'partnership').indicators[0]).toMatchObject({
      score: null,
      reason: expect.stringMatching(/not a step/) as unknown,
    });
  });
});

describe('scoreJurisdiction: property', () => {
  const levels = fc.constantFrom<RubricLevel>(0, 1, 2, 3, 4);
  const assessments = fc.array(
    fc.record({
      measure: fc.constantFrom(...measures.map((m) => m.id)),
      jurisdiction: fc.constantFrom<JurisdictionId>('PK', 'PK-PB', 'PK-PB-GUJRAT'),
      year: fc.integer({ min: 2015, max: 2024 }),
      level: levels,
    }),
    { maxLength: 20 },
  );

  it('a score never uses a framework item: removing every ancestor assessment changes no score', () => {
    fc.assert(
      fc.property(assessments, fc.integer({ min: 0, max: 100 }), (all, share) => {
        const observations = [obs('victims_referred_share', 'PK-PB-GUJRAT', 2022, share)];
        const full = card({ measureAssessments: all, observations });
        const own = card({
          measureAssessments: all.filter((a) => a.jurisdiction === 'PK-PB-GUJRAT'),
          observations,
        });
        for (const [p, q] of full.pillars.map((p, i) => [p, own.pillars[i]] as const)) {
          expect([p.score, p.indicatorScore, p.measureScore, p.sensitivity, p.coverage.ownItems]).toEqual([
            q?.score,
            q?.indicatorScore,
            q?.measureScore,
            q?.sensitivity,
            q?.coverage.ownItems,
          ]);
          for (const m of p.measures) if (m.framework !== null) expect(m.score).toBeNull();
        }
      }),
    );
  });
});

describe('confidenceFor and the method', () => {
  it.each([
    [0, 'none'],
    [2, 'low'],
    [3, 'medium'],
    [6, 'high'],
  ] as const)('%i own items → %s', (n, label) => {
    expect(confidenceFor(n)).toBe(label);
  });

  it('states own evidence, the framework, the references, the withholding rule and the sensitivity view', () => {
    expect(SCORECARD_METHOD).toMatch(/own evidence only/);
    expect(SCORECARD_METHOD).toMatch(/national framework/);
    expect(SCORECARD_METHOD).toMatch(/never against another jurisdiction/);
    expect(SCORECARD_METHOD).toMatch(/fewer than 3 or fewer than half/);
    expect(SCORECARD_METHOD).toMatch(/indicators only, measures only and 50\/50/);
  });
});
