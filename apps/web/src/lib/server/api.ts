import { createApi } from '$lib/api/client';
import { apiUrl } from './config';
import { createPublishedCache } from './published-cache';

const published = createPublishedCache();

/**
 * The API client for a server-side load of public data, using SvelteKit's `fetch`. Anonymous reads come from
 * this process's cache while the API's publish generation (checked once per load on `/v1/pillars`) is unchanged.
 */
export const serverApi = (fetchFn: typeof fetch) =>
  createApi(published.wrap(fetchFn, `${apiUrl()}/v1/pillars`), apiUrl(), { memo: published.parsed });
