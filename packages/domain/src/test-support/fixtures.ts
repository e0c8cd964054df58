import type { Indicator, Observation } from '../contracts.js';

let nextId = 1;

/** A published, annual, standard-definition observation with a fresh id; `over` replaces any field. */
export const obs = (
  indicator: string,
  jurisdiction: string,
  year: number,
  value: number | null,
  over: Partial<Observation> = {},
): Observation => ({
  id: nextId++,
  indicator,
  jurisdiction,
  year,
  yearEnd: year,
  period: null,
  partialPeriod: false,
  disaggregation: {},
  value,
  suppressed: false,
  status: 'A',
  confStatus: 'F',
  definition: 'standard',
  unitAsRead: null,
  valueAsRead: null,
  workflowState: 'published',
  superseded: false,
  note: null,
  source: { id: 1, title: 'Test source', publisher: 'Test', year: null, locator: null, kind: 'primary' },
  ...over,
});

/** A protection indicator named after its id, higher is better, with no variants or notes; `over` replaces any field. */
export const indicator = (over: Partial<Indicator> & Pick<Indicator, 'id' | 'measureType'>): Indicator => ({
  pillar: 'protection',
  name: over.id,
  definition: 'test indicator',
  unit: 'persons',
  direction: 'higher_is_better',
  perCapita: false,
  disaggregations: [],
  variants: [],
  scopeNotes: [],
  crosswalks: [],
  identifying: false,
  usualSources: { PK: [], IT: [], ES: [] },
  thesisRefs: [],
  headline: false,
  ...over,
});
