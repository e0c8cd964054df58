import type { Jurisdiction, JurisdictionId } from '../contracts.js';

/** The jurisdiction the dashboard monitors. */
export const BASE_JURISDICTION = 'PK-PB-GUJRAT' satisfies JurisdictionId;
/** The jurisdictions the base is compared with by default, in display order. */
export const BENCHMARK_IDS = ['IT', 'ES'] as const satisfies readonly JurisdictionId[];
/** The base, then the province and country whose figure or score the dashboard shows when the base has none. */
export const STAND_IN_CHAIN = [BASE_JURISDICTION, 'PK-PB', 'PK'] as const satisfies readonly JurisdictionId[];

export const JURISDICTIONS: readonly Jurisdiction[] = [
  { id: 'PK', kind: 'country', parentId: null, name: { en: 'Pakistan', ur: 'پاکستان' }, role: 'monitored' },
  { id: 'PK-PB', kind: 'province', parentId: 'PK', name: { en: 'Punjab', ur: 'پنجاب' }, role: 'monitored' },
  {
    id: 'PK-PB-GUJRANWALA',
    kind: 'district',
    parentId: 'PK-PB',
    name: { en: 'Gujranwala District', ur: 'ضلع گوجرانوالہ' },
    role: 'monitored',
  },
  {
    id: 'PK-PB-GUJRAT',
    kind: 'district',
    parentId: 'PK-PB-GUJRANWALA-DIV',
    name: { en: 'Gujrat District', ur: 'ضلع گجرات' },
    role: 'monitored',
  },
  {
    id: 'PK-PB-GUJRAT-GUJRAT',
    kind: 'tehsil',
    parentId: 'PK-PB-GUJRAT',
    name: { en: 'Gujrat Tehsil', ur: 'تحصیل گجرات' },
    role: 'monitored',
  },
  {
    id: 'PK-PB-GUJRAT-KHARIAN',
    kind: 'tehsil',
    parentId: 'PK-PB-GUJRAT',
    name: { en: 'Kharian Tehsil', ur: 'تحصیل کھاریاں' },
    role: 'monitored',
  },
  {
    id: 'PK-PB-GUJRAT-SARAI-ALAMGIR',
    kind: 'tehsil',
    parentId: 'PK-PB-GUJRAT',
    name: { en: 'Sarai Alamgir Tehsil', ur: 'تحصیل سرائے عالمگیر' },
    role: 'monitored',
  },
  { id: 'IT', kind: 'country', parentId: null, name: { en: 'Italy', ur: 'اٹلی' }, role: 'benchmark' },
  { id: 'ES', kind: 'country', parentId: null, name: { en: 'Spain', ur: 'اسپین' }, role: 'benchmark' },
  {
    id: 'EU27',
    kind: 'aggregate',
    parentId: null,
    name: { en: 'European Union (27 member states)', ur: 'یورپی یونین' },
    role: 'benchmark',
  },
  // units needed by the additions (replaced by the geography data file)
  {
    id: 'PK-FIA-GUJRANWALA',
    kind: 'fia_zone',
    parentId: 'PK-PB',
    name: { en: 'FIA Gujranwala Zone', ur: 'ایف آئی اے گوجرانوالہ زون' },
    role: 'monitored',
  },
  {
    id: 'PK-PB-GUJRANWALA-DIV',
    kind: 'division',
    parentId: 'PK-PB',
    name: { en: 'Gujranwala Division (six districts)', ur: 'گوجرانوالہ ڈویژن' },
    role: 'monitored',
  },
  ...(
    [
      ['PK-PB-SIALKOT', 'Sialkot District', 'ضلع سیالکوٹ'],
      ['PK-PB-NAROWAL', 'Narowal District', 'ضلع نارووال'],
      ['PK-PB-HAFIZABAD', 'Hafizabad District', 'ضلع حافظ آباد'],
      ['PK-PB-MANDI-BAHAUDDIN', 'Mandi Bahauddin District', 'ضلع منڈی بہاؤالدین'],
      ['PK-PB-LAHORE', 'Lahore District', 'ضلع لاہور'],
      ['PK-PB-FAISALABAD', 'Faisalabad District', 'ضلع فیصل آباد'],
    ] as const
  ).map(([id, en, ur]): Jurisdiction => ({
    id,
    kind: 'district',
    parentId: 'PK-PB',
    name: { en, ur },
    role: 'monitored',
  })),
  {
    id: 'PK-PB-GUJRAT-JALALPUR-JATTAN',
    kind: 'tehsil',
    parentId: 'PK-PB-GUJRAT',
    name: { en: 'Jalalpur Jattan Tehsil', ur: 'تحصیل جلالپور جٹاں' },
    role: 'monitored',
  },
  // end of the units needed by the additions
];

const byId = new Map(JURISDICTIONS.map((jurisdiction) => [jurisdiction.id, jurisdiction]));

/** The jurisdiction with this id, or undefined when the catalogue has none. */
export function findJurisdiction(id: JurisdictionId): Jurisdiction | undefined {
  return byId.get(id);
}

/** Ids of the jurisdiction's ancestors, nearest parent first; empty for a root or an unknown id. */
export function ancestorsOf(id: JurisdictionId): JurisdictionId[] {
  const ancestors: JurisdictionId[] = [];
  let parentId = byId.get(id)?.parentId ?? null;
  while (parentId !== null && !ancestors.includes(parentId)) {
    ancestors.push(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return ancestors;
}

/** Ids of every jurisdiction below this one (children before grandchildren); empty for a leaf or an unknown id. */
export function descendantsOf(id: JurisdictionId): JurisdictionId[] {
  const descendants: JurisdictionId[] = [];
  let frontier: JurisdictionId[] = [id];
  while (frontier.length > 0) {
    const children = JURISDICTIONS.filter(
      (jurisdiction) => jurisdiction.parentId !== null && frontier.includes(jurisdiction.parentId),
    ).map((jurisdiction) => jurisdiction.id);
    const fresh = children.filter((child) => child !== id && !descendants.includes(child));
    descendants.push(...fresh);
    frontier = fresh;
  }
  return descendants;
}

/** True when `id` is `ancestorId` itself or lies below it in the jurisdiction tree. */
export function isWithin(id: JurisdictionId, ancestorId: JurisdictionId): boolean {
  return id === ancestorId || ancestorsOf(id).includes(ancestorId);
}
