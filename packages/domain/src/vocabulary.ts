/** The closed lists of the model, without zod: a browser page can load them on their own. */

/** The four pillars plus `context` (denominators and background figures). */
export const PILLAR_IDS = ['prevention', 'protection', 'prosecution', 'partnership', 'context'] as const;
export const SCORED_PILLAR_IDS = ['prevention', 'protection', 'prosecution', 'partnership'] as const;
export type ScoredPillarId = (typeof SCORED_PILLAR_IDS)[number];

export const DISAGGREGATION_DIMENSIONS = [
  'sex',
  'age_group',
  'exploitation_form',
  'nationality',
  'route',
  'tehsil',
  'agency',
  'partner_country',
  /** One named incident, e.g. a shipwreck (`pylos_2023`): a figure about it is never a year total. */
  'incident',
] as const;

/** The definition variant of an indicator's standard definition. */
export const STANDARD_DEFINITION = 'standard';

/**
 * SDMX OBS_STATUS (CL_OBS_STATUS): A normal, E estimated, P provisional, B break in series, U low reliability
 * (e.g. an unverified figure), D definition differs from the indicator's standard definition.
 */
export const OBS_STATUSES = ['A', 'E', 'P', 'B', 'U', 'D'] as const;
