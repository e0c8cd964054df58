import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const TABLES = 'Only repos/ touches tables: add or use a function in src/repos.';
const READ_PATH =
  'Figures reach callers through services/published (disclosure control is applied there, nowhere else).';

/** What only services/published (and, for writing, the write verbs) may read: figures, revisions, baselines, audit values. */
const READ_PATH_STRICT = [
  { group: ['**/repos/observations.js', '**/repos/workflow/observations.js'], message: READ_PATH },
  { group: ['**/repos/workflow/targets.js'], importNames: ['listTargets'], message: READ_PATH },
  { group: ['**/repos/workflow/audit.js'], importNames: ['auditFor', 'listAudit'], message: READ_PATH },
];
const SERVICE_PATTERNS = [
  { group: ['**/db/schema*'], message: TABLES },
  { group: ['hono', 'hono/*', '@hono/*'], message: 'A service knows nothing of HTTP.' },
  { group: ['**/routes/**'], message: 'Routes call services, never the other way.' },
];

export default ts.config(
  {
    ignores: ['**/dist/**', '**/build/**', '**/.svelte-kit/**', '**/node_modules/**', '**/test-results/**'],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'http', 'crypto', 'child_process'],
              message: 'The domain is pure: no I/O.',
            },
            {
              group: ['drizzle-orm*', 'better-sqlite3', 'hono*', '@hono/*', 'svelte*', '@sveltejs/*'],
              message:
                'The domain depends on zod and @stdlib/stats-base-dists-chisquare-quantile (pure math) only.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'fetch', 'process', 'require', 'localStorage', 'document', 'window'],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/repos/**',
      'apps/api/src/db/**',
      'apps/api/src/test-support/**',
      'apps/api/src/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/schema*'],
              message: TABLES,
            },
            {
              group: ['**/repos/observations.js'],
              importNames: ['listPublishedOrOwnObservations'],
              message: READ_PATH,
            },
            {
              group: ['**/repos/workflow/observations.js'],
              importNames: ['findWorkflowObservation', 'listRevisions'],
              message: READ_PATH,
            },
            {
              group: ['**/repos/workflow/audit.js'],
              importNames: ['auditFor', 'listAudit'],
              message: READ_PATH,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/routes/**/*.ts'],
    ignores: ['apps/api/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/db/schema*'], message: TABLES }, ...READ_PATH_STRICT] },
      ],
    },
  },
  {
    files: ['apps/api/src/services/**/*.ts'],
    ignores: ['apps/api/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: SERVICE_PATTERNS }] },
  },
  {
    files: ['apps/api/src/services/**/*.ts'],
    ignores: [
      'apps/api/src/**/*.test.ts',
      'apps/api/src/services/published/**',
      'apps/api/src/services/observation/**',
      'apps/api/src/services/import/**',
      'apps/api/src/services/target/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [...SERVICE_PATTERNS, ...READ_PATH_STRICT] }] },
  },
  {
    files: ['apps/api/src/repos/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['hono', 'hono/*', '@hono/*'], message: 'A repo knows nothing of HTTP.' },
            { group: ['**/routes/**', '**/services/**'], message: 'Repos sit below services and routes.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@fourp/api', '@fourp/api/*', '**/apps/api/**'],
              message: 'The web talks to the API over HTTP; shared types come from @fourp/domain.',
            },
          ],
        },
      ],
    },
  },
);
