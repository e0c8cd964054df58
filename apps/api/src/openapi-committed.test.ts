import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-support/api.js';

const committedFile = new URL('../openapi.json', import.meta.url);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('apps/api/openapi.json', () => {
  it('is the document the app serves (regenerate with `pnpm run gen:api` when this fails)', async () => {
    const served: unknown = await (await t.app.request('/openapi.json')).json();
    const committed: unknown = JSON.parse(readFileSync(committedFile, 'utf8'));
    expect(committed).toEqual(served);
  });
});
