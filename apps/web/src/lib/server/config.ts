import { env } from '$env/dynamic/private';

/** Where the API listens; server-side loads and the same-origin proxy both use it. */
export function apiUrl(): string {
  return (env.API_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
}

/** The secret the API asks of the dashboard before it believes the client address the dashboard forwards. */
export function proxySecret(): string | undefined {
  return env.PROXY_SECRET || undefined;
}

/** Whether the dashboard is served over TLS, judged by the configured public `ORIGIN` (adapter-node's). */
export function servedOverHttps(): boolean {
  return env.ORIGIN?.startsWith('https://') ?? false;
}
