import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { IMPORT_COLUMNS } from '@fourp/domain';
import { load, rssMb, serveBare, startChild } from './harness.js';

const PUBLIC_READS = [
  '/v1/observations?indicator=victims_identified&jurisdiction=ES',
  '/v1/observations?indicator=victims_identified&jurisdiction=ES&format=csv',
  '/v1/compare?indicator=victims_identified&base=PK-PB-GUJRAT&with=IT,ES',
  '/v1/scorecard?jurisdiction=PK-PB-GUJRAT',
  '/v1/coverage',
  '/v1/indicators',
  '/v1/sources',
];
const OFFICIAL = { email: 'bench-official@example.org', password: 'bench load official passphrase' };
const IMPORT_ROWS = 10_000;
const MAX_RSS_GROWTH = 1.5;
const dist = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

function runCli(script: string, args: string[], env: Record<string, string>) {
  execFileSync(process.execPath, [dist(script), ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
}

function importCsv(rows: number, report: string): string {
  const tehsils = [
    'PK-PB-GUJRAT',
    'PK-PB-GUJRAT-GUJRAT',
    'PK-PB-GUJRAT-KHARIAN',
    'PK-PB-GUJRAT-SARAI-ALAMGIR',
  ];
  const lines = Array.from({ length: rows }, (_, i) => {
    const year = 1995 + (Math.floor(i / 12) % 30);
    const sex = ['', 'sex=female', 'sex=male'][Math.floor(i / 4) % 3];
    const cells = ['victims_identified', tehsils[i % 4], year, '', '', sex, 100 + (year % 3), 'A', ''];
    return [...cells, `${report} ${Math.floor(i / 360)}`, 'Bench publisher', 2024, '', 'primary', ''].join(
      ',',
    );
  });
  return [IMPORT_COLUMNS.join(','), ...lines].join('\r\n');
}

/** Signs in as the official and uploads the import; resolves with its status and duration. */
async function runImport(apiUrl: string, report: string) {
  const login = await fetch(`${apiUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(OFFICIAL),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const { data } = (await login.json()) as { data: { csrfToken: string } };
  const started = performance.now();
  const res = await fetch(`${apiUrl}/v1/imports?state=draft`, {
    method: 'POST',
    headers: {
      Cookie: login.headers.get('set-cookie')!.split(';')[0]!,
      'X-FourP-CSRF': data.csrfToken,
      'Content-Type': 'text/csv',
    },
    body: importCsv(IMPORT_ROWS, report),
  });
  const body = (await res.json()) as { data?: { inserted: number } };
  return {
    status: res.status,
    inserted: body.data?.inserted ?? 0,
    seconds: (performance.now() - started) / 1000,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      connections: { type: 'string', default: '50' },
      'bare-server': { type: 'boolean' },
    },
  });
  if (values['bare-server']) return serveBare();
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  if (!(seconds > 0) || !(connections > 0))
    throw new Error('--seconds and --connections must be positive numbers');
  const warmUp = Math.min(10, Math.max(2, Math.round(seconds / 6)));

  const dir = mkdtempSync(join(tmpdir(), 'fourp-load-'));
  const databasePath = join(dir, 'fourp.db');
  const children: ChildProcess[] = [];
  try {
    process.stderr.write('Starting the built API on a fresh seeded database and a bare Hono route…\n');
    const api = await startChild([dist('server.js')], {
      DATABASE_PATH: databasePath,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    children.push(api.child);
    const bare = await startChild([fileURLToPath(import.meta.url), '--bare-server'], {});
    children.push(bare.child);
    runCli(
      'cli/user-create.js',
      ['--email', OFFICIAL.email, '--role', 'district_official', '--jurisdiction', 'PK-PB-GUJRAT'],
      {
        DATABASE_PATH: databasePath,
        FOURP_PASSWORD: OFFICIAL.password,
      },
    );

    // The warm-up runs the same workload once (reads and one import), so the end is compared with a
    // process that has already sized its heap for it: growth past that is what a leak looks like.
    process.stderr.write(`Warming up for ${warmUp} s with one import…\n`);
    const [, warmImport] = await Promise.all([
      load(api.url, warmUp, connections, PUBLIC_READS),
      runImport(api.url, 'Load bench warm-up report'),
    ]);
    if (warmImport.status !== 201) throw new Error(`the warm-up import failed: ${warmImport.status}`);
    const rssWarm = rssMb(api.child.pid!);

    process.stderr.write(
      `Public reads for ${seconds} s at ${connections} connections, one ${IMPORT_ROWS}-row import during the run…\n`,
    );
    const reads = load(api.url, seconds, connections, PUBLIC_READS);
    let rssAfterImport = 0;
    const imported = new Promise((resolve) => setTimeout(resolve, Math.min(5, seconds / 4) * 1000))
      .then(() => runImport(api.url, 'Load bench report'))
      .finally(() => (rssAfterImport = rssMb(api.child.pid!)));
    const [result, importResult] = await Promise.all([reads, imported]);
    const rssEnd = rssMb(api.child.pid!);

    const bareSeconds = Math.min(10, seconds);
    process.stderr.write(`The bare Hono JSON route for ${bareSeconds} s…\n`);
    const baseline = await load(bare.url, bareSeconds, connections, ['/']);

    const errors = result.errors + result.timeouts + result.non2xx;
    const throughput = result.requests.total / result.duration;
    const bareThroughput = baseline.requests.total / baseline.duration;
    const rssRatio = rssEnd / rssWarm;
    const importOk = importResult.status === 201 && importResult.inserted === IMPORT_ROWS;
    process.stdout.write(
      [
        `duration:         ${result.duration.toFixed(1)} s at ${connections} connections (mix of ${PUBLIC_READS.length} public reads)`,
        `requests:         ${result.requests.total}`,
        `errors:           ${errors} (${result.errors} connection errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx)` +
          [...result.reqErrors].map(([code, n]) => ` ${code} ×${n}`).join(''),
        `latency:          p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
        `throughput:       ${throughput.toFixed(0)} req/s; bare Hono JSON route ${bareThroughput.toFixed(0)} req/s; ratio ${(throughput / bareThroughput).toFixed(3)}`,
        `import:           ${importResult.status}, ${importResult.inserted} of ${IMPORT_ROWS} rows in ${importResult.seconds.toFixed(1)} s (during the run)`,
        `machine:          ${cpus().length} CPU(s), load average ${loadavg()[0]!.toFixed(1)} at the end`,
        `resident memory:  ${rssWarm.toFixed(0)} MB after warm-up, ${rssAfterImport.toFixed(0)} MB after the import, ${rssEnd.toFixed(0)} MB at the end; ratio ${rssRatio.toFixed(2)} (limit ${MAX_RSS_GROWTH})`,
        '',
      ].join('\n'),
    );
    if (errors > 0 || rssRatio > MAX_RSS_GROWTH || !importOk) process.exitCode = 1;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
