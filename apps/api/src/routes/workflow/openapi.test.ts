import { describe, expect, it } from 'vitest';
import { createWorkflowTestApp } from '../../test-support/workflow.js';
import { WORKFLOW_OPERATIONS, mergeWorkflowOpenApi } from './openapi.js';

type Json = unknown;
const collectRefs = (node: Json, found: string[] = []): string[] => {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else collectRefs(value, found);
    }
  }
  return found;
};

describe('workflow OpenAPI', () => {
  it('documents every workflow route the app serves, with resolvable references', async () => {
    const t = await createWorkflowTestApp();
    try {
      const empty: {
        paths: Record<string, Record<string, unknown>>;
        components: { schemas: Record<string, unknown> };
      } = {
        paths: {},
        components: { schemas: {} },
      };
      const doc = mergeWorkflowOpenApi(empty);
      const served = new Set(
        t.app.routes.map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
      );
      for (const op of WORKFLOW_OPERATIONS)
        expect(served.has(`${op.method} ${op.path}`), `${op.method} ${op.path}`).toBe(true);
      for (const ref of collectRefs(doc)) {
        const name = ref.replace('#/components/schemas/', '');
        expect(doc.components.schemas, ref).toHaveProperty(name);
      }
      expect(doc.paths['/v1/observations/{id}/approve']).toHaveProperty('post.responses.403');
      expect(Object.keys(doc.components.securitySchemes)).toEqual(['session', 'csrf', 'bearer']);
    } finally {
      t.close();
    }
  });
});
