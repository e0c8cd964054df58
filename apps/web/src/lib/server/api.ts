import { createApi } from '$lib/api/client';
import { apiUrl } from './config';

/** The API client for a server-side load of public data, using SvelteKit's `fetch`. */
export const serverApi = (fetchFn: typeof fetch) => createApi(fetchFn, apiUrl());
