import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const script = new URL('../../../apps/api/dist/bench/scale-bench.js', import.meta.url).pathname;
const cacheDir = mkdtempSync(join(tmpdir(), 'fourp-bench-smoke-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const ROWS = [
  'observations (first page)',
  'scorecard',
  'coverage',
  'compare',
  'indicators',
  'progress',
  'health',
  'raw scan + CSV serialise',
  'export /v1/exports/csv',
  'export /v1/exports/xlsx',
  'export /v1/observations/bulk?format=ndjson',
  'bare Hono JSON route (req/s)',
  '/health (req/s ÷ bare)',
  '/v1/indicators (req/s ÷ bare)',
  '/v1/indicators If-None-Match → 304 (req/s ÷ bare)',
  'page: overview p50',
  'page: overview (pages/s)',
  'page: indicator p50',
  'page: compare p50',
];

it('bench:scale builds a small synthetic database and prints a row for every route and page', () => {
  const run = spawnSync(
    process.execPath,
    [
      script,
      '--rows',
      '2000',
      '--seconds',
      '1',
      '--repeat',
      '1',
      '--connections',
      '2',
      '--cache-dir',
      cacheDir,
    ],
    { encoding: 'utf8', timeout: 170_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/^bench:scale — 2000 published figures, large counts \(built database\)/m);
  const names = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) => line.split('|')[1]!.trim());
  expect(names).toEqual(expect.arrayContaining(ROWS));
  expect(run.stdout).toMatch(/^peak RSS: API \d+ MB, dashboard \d+ MB/m);
}, 180_000);
