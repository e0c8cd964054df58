import { ProblemSchema } from '@fourp/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { m } from '$lib/paraglide/messages.js';
import { GET } from './+server';

afterEach(() => vi.unstubAllGlobals());

describe('the /api proxy', () => {
  it('answers 503 with a problem when the API cannot be reached', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const url = new URL('http://127.0.0.1:3000/api/v1/pillars');
    const response = await GET({ request: new Request(url), params: { path: 'v1/pillars' }, url } as never);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = ProblemSchema.parse(await response.json());
    expect(problem).toMatchObject({
      status: 503,
      code: 'api_unreachable',
      detail: m.error_apiUnreachable(),
    });
    expect(problem.requestId).not.toBe('');
  });
});

describe('the /api proxy answer', () => {
  it('keeps the upstream caching headers, Vary among them', async () => {
    const upstream = new Response('{"data":[]}', {
      headers: {
        'content-type': 'application/json',
        'cache-control': 'public, max-age=60',
        etag: 'W/"1"',
        'last-modified': 'Mon, 30 Nov 2026 09:00:00 GMT',
        vary: 'Accept, Cookie, Authorization',
      },
    });
    vi.stubGlobal('fetch', () => Promise.resolve(upstream));
    const url = new URL('http://127.0.0.1:3000/api/v1/sources');
    const response = await GET({ request: new Request(url), params: { path: 'v1/sources' }, url } as never);
    expect(response.headers.get('vary')).toBe('Accept, Cookie, Authorization');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('last-modified')).toBe('Mon, 30 Nov 2026 09:00:00 GMT');
  });
});
