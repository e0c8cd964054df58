import type { Jurisdiction } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { besideFrom, districtChoices, focusFrom, neighbourhoodOf, treeOf } from './jurisdictions';

const unit = (
  id: string,
  kind: Jurisdiction['kind'],
  en: string,
  parents: [string, string | null, string | null][] = [],
  validTo: string | null = null,
): Jurisdiction => ({
  id,
  kind,
  parentId: parents.find(([, , to]) => to === null)?.[0] ?? null,
  name: { en },
  role: 'monitored',
  validFrom: null,
  validTo,
  parents: parents.map(([parentId, from, to]) => ({ parentId, from, to, source: null })),
  source: null,
  note: null,
});

const tree = treeOf([
  unit('PK-PB', 'province', 'Punjab'),
  unit('OLD-DIV', 'division', 'Old Division', [['PK-PB', null, null]]),
  unit('NEW-DIV', 'division', 'New Division', [['PK-PB', '2022-08-17', null]]),
  unit('PK-PB-GUJRAT', 'district', 'Gujrat District', [
    ['OLD-DIV', null, '2022-08-16'],
    ['NEW-DIV', '2022-08-17', null],
  ]),
  unit('PK-PB-SIALKOT', 'district', 'Sialkot District', [['OLD-DIV', null, null]]),
  unit('PK-PB-GUJRANWALA', 'district', 'Gujranwala District', [['OLD-DIV', null, null]]),
  unit('PK-PB-MANDI-BAHAUDDIN', 'district', 'Mandi Bahauddin District', [['NEW-DIV', '2022-08-17', null]]),
  unit('PK-PB-HAFIZABAD', 'district', 'Hafizabad District', [['NEW-DIV', '2022-08-17', null]]),
  unit('PK-PB-GONE', 'district', 'Gone District', [['OLD-DIV', null, '2010-01-01']], '2010-01-01'),
]);

describe('the district in focus', () => {
  it('takes a known district from the URL, and Gujrat otherwise', () => {
    expect(focusFrom(new URL('http://x/coverage?base=PK-PB-SIALKOT'), tree)).toBe('PK-PB-SIALKOT');
    expect(focusFrom(new URL('http://x/coverage?base=OLD-DIV'), tree)).toBe('PK-PB-GUJRAT');
    expect(focusFrom(new URL('http://x/coverage'), tree)).toBe('PK-PB-GUJRAT');
  });

  it('offers today’s districts by name, and finds neighbours in the former division', () => {
    expect(districtChoices(tree).map((d) => d.id)).toEqual([
      'PK-PB-GUJRANWALA',
      'PK-PB-GUJRAT',
      'PK-PB-HAFIZABAD',
      'PK-PB-MANDI-BAHAUDDIN',
      'PK-PB-SIALKOT',
    ]);
    expect(neighbourhoodOf(tree, 'PK-PB-GUJRAT')).toEqual([
      'PK-PB-GUJRAT',
      'PK-PB-GUJRANWALA',
      'PK-PB-HAFIZABAD',
      'PK-PB-MANDI-BAHAUDDIN',
      'PK-PB-SIALKOT',
    ]);
  });
});

describe('the districts beside the one in focus', () => {
  const beside = (query: string, base = 'PK-PB-GUJRAT') =>
    besideFrom(new URL(`http://x/?${query}`), tree, base);

  it('puts Gujrat beside Mandi Bahauddin, Sialkot and Gujranwala by default', () => {
    expect(beside('neighbours=1')).toEqual(['PK-PB-MANDI-BAHAUDDIN', 'PK-PB-SIALKOT', 'PK-PB-GUJRANWALA']);
  });

  it('puts another district beside its whole neighbourhood, without itself', () => {
    expect(beside('', 'PK-PB-SIALKOT')).toEqual(['PK-PB-GUJRANWALA', 'PK-PB-GUJRAT']);
  });

  it('takes the districts named in the URL, dropping the base, non-districts and former districts', () => {
    expect(beside('beside=PK-PB-HAFIZABAD,PK-PB-GUJRAT,OLD-DIV,PK-PB-GONE')).toEqual(['PK-PB-HAFIZABAD']);
    expect(beside('beside=OLD-DIV')).toEqual(['PK-PB-MANDI-BAHAUDDIN', 'PK-PB-SIALKOT', 'PK-PB-GUJRANWALA']);
  });
});
