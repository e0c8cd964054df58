import type { Me } from '@fourp/domain';
import type { RequestEvent } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handle } from './hooks.server';
import type * as session from '$lib/server/session';

const privateEnv = vi.hoisted((): Record<string, string | undefined> => ({}));
vi.mock('$env/dynamic/private', () => ({ env: privateEnv }));
const signedInAs = vi.hoisted(() => ({ user: null as Me | null }));
vi.mock('$lib/server/session', async (original) => ({
  ...(await original<typeof session>()),
  currentUser: () => Promise.resolve(signedInAs.user),
}));

beforeEach(() => {
  for (const key of Object.keys(privateEnv)) delete privateEnv[key];
  signedInAs.user = null;
});

async function answer(
  path: string,
  {
    cookies = {},
    routeId = path,
    headers = {},
  }: Partial<{
    cookies: Record<string, string>;
    routeId: string;
    headers: Record<string, string>;
  }> = {},
) {
  const url = new URL(`http://127.0.0.1:3000${path}`);
  const event = {
    url,
    request: new Request(url),
    route: { id: routeId },
    locals: {},
    cookies: { get: (name: string) => cookies[name], delete: () => {} },
  } as unknown as RequestEvent;
  const resolve = () => Promise.resolve(new Response('<p>page</p>', { headers }));
  return handle({ event, resolve });
}

describe('the dashboard hook', () => {
  it('sends the framing, sniffing, referrer and permission headers on every answer, without HSTS over http', async () => {
    const res = await answer('/');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('vary')).toBe('Cookie');
    expect(res.headers.get('cache-control')).toBeNull();
  });

  it('sends HSTS when the configured origin is https', async () => {
    privateEnv.ORIGIN = 'https://fourp.example.org';
    const res = await answer('/');
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
  });

  it('keeps a signed-in page out of every cache and varies it on the cookie', async () => {
    signedInAs.user = { user: { id: 'u1' } } as Me;
    const res = await answer('/review', { cookies: { fourp_session: 'secret' } });
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('vary')).toBe('Cookie');
  });

  it('treats a proxied answer sent with a session cookie as private, keeping the upstream Vary', async () => {
    const res = await answer('/api/v1/observations', {
      routeId: '/api/[...path]',
      cookies: { fourp_session: 'secret' },
      headers: { vary: 'Accept, cookie', 'cache-control': 'public, max-age=60' },
    });
    expect(res.headers.get('vary')).toBe('Accept, cookie');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
