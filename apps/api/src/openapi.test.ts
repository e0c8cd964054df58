import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPONENT_SCHEMAS } from './openapi/components.js';
import { seedIfEmpty } from './seed/index.js';
import { createTestApp, insertObservations, type TestApp } from './test-support/api.js';

type Json = unknown;

/** The public read routes and the component each answers with. */
const OPERATIONS = [
  { path: '/health', response: 'HealthResponse' },
  { path: '/v1/pillars', response: 'PillarListResponse' },
  { path: '/v1/indicators', response: 'IndicatorListResponse' },
  { path: '/v1/indicators/{id}', response: 'IndicatorDetailResponse' },
  { path: '/v1/jurisdictions', response: 'JurisdictionListResponse' },
  { path: '/v1/observations', response: 'ObservationListResponse' },
  { path: '/v1/compare', response: 'CompareResponse' },
  { path: '/v1/scorecard', response: 'ScorecardResponse' },
  { path: '/v1/measures', response: 'MeasureListResponse' },
  { path: '/v1/measures/{id}', response: 'MeasureResponse' },
  { path: '/v1/coverage', response: 'CoverageResponse' },
  { path: '/v1/sources', response: 'SourceListResponse' },
  { path: '/v1/sources/{id}', response: 'SourceResponse' },
];
type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    { get: { parameters: { name: string; in: string; schema: Json }[]; responses: Record<string, Json> } }
  >;
  components: { schemas: Record<string, Record<string, Json>> };
};

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  t = await createTestApp({ seed: seedIfEmpty });
  await insertObservations(t.db, [
    { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2022, value: 4 },
  ]);
  doc = (await (await t.app.request('/openapi.json')).json()) as Doc;
});
afterAll(() => t.close());

function collectRefs(node: Json, refs: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => collectRefs(item, refs));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') refs.push(value);
      else collectRefs(value, refs);
    }
  }
  return refs;
}

const resolve = (pointer: string): Json =>
  pointer
    .replace(/^#\//, '')
    .split('/')
    .reduce<Json>((node, part) => (node as Record<string, Json> | undefined)?.[part], doc);

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document with every public route and a component per response', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBe('FourP API');
    for (const op of OPERATIONS) expect(doc.paths[op.path]?.get, op.path).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(Object.keys(COMPONENT_SCHEMAS)),
    );
    for (const schema of Object.values(doc.components.schemas)) {
      expect(schema).not.toHaveProperty('$id');
      expect(schema.type).toBe('object');
    }
  });

  it('resolves every $ref, and every response points at an existing component', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(resolve(ref), ref).toBeDefined();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(
        item as Record<string, { responses: Record<string, Json> }>,
      )) {
        for (const [status, response] of Object.entries(operation.responses)) {
          const content =
            (response as { content?: Record<string, { schema: { $ref?: string } }> }).content ?? {};
          for (const [mediaType, { schema }] of Object.entries(content)) {
            const where = `${method} ${path} ${status} ${mediaType}`;
            if (mediaType.includes('json'))
              expect(schema.$ref, where).toMatch(/^#\/components\/schemas\/\w+$/);
            else expect(schema, where).toBeTypeOf('object');
          }
        }
      }
      for (const [status, response] of Object.entries(item.get?.responses ?? {})) {
        if (status !== '304')
          expect((response as { content?: unknown }).content, `${path} ${status}`).toBeDefined();
      }
    }
  });

  it('declares every path parameter and describes query parameters with JSON Schema', () => {
    for (const { path } of OPERATIONS) {
      const item = doc.paths[path]!;
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = item.get!.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared, path).toEqual(inPath);
      for (const parameter of item.get!.parameters)
        expect(parameter.schema, `${path} ${parameter.name}`).toBeTypeOf('object');
    }
    const compare = doc.paths['/v1/compare']!.get!.parameters;
    expect(compare.find((p) => p.name === 'indicator')).toMatchObject({ required: true });
    expect(compare.find((p) => p.name === 'per')).toMatchObject({
      required: false,
      schema: { enum: ['100k', 'absolute'] },
    });
  });

  it('documents only routes the app serves', () => {
    const served = new Set(
      t.app.routes.filter((r) => r.method === 'GET').map((r) => r.path.replace(/:(\w+)/g, '{$1}')),
    );
    for (const op of OPERATIONS) expect(served.has(op.path), op.path).toBe(true);
  });
});

const SAMPLE_PATHS: Record<string, string> = {
  '/v1/indicators/{id}': '/v1/indicators/victims_identified',
  '/v1/measures/{id}': '/v1/measures/national_action_plan',
  '/v1/sources/{id}': '/v1/sources/1',
  '/v1/compare': '/v1/compare?indicator=victims_identified',
  '/v1/scorecard': '/v1/scorecard?jurisdiction=PK',
  '/v1/observations': '/v1/observations?jurisdiction=PK-PB-GUJRAT',
};

describe('real responses over the reference dataset match their declared schema', () => {
  it.each(OPERATIONS.map((op) => [op.path, op] as const))('%s', async (_path, op) => {
    const res = await t.app.request(SAMPLE_PATHS[op.path] ?? op.path);
    expect(res.status).toBe(200);
    const schema = COMPONENT_SCHEMAS[op.response];
    expect(schema, op.response).toBeDefined();
    const parsed = schema!.safeParse(await res.json());
    expect(parsed.error?.message).toBeUndefined();
  });
});
