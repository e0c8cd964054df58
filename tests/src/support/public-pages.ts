/** The dashboard's public pages, one URL each (English addresses; Urdu adds the `/ur` prefix). */
export const PUBLIC_PATHS = [
  '/',
  '/indicators',
  '/indicators/victims_identified',
  '/pillars/prevention',
  '/compare',
  '/measures',
  '/coverage',
  '/methodology',
  '/progress',
  '/data',
  '/jurisdictions',
  '/login',
] as const;

/** The public pages that draw a chart when they load. */
export const CHART_PATHS: ReadonlySet<string> = new Set(['/', '/indicators/victims_identified']);
