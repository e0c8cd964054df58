import { describe, expect, it } from 'vitest';
import { createWorkflowTestApp } from '../../test-support/workflow.js';

type Operation = { description?: string; security?: unknown[]; responses: Record<string, unknown> };
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
};

const WORKFLOW_PREFIXES = [
  '/v1/auth',
  '/v1/users',
  '/v1/tokens',
  '/v1/reviews',
  '/v1/imports',
  '/v1/targets',
];

describe('workflow OpenAPI', () => {
  it('documents every workflow route the app serves, with who may call it, its security and problems', async () => {
    const t = await createWorkflowTestApp();
    try {
      const doc = (await (await t.app.request('/openapi.json')).json()) as Doc;
      const served = t.app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => ({ method: r.method.toLowerCase(), path: r.path.replace(/:(\w+)/g, '{$1}') }))
        .filter(
          ({ method, path }) =>
            WORKFLOW_PREFIXES.some((prefix) => path.startsWith(prefix)) ||
            ['/v1/progress', '/v1/audit.csv'].includes(path) ||
            (path.startsWith('/v1/observations') && method !== 'get') ||
            path.endsWith('/history'),
        );
      expect(served.length).toBeGreaterThanOrEqual(25);
      for (const { method, path } of served) {
        const operation = doc.paths[path]?.[method];
        expect(operation, `${method} ${path}`).toBeDefined();
        expect(operation!.description, `${method} ${path}`).toMatch(/^Who may call: /);
        expect(operation!.security, `${method} ${path}`).toBeDefined();
        expect(operation!.responses, `${method} ${path}`).toHaveProperty('400');
      }
      expect(doc.paths['/v1/observations/{id}/approve']).toHaveProperty('post.responses.403');
      expect(doc.paths['/v1/observations']).toHaveProperty('get');
      expect(doc.paths['/v1/observations']).toHaveProperty('post');
      expect(doc.paths['/v1/auth/login']).toHaveProperty('post.responses.429');
      expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'csrf', 'session']);
    } finally {
      t.close();
    }
  });

  it('bounds the length of every text field of every request body and parameter (maxLength)', async () => {
    const t = await createWorkflowTestApp();
    try {
      type Schema = Record<string, unknown> & { $ref?: string; type?: unknown };
      const doc = (await (await t.app.request('/openapi.json')).json()) as {
        paths: Record<string, Record<string, Record<string, unknown>>>;
        components: { schemas: Record<string, Schema> };
      };
      const unbounded: string[] = [];
      let bounded = 0;
      const walk = (schema: Schema | undefined, at: string): void => {
        if (!schema) return;
        if (schema.$ref) return walk(doc.components.schemas[schema.$ref.split('/').pop()!], at);
        const types = [schema.type].flat();
        if (types.includes('string') && !schema.enum && !schema.format) {
          if (schema.maxLength === undefined) unbounded.push(at);
          else bounded++;
        }
        for (const key of ['anyOf', 'oneOf', 'allOf'])
          for (const part of (schema[key] as Schema[] | undefined) ?? []) walk(part, at);
        for (const [name, part] of Object.entries((schema.properties as Record<string, Schema>) ?? {}))
          walk(part, `${at}.${name}`);
        walk(schema.items as Schema | undefined, `${at}[]`);
        walk(schema.additionalProperties as Schema | undefined, `${at}{}`);
      };
      let bodies = 0;
      for (const [path, operations] of Object.entries(doc.paths))
        for (const [method, operation] of Object.entries(operations)) {
          const body = operation.requestBody as { content: Record<string, { schema: Schema }> } | undefined;
          if (body?.content['application/json']) bodies++;
          walk(body?.content['application/json']?.schema, `${method} ${path} body`);
          for (const parameter of (operation.parameters as { name: string; schema: Schema }[]) ?? [])
            walk(parameter.schema, `${method} ${path} ${parameter.name}`);
        }
      expect(bodies).toBeGreaterThanOrEqual(8);
      expect(unbounded).toEqual([]);
      expect(bounded).toBeGreaterThanOrEqual(30);
    } finally {
      t.close();
    }
  });
});
