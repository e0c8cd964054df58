import { describe, expect, it } from 'vitest';
import { validateObservation } from '../validate-observation.js';
import { findIndicator, INDICATORS } from './indicators.js';
import { TEST_TREE } from '../test-support/jurisdictions.js';

const ADDED = [
  'shelter_places',
  'non_punishment_provision',
  'smuggling_cases_registered',
  'offloaded_passengers',
  'deportees_received',
  'migrant_deaths_by_origin',
  'nationals_identified_as_victims_abroad',
  'victims_re_trafficked',
  'victims_compensated',
  'registered_emigrants',
  'public_awareness_of_legal_migration',
  'sea_arrivals_declared_nationals',
  'shipwreck_survivors_by_origin',
  'migrants_on_board_by_origin',
  'administrative_units',
];

const check = (indicator: string, value: number) =>
  validateObservation(
    { indicator, jurisdiction: 'IT', year: 2020, value, sourceId: 1 },
    { indicators: INDICATORS, jurisdictions: TEST_TREE, currentYear: 2026 },
  );

describe('indicators added from the thesis and the November 2026 additions', () => {
  it.each(ADDED)('%s has a definition, a unit, a pillar and a thesis reference', (id) => {
    const indicator = findIndicator(id);
    expect(indicator?.definition.length).toBeGreaterThan(80);
    expect(indicator?.unit).not.toBe('');
    expect(indicator?.thesisRefs.length).toBeGreaterThan(0);
  });

  it('files non-punishment as a yes/no policy measure and smuggling cases under prosecution with PSMA 2018', () => {
    expect(findIndicator('non_punishment_provision')).toMatchObject({
      measureType: 'yes_no',
      pillar: 'protection',
    });
    expect(findIndicator('smuggling_cases_registered')).toMatchObject({
      pillar: 'prosecution',
      legalBasis: { PK: 'PSMA 2018' },
    });
    expect(findIndicator('cases_registered')?.legalBasis).toEqual({
      PK: 'PTPA 2018, s. 3',
      IT: 'Art. 601 c.p.',
      ES: 'Art. 177 bis CP',
    });
    expect(
      findIndicator('persons_prosecuted')?.variants.find((v) => v.id === 'arts600_602')?.legalBasis,
    ).toBe('Arts. 600-602 c.p.');
  });

  it('types the average trial duration as a duration in months, not a count', () => {
    expect(findIndicator('average_trial_duration')).toMatchObject({
      measureType: 'duration',
      unit: 'months',
    });
    expect(check('average_trial_duration', 14.5).ok).toBe(true);
    expect(check('average_trial_duration', -1).ok).toBe(false);
  });

  it('accepts a referral share above 100, which its definition allows, and still caps other percents', () => {
    expect(check('victims_referred_share', 130).ok).toBe(true);
    expect(check('victims_referred_share', -5).ok).toBe(false);
    const other = check('public_awareness_of_trafficking', 130);
    expect(other.ok || other.error.issues?.[0]?.message).toBe(
      'public_awareness_of_trafficking is a percent: value must be between 0 and 100 (got 130)',
    );
  });

  it('keeps awareness of trafficking narrow and measures knowledge of legal routes (5.1.1) separately', () => {
    expect(findIndicator('public_awareness_of_trafficking')?.definition).toContain('legal channels');
    expect(findIndicator('public_awareness_of_legal_migration')?.thesisRefs).toContain('5.1.1');
  });
});
