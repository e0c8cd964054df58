import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE, relaySessionCookie, safeRedirectTarget } from './session';

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
    ['', '/fallback'],
    [null, '/fallback'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirectTarget(input, '/fallback')).toBe(expected);
  });
});
