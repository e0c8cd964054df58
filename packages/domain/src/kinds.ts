/** The closed vocabularies the contracts and the reasons both name (a leaf: it imports nothing). */
export const JURISDICTION_KINDS = [
  'country',
  'province',
  'division',
  'district',
  'tehsil',
  /** An FIA zone: a law-enforcement unit, not a civil division. */
  'fia_zone',
  'aggregate',
] as const;
export type JurisdictionKind = (typeof JURISDICTION_KINDS)[number];

export const MIGRATION_PROFILES = ['source', 'destination', 'transit'] as const;
export type MigrationProfile = (typeof MIGRATION_PROFILES)[number];

export const COMPARABILITY_GRADES = ['A', 'B', 'C'] as const;
export type ComparabilityGrade = (typeof COMPARABILITY_GRADES)[number];
