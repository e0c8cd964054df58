import { MeResponseSchema, ProblemSchema, type Action, type Me, type Problem } from '@fourp/domain';
import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getJson } from '$lib/api';
import { t } from '$lib/i18n/messages';
import { apiUrl } from './config';

/** The API's session cookie; the dashboard relays it so the browser only ever talks to this server. */
export const SESSION_COOKIE = 'fourp_session';
export const CSRF_HEADER = 'X-FourP-CSRF';

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
  const cookie = event.cookies.get(SESSION_COOKIE);
  if (!cookie) return null;
  try {
    const response = await event.fetch(`${apiUrl()}/v1/auth/me`, {
      headers: { accept: 'application/json', cookie: `${SESSION_COOKIE}=${cookie}` },
    });
    if (response.status === 401) {
      clearSession(event.cookies, event.url);
      return null;
    }
    if (!response.ok) return null;
    const parsed = MeResponseSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.data : null;
  } catch (cause) {
    console.error('API unreachable: GET /v1/auth/me', cause);
    return null;
  }
}

/** Headers that act as the signed-in user: the cookie always, the CSRF token on writes. */
function sessionHeaders(event: Event, method: string): Headers {
  const headers = new Headers({ accept: 'application/json' });
  const cookie = event.cookies.get(SESSION_COOKIE);
  if (cookie) headers.set('cookie', `${SESSION_COOKIE}=${cookie}`);
  const csrf = event.locals.user?.csrfToken;
  if (method !== 'GET' && method !== 'HEAD' && csrf) headers.set(CSRF_HEADER, csrf);
  return headers;
}

/** A fetch for `getJson` that carries the session, so loads parse with the same contracts as public pages. */
export const sessionFetch =
  (event: Event): typeof fetch =>
  (input, init) => {
    const headers = sessionHeaders(event, init?.method ?? 'GET');
    new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
    return event.fetch(input, { ...init, headers });
  };

/** GET as the signed-in user; a problem becomes SvelteKit `error()` as on public pages. */
export const sessionGet = <S extends z.ZodType>(
  event: Event,
  path: string,
  schema: S,
  query?: Record<string, string | number | undefined>,
) => getJson(sessionFetch(event), apiUrl(), path, schema, query);

export type ApiOutcome<T> =
  { ok: true; status: number; data: T; response: Response } | { ok: false; status: number; problem: Problem };

const unreachable = (): Problem => ({
  type: 'about:blank',
  title: 'Service Unavailable',
  status: 503,
  detail: t('error.apiUnreachable'),
  code: 'api_unreachable',
  requestId: '',
});

/**
 * A write (or a read whose failure the page shows inline) as the signed-in user. Problems come back as
 * values so a form action can show `errors[]` beside its fields.
 */
export async function sendToApi<S extends z.ZodType | null>(
  event: Event,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { json?: unknown; body?: BodyInit; contentType?: string; schema: S },
): Promise<ApiOutcome<S extends z.ZodType ? z.infer<S> : null>> {
  type Data = S extends z.ZodType ? z.infer<S> : null;
  const headers = sessionHeaders(event, method);
  let body: BodyInit | undefined = options.body;
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.contentType) {
    headers.set('content-type', options.contentType);
  }
  headers.set('x-forwarded-for', event.getClientAddress());
  let response: Response;
  try {
    response = await event.fetch(`${apiUrl()}${path}`, { method, headers, body });
  } catch (cause) {
    console.error(`API unreachable: ${method} ${path}`, cause);
    return { ok: false, status: 503, problem: unreachable() };
  }
  const payload: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const problem = ProblemSchema.safeParse(payload);
    return {
      ok: false,
      status: response.status,
      problem: problem.success
        ? problem.data
        : {
            ...unreachable(),
            status: response.status,
            detail: t('error.apiStatus', { status: response.status }),
            code: 'api_error',
          },
    };
  }
  if (options.schema === null) return { ok: true, status: response.status, data: null as Data, response };
  const parsed = options.schema.safeParse(payload);
  if (!parsed.success) {
    console.error(`API answered ${method} ${path} in an unexpected shape`, parsed.error.issues.slice(0, 5));
    return {
      ok: false,
      status: 502,
      problem: { ...unreachable(), status: 502, detail: t('error.badResponse'), code: 'bad_response' },
    };
  }
  return { ok: true, status: response.status, data: parsed.data as Data, response };
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export function requireSignedIn(event: Pick<RequestEvent, 'locals' | 'url'>): Me {
  const me = event.locals.user;
  if (!me) redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  return me;
}

/** The signed-in user allowed to take `action` somewhere; 403 when their role may not. */
export function requireAction(event: Pick<RequestEvent, 'locals' | 'url'>, action: Action): Me {
  const me = requireSignedIn(event);
  if (!me.actions.includes(action)) error(403, { message: t('session.forbidden'), code: 'forbidden' });
  return me;
}

/** A same-site path to return to after signing in; anything else falls back to `fallback`. */
export function safeRedirectTarget(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
