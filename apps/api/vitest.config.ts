import { defineConfig } from 'vitest/config';

// The 'source' export condition resolves @fourp/domain to its TypeScript source: no domain build needed.
const conditions = ['source', 'module', 'node', 'development|production'];

export default defineConfig({
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    testTimeout: 20000,
  },
});
