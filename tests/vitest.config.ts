import { defineConfig } from 'vitest/config';

export default defineConfig({
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
