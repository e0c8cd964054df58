import { env } from '$env/dynamic/private';

/** Where the API listens; server-side loads and the same-origin proxy both use it. */
export function apiUrl(): string {
  return (env.API_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
}
