import { describe, expect, it } from 'vitest';
import { TEST_JURISDICTIONS } from '../test-support/jurisdictions.js';
import { createJurisdictionTree } from './jurisdiction-tree.js';
import { planJurisdictionImport } from './jurisdictions.js';

const kunjah = {
  id: 'PK-PB-GUJRAT-KUNJAH',
  kind: 'tehsil',
  name_en: 'Kunjah Tehsil',
  name_ur: 'تحصیل کنجاہ',
  role: 'monitored',
  valid_from: '2025-07-01',
  valid_to: '',
  parent_id: 'PK-PB-GUJRAT',
  source: 'Board of Revenue notification',
  note: '',
};

describe('planJurisdictionImport', () => {
  it('adds a unit under its parent from its first day', () => {
    const plan = planJurisdictionImport(TEST_JURISDICTIONS, [kunjah]);
    expect(plan.ok && plan.added.map((u) => [u.id, u.parentId, u.validFrom])).toEqual([
      ['PK-PB-GUJRAT-KUNJAH', 'PK-PB-GUJRAT', '2025-07-01'],
    ]);
    if (!plan.ok) return;
    const tree = createJurisdictionTree([...TEST_JURISDICTIONS, ...plan.added]);
    expect(tree.descendantsOf('PK-PB-GUJRAT', 2024)).not.toContain('PK-PB-GUJRAT-KUNJAH');
    expect(tree.descendantsOf('PK-PB-GUJRAT', 2025)).toContain('PK-PB-GUJRAT-KUNJAH');
  });

  it('closes a unit and its open parent period on the day given', () => {
    const plan = planJurisdictionImport(TEST_JURISDICTIONS, [
      { id: 'PK-PB-GUJRAT-KHARIAN', valid_to: '2030-06-30', source: 'Order' },
    ]);
    expect(plan.ok && plan.closed[0]).toMatchObject({
      validTo: '2030-06-30',
      parents: [{ parentId: 'PK-PB-GUJRAT', from: null, to: '2030-06-30' }],
    });
  });

  it('refuses every row when one is bad, naming the row and the field', () => {
    const plan = planJurisdictionImport(TEST_JURISDICTIONS, [
      kunjah,
      { ...kunjah, id: 'PK-PB-GUJRAT-DINGA', parent_id: 'PK-PB-GUJRAT-DIV', valid_from: '2021-01-01' },
      { id: 'PK-PB-GUJRAT', source: 'x' },
      { ...kunjah, id: 'bad id', kind: 'village' },
      { id: 'PK-PB-GUJRAT-DIV', valid_to: '2025-01-01', source: 'x' },
    ]);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.issues.map((i) => [i.row, i.field])).toEqual([
      [3, 'valid_to'],
      [4, 'id'],
      [4, 'kind'],
    ]);
    const second = planJurisdictionImport(TEST_JURISDICTIONS, [
      { ...kunjah, id: 'PK-PB-GUJRAT-DINGA', parent_id: 'PK-PB-GUJRAT-DIV', valid_from: '2021-01-01' },
      { id: 'PK-PB-GUJRAT-DIV', valid_to: '2025-01-01', source: 'x' },
    ]);
    expect(second.ok || second.issues.map((i) => [i.row, i.field, i.message])).toEqual([
      [
        1,
        'parents[0]',
        'PK-PB-GUJRAT-DIV does not exist for the whole period PK-PB-GUJRAT-DINGA is placed under it',
      ],
      [
        2,
        'valid_to',
        'PK-PB-GUJRAT-DIV still has units under it (PK-PB-GUJRAT, PK-PB-GUJRAT-DINGA): close or move them first',
      ],
    ]);
  });
});
