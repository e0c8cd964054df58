import type { Me } from '@fourp/domain';
import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import {
  CSRF_HEADER,
  PROXY_HEADER,
  SESSION_COOKIE,
  currentUser,
  relaySessionCookie,
  safeRedirectTarget,
  sessionApi,
} from './session';

const privateEnv = vi.hoisted((): Record<string, string | undefined> => ({}));
vi.mock('$env/dynamic/private', () => ({ env: privateEnv }));

function fakeCookies() {
  const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
  const cookies = {
    set: (name: string, value: string, options: Record<string, unknown>) =>
      set.push({ name, value, options }),
  } as unknown as Cookies;
  return { cookies, set };
}

const responseWith = (...cookies: string[]) => {
  const headers = new Headers();
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { headers });
};

describe('relaySessionCookie', () => {
  it('copies the session cookie as httpOnly, SameSite=Lax, with its max-age', () => {
    const { cookies, set } = fakeCookies();
    const relayed = relaySessionCookie(
      responseWith(
        'other=1; Path=/',
        `${SESSION_COOKIE}=abc_DEF-123; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax`,
      ),
      cookies,
      new URL('http://127.0.0.1:3000/login'),
    );
    expect(relayed).toBe(true);
    expect(set).toHaveLength(1);
    expect(set[0]).toMatchObject({
      name: SESSION_COOKIE,
      value: 'abc_DEF-123',
      options: { path: '/', httpOnly: true, sameSite: 'lax', secure: false, maxAge: 604800 },
    });
  });

  it('marks the cookie secure behind https and ignores responses without a session', () => {
    const { cookies, set } = fakeCookies();
    expect(
      relaySessionCookie(
        responseWith(`${SESSION_COOKIE}=x; Path=/`),
        cookies,
        new URL('https://fourp.example/login'),
      ),
    ).toBe(true);
    expect(set[0]?.options.secure).toBe(true);
    expect(relaySessionCookie(responseWith('other=1'), cookies, new URL('https://fourp.example/login'))).toBe(
      false,
    );
  });
});

describe('safeRedirectTarget', () => {
  it.each([
    ['/entry', '/entry'],
    ['/entry?saved=3', '/entry?saved=3'],
    ['https://evil.example/', '/fallback'],
    ['//evil.example/', '/fallback'],
    ['/\\evil.example', '/fallback'],
    ['/\t/evil.example', '/fallback'],
    ['/%09/evil.example', '/%09/evil.example'],
    ['/\n/evil.example', '/fallback'],
    ['\t//evil.example', '/fallback'],
    ['/.//evil.example', '/fallback'],
    ['/..//evil.example', '/fallback'],
    ['/\\/evil.example', '/fallback'],
    ['https://dashboard.example/entry', '/fallback'],
    ['javascript:alert(1)', '/fallback'],
    ['/entry#top', '/entry#top'],
    ['', '/fallback'],
    [null, '/fallback'],
  ])('%j → %s', (input, expected) => {
    expect(safeRedirectTarget(input, 'https://dashboard.example', '/fallback')).toBe(expected);
  });
});

/** A request event for a visitor with the given session cookie, whose fetch records each request. */
function fakeEvent(cookie: string | null, reply: () => Response = () => new Response(null, { status: 204 })) {
  const requests: Request[] = [];
  const deleted: string[] = [];
  const event = {
    cookies: {
      get: (name: string) => (name === SESSION_COOKIE ? (cookie ?? undefined) : undefined),
      delete: (name: string) => deleted.push(name),
    } as unknown as Cookies,
    fetch: (async (input: RequestInfo | URL) => {
      requests.push(input as Request);
      return reply();
    }) as typeof fetch,
    locals: { user: cookie === null ? null : ({ csrfToken: 'csrf-1' } as Me) },
    url: new URL('http://127.0.0.1:3000/entry'),
    getClientAddress: () => '203.0.113.7',
  };
  return { event, requests, deleted };
}

describe('sessionApi', () => {
  it('acts as the signed-in user: the session cookie on reads, no CSRF token or client address', async () => {
    const { event, requests } = fakeEvent('abc', () => Response.json({ data: [], meta: { count: 0 } }));
    await sessionApi(event).tokens();
    const headers = requests[0]!.headers;
    expect(headers.get('cookie')).toBe(`${SESSION_COOKIE}=abc`);
    expect(headers.get(CSRF_HEADER)).toBeNull();
    expect(headers.get('x-forwarded-for')).toBeNull();
  });

  it('adds the CSRF token and the client address on writes', async () => {
    const { event, requests } = fakeEvent('abc');
    await sessionApi(event).revokeToken('t1');
    const headers = requests[0]!.headers;
    expect(requests[0]!.method).toBe('DELETE');
    expect(headers.get('cookie')).toBe(`${SESSION_COOKIE}=abc`);
    expect(headers.get(CSRF_HEADER)).toBe('csrf-1');
    expect(headers.get('x-forwarded-for')).toBe('203.0.113.7');
    expect(headers.get(PROXY_HEADER)).toBeNull();
  });

  it('proves the forwarded address with the shared secret when PROXY_SECRET is set', async () => {
    privateEnv.PROXY_SECRET = 'shared-secret';
    try {
      const { event, requests } = fakeEvent('abc');
      await sessionApi(event).revokeToken('t1');
      expect(requests[0]!.headers.get(PROXY_HEADER)).toBe('shared-secret');
      expect(requests[0]!.headers.get('x-forwarded-for')).toBe('203.0.113.7');
    } finally {
      delete privateEnv.PROXY_SECRET;
    }
  });

  it('sends no cookie and no CSRF token for a visitor without a session', async () => {
    const { event, requests } = fakeEvent(null);
    await sessionApi(event).logout();
    expect(requests[0]!.headers.get('cookie')).toBeNull();
    expect(requests[0]!.headers.get(CSRF_HEADER)).toBeNull();
  });
});

describe('currentUser', () => {
  it('asks nothing without a session cookie', async () => {
    const { event, requests } = fakeEvent(null);
    expect(await currentUser(event)).toBeNull();
    expect(requests).toHaveLength(0);
  });

  it('clears an expired session (401) and keeps it when the API is unreachable', async () => {
    const expired = fakeEvent('old', () => Response.json({}, { status: 401 }));
    expect(await currentUser(expired.event)).toBeNull();
    expect(expired.deleted).toEqual([SESSION_COOKIE]);

    vi.spyOn(console, 'error').mockImplementation(() => {});
    const down = fakeEvent('abc', () => {
      throw new TypeError('fetch failed');
    });
    expect(await currentUser(down.event)).toBeNull();
    expect(down.deleted).toEqual([]);
    vi.restoreAllMocks();
  });
});
