import { describe, expect, it } from 'vitest';
import {
  checkEntry,
  checkTarget,
  observationRequest,
  outlierWarning,
  previousYearValue,
  targetFieldOf,
} from './requests';
import { createJurisdictionTree, type Jurisdiction } from '@fourp/domain';

const unit = (
  id: string,
  parentId: string | null,
  role: Jurisdiction['role'] = 'monitored',
): Jurisdiction => ({
  id,
  kind: 'district',
  parentId,
  name: { en: id },
  role,
  validFrom: null,
  validTo: null,
  parents: parentId === null ? [] : [{ parentId, from: null, to: null, source: null }],
  source: null,
  note: null,
});
const TREE = createJurisdictionTree([
  unit('PK', null),
  unit('PK-PB', 'PK'),
  unit('PK-PB-GUJRAT', 'PK-PB'),
  unit('IT', null, 'benchmark'),
]);

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
    expect(checkEntry(base, 'PK-PB-GUJRAT', YEAR, TREE)).toEqual({});
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
    [{ yearEnd: '2023' }, 'yearEnd', 'cannot be before year'],
    [{ yearEnd: 'soon' }, 'yearEnd', 'written as a number'],
    [{ yearEnd: '2031' }, 'yearEnd', 'cannot be later than 2026'],
    [{ yearEnd: '2025', valueAsRead: '1,234', unitAsRead: 'cases' }, '', ''],
  ])('flags %o on %s', (change, field, message) => {
    const errors = checkEntry({ ...base, ...change }, 'PK-PB-GUJRAT', YEAR, TREE);
    if (field === '') expect(errors).toEqual({});
    else expect(errors[field]?.join(' ')).toContain(message);
  });

  it('still checks the other fields when one fails the schema', () => {
    const errors = checkEntry(
      { ...base, indicator: '', value: 'abc', year: '1850' },
      'PK-PB-GUJRAT',
      YEAR,
      TREE,
    );
    expect(Object.keys(errors).sort()).toEqual(['indicator', 'value', 'year']);
  });

  it('sends a multi-year span and the as-printed value and unit only when given', () => {
    expect(
      observationRequest({ ...base, yearEnd: '2025', valueAsRead: ' 37 ', unitAsRead: 'raids' }),
    ).toMatchObject({ year: 2024, yearEnd: 2025, valueAsRead: '37', unitAsRead: 'raids' });
    const annual = observationRequest({ ...base, yearEnd: '', valueAsRead: '', unitAsRead: '' });
    expect(annual).not.toHaveProperty('yearEnd');
    expect(annual).not.toHaveProperty('valueAsRead');
    expect(annual).not.toHaveProperty('unitAsRead');
  });

  it('compares an annual figure with last year, never a multi-year total', () => {
    const lastYear = {
      id: 1,
      indicator: 'police_operations',
      jurisdiction: 'PK-PB-GUJRAT',
      year: 2023,
      yearEnd: 2023,
      disaggregation: {},
      definition: 'standard',
      value: 10,
      workflowState: 'published' as const,
    };
    const annual = { ...base, value: '40' };
    expect(previousYearValue(annual, [lastYear])).toBe(10);
    expect(outlierWarning(annual, 10)).toMatch(/4\.0 times/);
    expect(previousYearValue({ ...annual, yearEnd: '2024' }, [lastYear])).toBe(10);
    expect(previousYearValue({ ...annual, yearEnd: '2025' }, [lastYear])).toBeNull();
  });

  it('compares a breakdown with last year’s figure of the same breakdown, in whatever order it was stored', () => {
    const lastYear = (id: number, disaggregation: Record<string, string>, value: number) => ({
      id,
      indicator: 'victims_identified',
      jurisdiction: 'PK-PB-GUJRAT',
      year: 2023,
      yearEnd: 2023,
      disaggregation,
      definition: 'standard',
      value,
      workflowState: 'published' as const,
    });
    const figures = [
      lastYear(1, {}, 100),
      lastYear(2, { sex: 'female' }, 30),
      lastYear(3, { age_group: 'child', sex: 'female' }, 12),
    ];
    const form = {
      ...base,
      indicator: 'victims_identified',
      value: '40',
      'disaggregation.sex': 'female',
      'disaggregation.age_group': 'child',
    };
    expect(previousYearValue(form, figures)).toBe(12);
    expect(previousYearValue({ ...form, 'disaggregation.age_group': '' }, figures)).toBe(30);
    expect(
      previousYearValue({ ...form, 'disaggregation.sex': '', 'disaggregation.age_group': '' }, figures),
    ).toBe(100);
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
