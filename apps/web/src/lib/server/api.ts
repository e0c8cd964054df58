import { getRequestEvent } from '$app/server';
import { createApi } from '$lib/api/client';
import { apiUrl } from './config';
import { createPageCache } from './page-cache';
import { createPublishedCache } from './published-cache';

const published = createPublishedCache();
/** Anonymous visitors' rendered pages, replayed while the publish generation they were rendered in stands. */
export const pageCache = createPageCache();

const sentinelUrl = () => `${apiUrl()}/v1/pillars`;

/** The API's publish generation, from a sentinel revalidation begun after this call (shared by concurrent ones). */
export const publishGeneration = () => published.generation(fetch, sentinelUrl());

/**
 * API reads whose answers stand while the publish generation does: the API tags them with it, and every write
 * that changes them moves it on. `/health` only tells the time, which a replayed page may show for a minute.
 */
const STANDING =
  /^\/(health$|v1\/(pillars|code-lists|indicators|jurisdictions|observations|compare|scorecard|coverage|measures|sources|targets|releases)(\/|$|\?))/;

export const standsWithGeneration = (url: string) =>
  url.startsWith(`${apiUrl()}/`) && STANDING.test(url.slice(apiUrl().length));

/**
 * The API client for a server-side load of public data, using SvelteKit's `fetch`. Anonymous reads come from
 * this process's cache while the API's publish generation (checked once per request on `/v1/pillars`) is unchanged.
 */
export const serverApi = (fetchFn: typeof fetch) =>
  createApi(published.wrap(fetchFn, sentinelUrl(), getRequestEvent().locals.generation), apiUrl(), {
    memo: published.parsed,
  });
