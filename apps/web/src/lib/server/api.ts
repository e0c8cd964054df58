import { createApi } from '$lib/api';
import { apiUrl } from './config';

/** The API client for a server-side load, using SvelteKit's `fetch`. */
export const serverApi = (fetchFn: typeof fetch) => createApi(fetchFn, apiUrl());
