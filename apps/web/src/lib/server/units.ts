import { serverApi } from './api';

/**
 * Every jurisdiction as the public sees it, for server loads; served from the process's cache of published reads
 * (not the layout's data, so that it is not written into every page for hydration).
 */
export const publicUnits = async (fetchFn: typeof fetch) =>
  (await serverApi(fetchFn).jurisdictions()).data.items;
