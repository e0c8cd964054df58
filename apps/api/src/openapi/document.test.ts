import { createHash } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { createTestApp, type TestApp } from '../test-support/api.js';

type Doc = { info: Record<string, unknown>; paths: Record<string, Record<string, unknown>> };

const NOT_IN_DOCUMENT = /^\/(openapi\.json|docs)(\/|$)/;

/** `METHOD /path` of every handler registered on the app that the document does not describe. */
function undocumentedRoutes(app: App, doc: Doc): string[] {
  return app.routes
    .filter((route) => route.method !== 'ALL' && !NOT_IN_DOCUMENT.test(route.path))
    .map((route) => ({ method: route.method.toLowerCase(), path: route.path.replace(/:(\w+)/g, '{$1}') }))
    .filter(({ method, path }) => doc.paths[path]?.[method] === undefined)
    .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
}

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  t = await createTestApp();
  doc = (await (await t.app.request('/openapi.json')).json()) as Doc;
});
afterAll(() => t.close());

describe('the generated OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('would be rejected with a licence naming both an identifier and a url', async () => {
    const license = { name: 'MIT', identifier: 'MIT', url: 'https://opensource.org/license/mit' };
    const invalid = { ...structuredClone(doc), info: { ...doc.info, license } };
    expect((await new Validator().validate(invalid)).valid).toBe(false);
  });

  it('names the code licence and the data licence', () => {
    expect(doc.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
    expect(doc.info['x-data-license']).toMatchObject({ identifier: 'CC-BY-4.0' });
    expect(doc.info.description).toMatch(/CC BY 4\.0.*source’s own terms/s);
  });

  it('describes every route the app serves', () => {
    expect(t.app.routes.filter((r) => r.method !== 'ALL').length).toBeGreaterThan(30);
    expect(undocumentedRoutes(t.app, doc)).toEqual([]);
  });

  it('describes only routes the app serves', () => {
    const served = new Set(
      t.app.routes.map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect(documented.filter((operation) => !served.has(operation))).toEqual([]);
  });

  it('would report a route added without a declaration', async () => {
    const extra = await createTestApp();
    try {
      extra.app.get('/v1/undeclared/:id', (c) => c.text('hidden'));
      const extraDoc = (await (await extra.app.request('/openapi.json')).json()) as Doc;
      expect(undocumentedRoutes(extra.app, extraDoc)).toEqual(['GET /v1/undeclared/{id}']);
    } finally {
      extra.close();
    }
  });

  it('refers to the domain schemas by name, nested ones included', () => {
    const list = doc.paths['/v1/observations']?.get as {
      responses: Record<string, { content: Record<string, { schema: unknown }> }>;
    };
    expect(list.responses['200']!.content['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/ObservationListResponse',
    });
    expect(list.responses['404']!.content['application/problem+json']!.schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    expect(JSON.stringify(doc)).toContain('"items":{"$ref":"#/components/schemas/Observation"}');
  });
});

describe('GET /docs', () => {
  it('allows its inline bootstrap script by hash only, under its own policy', async () => {
    const res = await t.app.request('/docs');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const bootstrap = (await res.text()).split('<script type="text/javascript">')[1]?.split('</script>')[0];
    expect(bootstrap).toContain('createApiReference');
    const hash = createHash('sha256').update(bootstrap!).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("connect-src 'self'");
  });

  it('leaves every other route under the strict policy', async () => {
    const res = await t.app.request('/v1/pillars');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
  });
});
