import { describe, expect, it } from 'vitest';
import { checkEntry, checkTarget, observationRequest, targetFieldOf } from './requests';

const YEAR = 2026;
const base = {
  indicator: 'police_operations',
  jurisdiction: 'PK-PB-GUJRAT',
  year: '2024',
  value: '37',
  status: 'A',
  definition: 'standard',
  sourceMode: 'new',
  'source.title': 'Annual return',
  'source.publisher': 'District Police Office',
  'source.kind': 'primary',
};

describe('checkEntry', () => {
  it('accepts a complete figure within the scope', () => {
    expect(checkEntry(base, 'PK-PB-GUJRAT', YEAR)).toEqual({});
  });

  it.each([
    [{ value: '12.5' }, 'value', 'whole number'],
    [{ value: 'abc' }, 'value', 'finite number'],
    [{ year: '1850' }, 'year', 'between'],
    [{ year: '2031' }, 'year', 'between'],
    [{ jurisdiction: 'IT' }, 'jurisdiction', 'outside your jurisdiction'],
    [{ 'source.title': '' }, 'source.title', 'must not be empty'],
    [{ sourceMode: 'existing' }, 'sourceId', 'Choose a source'],
    [{ 'disaggregation.sex': 'female', indicator: 'police_operations' }, '', ''],
  ])('flags %o on %s', (change, field, message) => {
    const errors = checkEntry({ ...base, ...change }, 'PK-PB-GUJRAT', YEAR);
    if (field === '') expect(errors).toEqual({});
    else expect(errors[field]?.join(' ')).toContain(message);
  });

  it('still checks the other fields when one fails the schema', () => {
    const errors = checkEntry({ ...base, indicator: '', value: 'abc', year: '1850' }, 'PK-PB-GUJRAT', YEAR);
    expect(Object.keys(errors).sort()).toEqual(['indicator', 'value', 'year']);
  });

  it('sends only the indicator’s own breakdowns', () => {
    const request = observationRequest({
      ...base,
      indicator: 'victims_identified',
      'disaggregation.sex': 'female',
      'disaggregation.partner_country': 'it',
    });
    expect(request.disaggregation).toEqual({ sex: 'female' });
  });
});

describe('checkTarget', () => {
  const target = {
    indicator: 'police_operations',
    jurisdiction: 'PK-PB-GUJRAT',
    'baseline.year': '2020',
    'baseline.value': '10',
    'baseline.sourceMode': 'existing',
    'baseline.sourceId': '3',
    'target.year': '2030',
    'target.value': '50',
    'target.sourceMode': 'new',
    'target.source.title': 'Action plan',
    'target.source.publisher': 'Government of the Punjab',
  };
  it('accepts a complete target', () => {
    expect(checkTarget(target)).toEqual({});
  });
  it('wants the target year after the baseline year', () => {
    expect(checkTarget({ ...target, 'target.year': '2019' })['target.year']).toBeDefined();
  });
  it('maps a missing new source onto its title field', () => {
    expect(targetFieldOf('target.source')).toBe('target.source.title');
    expect(Object.keys(checkTarget({ ...target, 'target.source.title': '' }))).toEqual([
      'target.source.title',
    ]);
  });
});
