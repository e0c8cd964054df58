import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('refuses each oversized file within a bounded heap, in a process limited to 128 MB', () => {
  const script = fileURLToPath(new URL('./import-heap.ts', import.meta.url));
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=128', '--expose-gc', '--conditions=source', '--import', 'tsx', script],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout.split('\n').filter(Boolean)).toEqual([
    expect.stringMatching(/^ok {3}20 MB of newlines: 413 row 100002, \(file\): .*\(rows\); heap grew/),
    expect.stringMatching(/^ok {3}one row too many: 413 row 100002, \(file\): .*\(rows\); heap grew/),
    expect.stringMatching(
      /^ok {3}an unclosed quote running to the end: 400 row 2, \(row\): .*\(cellCharacters\)/,
    ),
  ]);
  expect(run.status).toBe(0);
}, 120_000);
