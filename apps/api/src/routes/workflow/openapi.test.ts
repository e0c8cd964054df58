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
});
