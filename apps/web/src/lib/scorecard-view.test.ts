import { POLICY_MEASURES, localiseMeasure, type MeasureScore, type Source } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { assessmentsBeside, frameworkOf, isGretaEvaluation, ownMeasuresOf } from './scorecard-view';

const measure = (over: Partial<MeasureScore> & { measure: string }): MeasureScore => ({
  level: null,
  assessedYear: null,
  score: null,
  framework: null,
  ...over,
});

const source = (publisher: string, title = 'A report'): Source => ({
  id: 1,
  title,
  publisher,
  year: 2020,
  locator: null,
  kind: 'primary',
});

const namesIn = (locale: 'en' | 'ur') =>
  Object.fromEntries(POLICY_MEASURES.map((item) => [item.id, localiseMeasure(item, locale).name]));

describe('the national framework beside a score', () => {
  const measures = [
    measure({
      measure: 'national_action_plan',
      framework: { jurisdiction: 'PK', level: 1, year: 2021, evidence: 'NAP' },
    }),
    measure({ measure: 'recovery_reflection_period', level: 3, assessedYear: 2019, score: 75 }),
    measure({ measure: 'victim_data_system' }),
  ];

  it('lists only the items that come from a higher jurisdiction, by catalogue name', () => {
    expect(frameworkOf({ measures }, namesIn('en'))).toEqual([
      {
        measure: 'national_action_plan',
        name: 'National action plan with district targets',
        level: 1,
        year: 2021,
        jurisdiction: 'PK',
        evidence: 'NAP',
      },
    ]);
  });

  it('names the measures in the language it is given', () => {
    const [item] = ownMeasuresOf({ measures }, namesIn('ur'));
    expect(item?.name).toBe(
      localiseMeasure(
        POLICY_MEASURES.find((x) => x.id === 'recovery_reflection_period')!,
        'ur',
      ).name,
    );
    expect(item?.name).toMatch(/[\u0600-\u06FF]/);
  });

  it('lists as counted only the jurisdiction’s own assessments', () => {
    expect(ownMeasuresOf({ measures }, namesIn('en'))).toEqual([
      { measure: 'recovery_reflection_period', name: 'Recovery and reflection period', level: 3, year: 2019 },
    ]);
  });
});

describe('GRETA’s evaluations among a measure’s assessments', () => {
  const history = [
    { year: 2009, source: source('Government of Spain (BOE)') },
    { year: 2018, source: source('Council of Europe, GRETA') },
    { year: 2022, source: source('US Department of State') },
    { year: 2023, source: source('Council of Europe, GRETA') },
  ];

  it('recognises GRETA by publisher or report code, not by a passing mention', () => {
    expect(isGretaEvaluation({ source: source('Council of Europe, GRETA') })).toBe(true);
    expect(isGretaEvaluation({ source: source('Council of Europe', 'GRETA(2018)28: Report on Italy') })).toBe(
      true,
    );
    expect(isGretaEvaluation({ source: source('US Department of State', 'TIP report citing GRETA') })).toBe(
      false,
    );
  });

  it('shows GRETA’s evaluations beside the latest and keeps the others as earlier, newest first', () => {
    expect(assessmentsBeside(history, { year: 2022 })).toEqual({
      greta: [history[3], history[1]],
      earlier: [history[0]],
    });
    expect(assessmentsBeside(history, { year: 2023 }).greta).toEqual([history[1]]);
  });
});
