import { describe, expect, it } from 'vitest';
import { createPublishedCache } from './published-cache';

const SENTINEL = 'http://api.test/v1/pillars';

/** An API whose answers are tagged by a publish generation, as the real one's anonymous published reads are. */
function fakeApi() {
  const state = { generation: 1, value: 'first', calls: [] as string[] };
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    state.calls.push(`${path}${request.headers.has('if-none-match') ? ' revalidate' : ''}`);
    const tag = `W/"${state.generation}${path}"`;
    if (request.headers.get('if-none-match') === tag)
      return new Response(null, { status: 304, headers: { etag: tag } });
    const body = path === '/v1/pillars' ? '{"data":[]}' : JSON.stringify({ data: state.value });
    return new Response(body, { headers: { etag: tag, 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { state, fetchFn };
}

const read = async (fetchFn: typeof fetch) =>
  (await (await fetchFn('http://api.test/v1/indicators')).json()) as unknown;

describe('the cache of published reads', () => {
  it('serves a stored answer without asking the API while the publish generation stands', async () => {
    const api = fakeApi();
    const cache = createPublishedCache();
    expect(await read(cache.wrap(api.fetchFn, SENTINEL))).toEqual({ data: 'first' });
    api.state.calls = [];
    expect(await read(cache.wrap(api.fetchFn, SENTINEL))).toEqual({ data: 'first' });
    expect(api.state.calls).toEqual(['/v1/pillars revalidate']);
  });

  it('shows a newly published answer on the next load after a publish', async () => {
    const api = fakeApi();
    const cache = createPublishedCache();
    await read(cache.wrap(api.fetchFn, SENTINEL));
    api.state.generation = 2;
    api.state.value = 'second';
    api.state.calls = [];
    expect(await read(cache.wrap(api.fetchFn, SENTINEL))).toEqual({ data: 'second' });
    expect(api.state.calls).toEqual(['/v1/pillars revalidate', '/v1/indicators revalidate']);
  });

  it('passes signed-in reads, writes and reads not tagged by the publish generation through untouched', async () => {
    const api = fakeApi();
    const cache = createPublishedCache();
    const fetchFn = cache.wrap(api.fetchFn, SENTINEL);
    await fetchFn('http://api.test/v1/indicators', { headers: { cookie: 'fourp_session=x' } });
    await fetchFn('http://api.test/v1/indicators', { headers: { cookie: 'fourp_session=x' } });
    await fetchFn('http://api.test/v1/indicators', { method: 'POST', body: '{}' });
    await fetchFn('http://api.test/v1/targets');
    await fetchFn('http://api.test/v1/targets');
    expect(api.state.calls).toEqual([
      '/v1/indicators',
      '/v1/indicators',
      '/v1/indicators',
      '/v1/targets',
      '/v1/targets',
    ]);
  });

  it('parses a stored answer once per parser', async () => {
    const api = fakeApi();
    const cache = createPublishedCache();
    let parses = 0;
    const parser = {};
    for (let i = 0; i < 3; i++) {
      const response = await cache.wrap(api.fetchFn, SENTINEL)('http://api.test/v1/indicators');
      expect(cache.parsed(response, parser, () => (parses += 1))).toBe(1);
    }
    expect(parses).toBe(1);
  });
});

describe('the publish generation', () => {
  it('shares one sentinel revalidation among concurrent requests and shows a publish to requests after it', async () => {
    const api = fakeApi();
    const cache = createPublishedCache();
    const first = await cache.generation(api.fetchFn, SENTINEL);
    api.state.calls = [];
    const together = await Promise.all(
      Array.from({ length: 20 }, () => cache.generation(api.fetchFn, SENTINEL)),
    );
    expect(together).toEqual(Array.from({ length: 20 }, () => first));
    expect(api.state.calls.length).toBeLessThanOrEqual(2);
    const during = cache.generation(api.fetchFn, SENTINEL);
    api.state.generation = 2;
    const after = cache.generation(api.fetchFn, SENTINEL);
    await during;
    expect(await after).toBeGreaterThan(first);
  });
});
