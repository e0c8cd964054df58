import { createJurisdictionTree } from '../catalogue/jurisdiction-tree.js';
import type { Jurisdiction, JurisdictionKind, ParentPeriod } from '../contracts.js';

type Periods = [parentId: string, from: string | null, to: string | null][];

const unit = (
  id: string,
  kind: JurisdictionKind,
  [en, ur]: [string, string],
  periods: Periods = [],
  validFrom: string | null = null,
): Jurisdiction => {
  const parents: ParentPeriod[] = periods.map(([parentId, from, to]) => ({
    parentId,
    from,
    to,
    source: null,
  }));
  return {
    id,
    kind,
    parentId: parents.find((p) => p.to === null)?.parentId ?? null,
    name: { en, ur },
    role: ['IT', 'ES', 'EU27'].includes(id) ? 'benchmark' : 'monitored',
    validFrom,
    validTo: null,
    parents,
    source: null,
    note: null,
  };
};

/** A slice of the real geography: Gujrat moves from Gujranwala Division to Gujrat Division on 2022-08-17. */
export const TEST_JURISDICTIONS: readonly Jurisdiction[] = [
  unit('PK', 'country', ['Pakistan', 'پاکستان']),
  unit('PK-PB', 'province', ['Punjab', 'پنجاب'], [['PK', null, null]]),
  unit(
    'PK-PB-GUJRANWALA-DIV',
    'division',
    ['Gujranwala Division', 'گوجرانوالہ ڈویژن'],
    [['PK-PB', null, null]],
  ),
  unit(
    'PK-PB-GUJRAT-DIV',
    'division',
    ['Gujrat Division', 'گجرات ڈویژن'],
    [['PK-PB', '2022-08-17', null]],
    '2022-08-17',
  ),
  unit(
    'PK-PB-GUJRANWALA',
    'district',
    ['Gujranwala District', 'ضلع گوجرانوالہ'],
    [['PK-PB-GUJRANWALA-DIV', null, null]],
  ),
  unit(
    'PK-PB-GUJRAT',
    'district',
    ['Gujrat District', 'ضلع گجرات'],
    [
      ['PK-PB-GUJRANWALA-DIV', null, '2022-08-16'],
      ['PK-PB-GUJRAT-DIV', '2022-08-17', null],
    ],
  ),
  unit('PK-PB-GUJRAT-GUJRAT', 'tehsil', ['Gujrat Tehsil', 'تحصیل گجرات'], [['PK-PB-GUJRAT', null, null]]),
  unit('PK-PB-GUJRAT-KHARIAN', 'tehsil', ['Kharian Tehsil', 'تحصیل کھاریاں'], [['PK-PB-GUJRAT', null, null]]),
  unit(
    'PK-PB-GUJRAT-SARAI-ALAMGIR',
    'tehsil',
    ['Sarai Alamgir Tehsil', 'تحصیل سرائے عالمگیر'],
    [['PK-PB-GUJRAT', null, null]],
  ),
  unit(
    'PK-PB-GUJRAT-JALALPUR-JATTAN',
    'tehsil',
    ['Jalalpur Jattan Tehsil', 'تحصیل جلالپور جٹاں'],
    [['PK-PB-GUJRAT', '2018-01-01', null]],
    '2018-01-01',
  ),
  unit(
    'PK-FIA-GUJRANWALA',
    'fia_zone',
    ['FIA Gujranwala Zone', 'ایف آئی اے گوجرانوالہ زون'],
    [['PK', null, null]],
  ),
  unit('IT', 'country', ['Italy', 'اٹلی']),
  unit('ES', 'country', ['Spain', 'اسپین']),
  unit('EU27', 'aggregate', ['European Union (27 member states)', 'یورپی یونین']),
];

export const TEST_TREE = createJurisdictionTree(TEST_JURISDICTIONS);
