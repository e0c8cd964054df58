import type { Action, Me } from '@fourp/domain';
import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { Middleware } from 'openapi-fetch';
import { createApi } from '$lib/api/client';
import { m } from '$lib/paraglide/messages.js';
import { apiUrl, proxySecret } from './config';
import { localizeHref } from '$lib/paraglide/runtime.js';

/** The API's session cookie; the dashboard relays it so the browser only ever talks to this server. */
export const SESSION_COOKIE = 'fourp_session';
export const CSRF_HEADER = 'X-FourP-CSRF';
/** Proves to the API that the forwarded client address comes from this server. */
export const PROXY_HEADER = 'X-FourP-Proxy';

/** What the pages may know about the signed-in user (no CSRF token: that stays on the server). */
export type SessionUser = Pick<Me, 'actions' | 'scope' | 'via'> & {
  id: string;
  email: string;
  displayName: string | null;
  role: Me['user']['role'];
  jurisdictionId: string | null;
};

type Event = Pick<RequestEvent, 'cookies' | 'fetch' | 'locals' | 'url' | 'getClientAddress'>;

export const publicUser = (me: Me): SessionUser => ({
  id: me.user.id,
  email: me.user.email,
  displayName: me.user.displayName,
  role: me.user.role,
  jurisdictionId: me.user.jurisdictionId,
  actions: me.actions,
  scope: me.scope,
  via: me.via,
});

const cookieOptions = (url: URL) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' }) as const;

export function clearSession(cookies: Cookies, url: URL) {
  cookies.delete(SESSION_COOKIE, cookieOptions(url));
}

/** Copies the API's `fourp_session` Set-Cookie onto this origin (httpOnly, SameSite=Lax). */
export function relaySessionCookie(response: Response, cookies: Cookies, url: URL): boolean {
  for (const header of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(eq + 1).trim();
    const maxAge = attributes
      .map((attribute) => /^\s*max-age=(\d+)\s*$/i.exec(attribute)?.[1])
      .find((found) => found !== undefined);
    if (value === '') return false;
    cookies.set(SESSION_COOKIE, value, {
      ...cookieOptions(url),
      ...(maxAge === undefined ? {} : { maxAge: Number(maxAge) }),
      encode: (v) => v,
    });
    return true;
  }
  return false;
}

/** The signed-in user according to the API; null when there is no cookie, it expired, or the API is down. */
export async function currentUser(event: Event): Promise<Me | null> {
  if (!event.cookies.get(SESSION_COOKIE)) return null;
  const result = await sessionApi(event).me();
  if (result.ok) return result.data.data;
  if (result.problem.status === 401) clearSession(event.cookies, event.url);
  return null;
}

const READS = ['GET', 'HEAD'];

/** Acts as the signed-in user: the session cookie always; on writes the CSRF token and the client's address. */
export const sessionForwarding = (event: Event): Middleware => ({
  onRequest({ request }) {
    const cookie = event.cookies.get(SESSION_COOKIE);
    if (cookie) request.headers.set('cookie', `${SESSION_COOKIE}=${cookie}`);
    if (READS.includes(request.method)) return request;
    const csrf = event.locals.user?.csrfToken;
    if (csrf) request.headers.set(CSRF_HEADER, csrf);
    request.headers.set('x-forwarded-for', event.getClientAddress());
    const secret = proxySecret();
    if (secret) request.headers.set(PROXY_HEADER, secret);
    return request;
  },
});

/** The API client acting as the signed-in user (the same contracts as public pages). */
export const sessionApi = (event: Event) =>
  createApi(event.fetch, apiUrl(), { middleware: [sessionForwarding(event)] });

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export function requireSignedIn(event: Pick<RequestEvent, 'locals' | 'url'>): Me {
  const me = event.locals.user;
  if (!me)
    redirect(
      303,
      localizeHref(`/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`),
    );
  return me;
}

/** The signed-in user allowed to take `action` somewhere; 403 when their role may not. */
export function requireAction(event: Pick<RequestEvent, 'locals' | 'url'>, action: Action): Me {
  const me = requireSignedIn(event);
  if (!me.actions.includes(action)) error(403, { message: m.session_forbidden(), code: 'forbidden' });
  return me;
}

/**
 * A path on `origin` to return to after signing in, read the way a browser would read it (tabs and newlines
 * dropped, backslashes as slashes); anything that leaves `origin`, or could when resolved again, gives `fallback`.
 */
export function safeRedirectTarget(
  value: string | null | undefined,
  origin: string,
  fallback: string,
): string {
  if (!value?.startsWith('/')) return fallback;
  let target: URL;
  try {
    target = new URL(value, origin);
  } catch {
    return fallback;
  }
  const path = `${target.pathname}${target.search}${target.hash}`;
  if (target.origin !== origin || !path.startsWith('/') || /^\/[/\\]/.test(path)) return fallback;
  return path;
}
