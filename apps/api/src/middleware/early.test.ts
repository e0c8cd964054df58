import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, insertObservations, type TestApp } from '../test-support/api.js';
import { createTestUser } from '../test-support/workflow.js';

let t: TestApp | undefined;
afterEach(() => t?.close());

const ORIGIN = { Origin: 'http://127.0.0.1:3000' };
const CORS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-expose-headers',
];
/** The headers of `res` named, those it has. */
const pick = (res: Response, names: readonly string[]) =>
  Object.fromEntries(
    names.flatMap((name) => (res.headers.has(name) ? [[name, res.headers.get(name)!]] : [])),
  );
const varyOf = (res: Response) =>
  new Set(
    res.headers
      .get('vary')
      ?.split(',')
      .map((v) => v.trim().toLowerCase()),
  );

describe('early answers', () => {
  it.each([
    '/v1/indicators',
    '/v1/scorecard?jurisdiction=PK-PB-GUJRAT',
    '/v1/observations?lang=ur',
    '/v1/progress?jurisdiction=PK-PB-GUJRAT',
  ])(
    "revalidates %s with 304: the 200's tag, caching and Vary, the CORS answer and nothing else",
    async (path) => {
      t = await createTestApp();
      await insertObservations(t.db, [{ indicator: 'tip_tier', jurisdiction: 'PK', year: 2024, value: 2 }]);
      const full = await t.app.request(path, { headers: { ...ORIGIN, 'Accept-Encoding': 'gzip' } });
      expect(full.status).toBe(200);
      const again = await t.app.request(path, {
        headers: { ...ORIGIN, 'If-None-Match': full.headers.get('etag')!, 'X-Request-Id': 'again-1' },
      });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('x-request-id')).toBe('again-1');
      // What RFC 9110 asks of a 304 (the client keeps the 200's other headers), and the CORS answer.
      expect(Object.fromEntries(again.headers)).toEqual({
        ...pick(full, ['etag', 'cache-control', ...CORS]),
        vary: again.headers.get('vary'),
        'x-request-id': 'again-1',
      });
      expect(varyOf(again)).toEqual(varyOf(full));
    },
  );

  it('leaves a signed-in revalidation to the full path, which answers it privately', async () => {
    t = await createTestApp();
    const anonymous = await t.app.request('/v1/indicators');
    const official = await createTestUser(t.db, 'district_official', 'PK-PB-GUJRAT');
    const res = await t.app.request('/v1/indicators', {
      headers: { ...official.bearer, 'If-None-Match': anonymous.headers.get('etag')! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('answers /health with the body and headers of the full path', async () => {
    t = await createTestApp({ deps: { now: () => new Date('2026-01-02T03:04:05Z') } });
    const headers = { ...ORIGIN, 'Accept-Language': 'ur' };
    const early = await t.app.request('/health', { headers });
    // A cookie that is not a session leaves the caller anonymous but takes the full path.
    const full = await t.app.request('/health', { headers: { ...headers, Cookie: 'other=1' } });
    expect(early.status).toBe(200);
    expect(await early.json()).toEqual(await full.json());
    expect(early.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const all = (res: Response) => Object.fromEntries([...res.headers].filter(([n]) => n !== 'x-request-id'));
    expect(all(early)).toEqual(all(full));
  });
});
