// Runs exactly what CI runs (format, import cycles, lint, typecheck, unit, integration and browser tests)
// and closes with one line of real test totals read from each package's vitest report.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = ['packages', 'apps'].flatMap((dir) =>
  readdirSync(join(root, dir)).map((name) => join(root, dir, name)),
);
workspaces.push(join(root, 'tests'));

for (const ws of workspaces) rmSync(join(ws, 'test-results'), { recursive: true, force: true });

const steps = [
  ['pnpm', ['run', 'format:check']],
  ['pnpm', ['run', 'check:cycles']],
  [
    'pnpm',
    ['exec', 'turbo', 'run', 'build', 'lint', 'typecheck', 'test', 'e2e', '--continue', '--concurrency=2'],
  ],
];

let failedSteps = 0;
for (const [cmd, args] of steps) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failedSteps += 1;
}

let passed = 0;
let failed = 0;
const reports = [];
for (const ws of workspaces) {
  const dir = join(ws, 'test-results');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.startsWith('vitest') && f.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    reports.push(
      `${ws.slice(root.length)}/${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
    );
  }
}
console.log('\nTest reports:');
for (const line of reports) console.log(`  ${line}`);
if (failedSteps > 0) console.log(`${failedSteps} verification step(s) failed (see above).`);
if (passed + failed === 0) {
  console.log('No test report was written.');
  failedSteps += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps > 0 || failed > 0 ? 1 : 0);
