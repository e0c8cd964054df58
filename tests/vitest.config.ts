import { defineConfig } from 'vitest/config';

// The 'source' export condition resolves @fourp/domain to its TypeScript source: no domain build needed.
const conditions = ['source', 'module', 'node', 'development|production'];

export default defineConfig({
  ssr: { resolve: { conditions } },
  test: {
    projects: [
      {
        test: {
          name: 'integration',
          include: ['src/integration/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['src/e2e/**/*.test.ts'],
          testTimeout: 60000,
          hookTimeout: 180000,
          fileParallelism: false,
        },
      },
    ],
    reporters: [
      'default',
      ['json', { outputFile: `test-results/vitest-${process.env.FOURP_TEST_KIND ?? 'run'}.json` }],
    ],
  },
});
