import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.config.js';

// The 'source' export condition resolves @fourp/domain to its TypeScript source: no domain build needed.
const SOURCE = 'source';

export default defineConfig(({ isSsrBuild }) => ({
  // Tests run after the `paraglide` script has compiled the messages; the plugin would hold vitest open.
  plugins: [...(process.env.VITEST ? [] : [paraglideVitePlugin(paraglideOptions)]), sveltekit()],
  resolve: { conditions: [SOURCE, 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: [SOURCE, 'module', 'node', 'development|production'] } },
  build: isSsrBuild
    ? {}
    : {
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                {
                  name: 'app',
                  minShareCount: 8,
                  test: (id: string) => !/node_modules[\\/](chart\.js|@kurkle|zod|@zxcvbn-ts)[\\/]/.test(id),
                },
                {
                  name: 'small',
                  minShareCount: 2,
                  maxModuleSize: 4096,
                  test: (id: string) => !/node_modules[\\/](chart\.js|@kurkle|zod|@zxcvbn-ts)[\\/]/.test(id),
                },
              ],
            },
          },
        },
      },
  test: {
    include: ['src/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
}));
