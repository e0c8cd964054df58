import { gunzipSync } from 'node:zlib';
import { IndicatorListResponseSchema } from '@fourp/domain';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from './middleware/logger.js';
import { createTestApp, insertObservations, readProblem, type TestApp } from './test-support/api.js';

let t: TestApp | undefined;
afterEach(() => t?.close());
const start = async (deps: Parameters<typeof createTestApp>[0] = {}) => (t = await createTestApp(deps));

describe('request ids', () => {
  it('puts a generated id on successes and errors, and keeps a sane incoming one', async () => {
    const { app } = await start();
    const ok = await app.request('/v1/pillars');
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const notFound = await readProblem(await app.request('/v1/nothing-here'), 404);
    expect(notFound.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await app.request('/v1/pillars?format=x', { headers: { 'X-Request-Id': 'dashboard-42' } });
    expect(kept.headers.get('x-request-id')).toBe('dashboard-42');
    expect((await readProblem(kept, 400)).requestId).toBe('dashboard-42');
    const replaced = await app.request('/v1/pillars', { headers: { 'X-Request-Id': 'evil id <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('caching', () => {
  it('sends a weak ETag, answers 304 to If-None-Match, and changes it when the data change', async () => {
    const { app, db } = await start();
    const first = await app.request('/v1/observations');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await app.request('/v1/observations', {
      headers: { 'If-None-Match': etag!, Origin: 'http://127.0.0.1:3000', 'X-Request-Id': 'revalidate-1' },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('x-request-id')).toBe('revalidate-1');
    expect(again.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=60');
    await insertObservations(db, [{ indicator: 'tip_tier', jurisdiction: 'PK', year: 2024, value: 2 }]);
    const changed = await app.request('/v1/observations', { headers: { 'If-None-Match': etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('answers HEAD like GET without a body', async () => {
    const { app } = await start();
    const res = await app.request('/v1/pillars', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^W\//);
    expect(await res.text()).toBe('');
  });

  it('marks errors no-store', async () => {
    const { app } = await start();
    const res = await app.request('/v1/indicators/nope_nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
  });
});

describe('errors', () => {
  it('turns a thrown error into a 500 problem without internals, logged once', async () => {
    const logged: { message: string; fields?: LogFields }[] = [];
    const logger: Logger = { info: () => {}, error: (message, fields) => logged.push({ message, fields }) };
    const { app, close } = await start({ deps: { logger } });
    close();
    const res = await app.request('/v1/observations', { headers: { 'X-Request-Id': 'trace-500' } });
    const text = await res.clone().text();
    const problem = await readProblem(res, 500);
    expect(problem).toMatchObject({
      code: 'internal_error',
      title: 'Internal server error',
      requestId: 'trace-500',
    });
    expect(text).not.toMatch(/database|sqlite|\bat \w|\.ts:|\.js:|stack/i);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.fields).toMatchObject({ requestId: 'trace-500', path: '/v1/observations' });
    expect(String(logged[0]?.fields?.error)).toMatch(/database/i);
    t = await createTestApp();
  });

  it('answers 405 with Allow for a known path and another method', async () => {
    const { app } = await start();
    const res = await app.request('/v1/indicators', { method: 'DELETE' });
    const problem = await readProblem(res, 405);
    expect(problem.code).toBe('method_not_allowed');
    expect(res.headers.get('allow')).toContain('GET');
  });

  it('limits JSON bodies to 1 MB but leaves room for uploads under /v1/imports', async () => {
    const { app } = await start();
    const big = 'x'.repeat(2 * 1024 * 1024);
    const post = (path: string) =>
      app.request(path, { method: 'POST', body: big, headers: { 'Content-Type': 'application/json' } });
    const problem = await readProblem(await post('/v1/observations'), 413);
    expect(problem.code).toBe('payload_too_large');
    expect((await post('/v1/imports/upload')).status).toBe(404);
  });
});

describe('headers', () => {
  it('allows the dashboard origin with credentials and no other origin', async () => {
    const { app } = await start({ deps: { webOrigin: 'http://dashboard.test' } });
    const preflight = await app.request('/v1/observations', {
      method: 'OPTIONS',
      headers: { Origin: 'http://dashboard.test', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://dashboard.test');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const foreign = await app.request('/v1/pillars', { headers: { Origin: 'http://elsewhere.test' } });
    expect(foreign.headers.get('access-control-allow-origin')).not.toBe('http://elsewhere.test');
  });

  it('sends security headers and gzips large bodies when asked', async () => {
    const { app } = await start();
    const res = await app.request('/v1/indicators', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'));
    expect(IndicatorListResponseSchema.parse(body).data.length).toBeGreaterThan(10);
  });
});

describe('GET /docs', () => {
  it('serves a self-contained reference page and its script from this server', async () => {
    const { app } = await start();
    const page = await app.request('/docs');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('src="/docs/scalar.js"');
    expect(html).toContain('"url": "/openapi.json"');
    expect(html).not.toMatch(/https?:\/\/(?!127)/);
    const script = await app.request('/docs/scalar.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    const js = await script.text();
    expect(js).toContain('Test Request');
    expect(() => new Function(js)).not.toThrow();
  });
});

describe('data licence', () => {
  const LICENCE = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"';

  it('names CC BY 4.0 on every published-data read, JSON and CSV, list and detail', async () => {
    const { app } = await start();
    for (const path of [
      '/v1/pillars',
      '/v1/indicators',
      '/v1/indicators/victims_identified',
      '/v1/jurisdictions',
      '/v1/observations',
      '/v1/observations?format=csv',
      '/v1/compare?indicator=victims_identified&base=PK-PB-GUJRAT&with=IT,ES',
      '/v1/scorecard?jurisdiction=PK-PB-GUJRAT',
      '/v1/measures',
      '/v1/coverage?format=csv',
      '/v1/sources',
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('link'), path).toBe(LICENCE);
    }
  });

  it('leaves it off failures and answers that are not published data', async () => {
    const { app } = await start();
    expect((await app.request('/v1/indicators/nope')).headers.get('link')).toBeNull();
    expect((await app.request('/health')).headers.get('link')).toBeNull();
    expect((await app.request('/v1/auth/me')).headers.get('link')).toBeNull();
  });
});
