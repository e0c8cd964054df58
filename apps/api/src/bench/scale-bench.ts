import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { INDICATORS } from '@fourp/domain';
import Database from 'better-sqlite3';
import type { Hono } from 'hono';
import { cpuMs, freePort, load, serveBare, startChild } from './harness.js';
import {
  benchDirectory,
  COUNT_SIZES,
  ensureScaleDatabase,
  ownPeakRssMb,
  type CountSize,
} from './scale-data.js';
import { ensureScaleTargets } from './scale-targets.js';

type Raw = Database.Database;
type Check = { target: string; pass: (r: { ms: number; ratio: number | null }) => boolean };

const dist = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const WEB_ENTRY = fileURLToPath(new URL('../../../web/build/index.js', import.meta.url));
const GUJRAT = 'PK-PB-GUJRAT';
const PUBLISHED = "workflow_state = 'published'";
const FIGURE_COLUMNS = `o.id, o.indicator_id, o.jurisdiction_id, o.year, o.year_end, o.period, o.disaggregation,
  o.value, o.status, o.conf_status, o.definition, o.unit_as_read, o.value_as_read, o.note,
  s.id as source_id, s.title, s.publisher, s.year as source_year, s.locator, s.kind`;
const figures = (where: string) =>
  `select ${FIGURE_COLUMNS} from observations o join sources s on s.id = o.source_id
   where o.${PUBLISHED} and ${where} order by o.id`;

const WITHIN_RAW: Check = { target: '≤ 1.5× raw', pass: ({ ratio }) => ratio !== null && ratio <= 1.5 };

/**
 * Each public read route beside the raw query that returns the same rows (`limit` = the rows the route
 * returned), serialised with JSON.stringify: what the machine needs at the least to answer it. The target's
 * baseline is that query served over HTTP by the bare Hono server (`/raw/<index>`), so both sides pay the
 * same round trip; the same query timed in this process stays beside it.
 */
const ROUTES: {
  name: string;
  path: string;
  raw: (db: Raw, limit: number) => unknown[];
  check: Check;
}[] = [
  {
    name: 'observations (first page)',
    path: '/v1/observations?jurisdiction=ES',
    raw: (db, limit) => db.prepare(`${figures("o.jurisdiction_id = 'ES'")} limit ?`).all(limit),
    check: WITHIN_RAW,
  },
  {
    name: 'scorecard',
    path: `/v1/scorecard?jurisdiction=${GUJRAT}`,
    raw: (db) =>
      db
        .prepare(
          `select indicator_id, max(year) as year, value from observations
           where jurisdiction_id = ? and disaggregation = '{}' and ${PUBLISHED} group by indicator_id`,
        )
        .all(GUJRAT),
    check: { target: '≤ 20 ms, ≤ 1.5× raw', pass: (r) => r.ms <= 20 && WITHIN_RAW.pass(r) },
  },
  {
    name: 'coverage',
    path: '/v1/coverage',
    raw: (db) =>
      db
        .prepare(
          `select indicator_id, jurisdiction_id, count(*) as n, max(year) as year from observations
           where ${PUBLISHED} group by indicator_id, jurisdiction_id`,
        )
        .all(),
    check: WITHIN_RAW,
  },
  {
    name: 'compare',
    path: `/v1/compare?indicator=victims_identified&base=${GUJRAT}&with=IT,ES&per=100k`,
    raw: (db) =>
      db
        .prepare(
          figures(
            `o.indicator_id in ('victims_identified', 'population') and o.jurisdiction_id in (?, 'IT', 'ES')
             and o.disaggregation = '{}'`,
          ),
        )
        .all(GUJRAT),
    check: WITHIN_RAW,
  },
  {
    name: 'indicators',
    path: '/v1/indicators',
    // The route answers the domain's catalogue (101 KB), not the indicators table (its ids, 9.5 KB).
    raw: () => [...INDICATORS],
    check: WITHIN_RAW,
  },
  {
    name: 'progress',
    path: `/v1/progress?jurisdiction=${GUJRAT}`,
    // Each target with its source and the latest published annual total with its source.
    raw: (db) =>
      db
        .prepare(
          `select t.indicator_id, t.baseline_year, t.baseline_value, t.target_year, t.target_value,
             ts.title, ts.publisher, o.id, o.year, o.value, os.title as latest_title, os.publisher as latest_publisher
           from targets t left join sources ts on ts.id = t.source_id
           left join observations o on o.id = (
             select id from observations where indicator_id = t.indicator_id and jurisdiction_id = t.jurisdiction_id
               and ${PUBLISHED} and disaggregation = '{}' and year = year_end and superseded_by is null
             order by year desc, id desc limit 1)
           left join sources os on os.id = o.source_id
           where t.jurisdiction_id = ? order by t.indicator_id`,
        )
        .all(GUJRAT),
    check: WITHIN_RAW,
  },
  {
    name: 'health',
    path: '/health',
    raw: (db) => db.prepare('select 1 as ok').all(),
    check: WITHIN_RAW,
  },
];

const PAGES = [
  { name: 'page: overview', path: '/', minPerSecond: 100 },
  { name: 'page: indicator', path: '/indicators/victims_identified', minPerSecond: null },
  { name: 'page: compare', path: '/compare', minPerSecond: null },
];
/** Every export of all published figures; `lines` when one figure is one line (streamed), so a rate can be compared. */
const EXPORTS = [
  { path: '/v1/observations/bulk?format=ndjson', lines: true },
  { path: '/v1/observations/bulk?format=csv', lines: true },
  { path: '/v1/exports/csv', lines: true },
  { path: '/v1/exports/sdmx-csv', lines: true },
  { path: '/v1/exports/json-stat', lines: false },
  { path: '/v1/exports/datapackage', lines: false },
  { path: '/v1/exports/xlsx', lines: false },
  { path: '/v1/exports/iati', lines: false },
];
const REQUEST_TIMEOUT_MS = 120_000;

type Row = {
  name: string;
  rows: number | string;
  bytes: number | null;
  ms: number | null;
  rawMs: number | null;
  /** The raw query served by the bare Hono server, timed over HTTP like the route. */
  rawHttpMs?: number | null;
  ratio: number | null;
  target: string;
  pass: boolean | null;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Fetches `url` uncompressed (as JSON.stringify produces it) and reads the whole body; status 0 on a timeout. */
async function timedGet(url: string) {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      headers: { 'accept-encoding': 'identity' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await res.text();
    return { status: res.status, body, ms: performance.now() - started };
  } catch (error) {
    if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
    return { status: 0, body: '', ms: performance.now() - started };
  }
}

const failure = (status: number) =>
  status === 0 ? `no answer in ${REQUEST_TIMEOUT_MS / 1000} s` : `HTTP ${status}`;

/** The number of items a JSON answer carries: its `data` array, `data.items`, or 1 for an object. */
function itemsIn(body: string): number {
  try {
    const data = (JSON.parse(body) as { data?: unknown }).data;
    if (Array.isArray(data)) return data.length;
    const items = (data as { items?: unknown } | undefined)?.items;
    return Array.isArray(items) ? items.length : 1;
  } catch {
    return body.split('\n').length - 1;
  }
}

function timeRaw(fn: () => unknown, repeat: number) {
  for (let i = 0; i < WARM_UP; i++) JSON.stringify({ data: fn() });
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    bytes = JSON.stringify({ data: fn() }).length;
    times.push(performance.now() - started);
  }
  return { ms: median(times), bytes };
}

/** The bare server's raw routes: each route's raw query over its own read-only connection, as JSON. */
function rawRoutes(app: Hono, path: string) {
  const db = new Database(path, { readonly: true });
  ROUTES.forEach((route, index) =>
    app.get(`/raw/${index}`, (c) =>
      c.body(JSON.stringify({ data: route.raw(db, Number(c.req.query('limit'))) }), 200, {
        'content-type': 'application/json',
      }),
    ),
  );
}

/**
 * Requests sent to a route, and calls made of a raw query, before any is timed, on both sides alike. A server
 * just started runs a route's code unoptimised for its first requests: with one warm-up, three timed requests of
 * the first page of figures took a median of 33 ms where a warm server answers in 16–18 ms, and the raw side
 * warmed at its own pace, so the ratio moved between 0.9× and 1.5× from run to run.
 */
const WARM_UP = 20;
/** Requests timed on each side of a route's ratio, at the least (`--repeat` when larger), taken in turn. */
const ROUTE_SAMPLES = 15;

async function warmUp(url: string) {
  for (let i = 0; i < WARM_UP; i++) await timedGet(url);
}

async function measureRoute(apiUrl: string, bareUrl: string, db: Raw, index: number, repeat: number) {
  const route = ROUTES[index]!;
  const first = await timedGet(apiUrl + route.path);
  if (first.status !== 200)
    return {
      name: route.name,
      rows: failure(first.status),
      bytes: null,
      ms: first.ms,
      rawMs: null,
      ratio: null,
      target: route.check.target,
      pass: false,
    } satisfies Row;
  const rows = itemsIn(first.body);
  const rawUrl = `${bareUrl}/raw/${index}?limit=${rows}`;
  await warmUp(apiUrl + route.path);
  await warmUp(rawUrl);
  // The route and its raw query in turn, so whatever else the machine does falls on both alike.
  const times: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < Math.max(repeat, ROUTE_SAMPLES); i++) {
    times.push((await timedGet(apiUrl + route.path)).ms);
    rawTimes.push((await timedGet(rawUrl)).ms);
  }
  const raw = timeRaw(() => route.raw(db, rows), repeat);
  const ms = median(times);
  const rawHttpMs = median(rawTimes);
  const ratio = ms / rawHttpMs;
  return {
    name: route.name,
    rows,
    bytes: first.body.length,
    ms,
    rawMs: raw.ms,
    rawHttpMs,
    ratio,
    target: route.check.target,
    pass: route.check.pass({ ms, ratio }),
  } satisfies Row;
}

/**
 * Every published figure scanned and written as CSV lines: the rate an export cannot beat. The same rows, columns
 * (the figure, its source and its disclosure state) and order as `/v1/observations/bulk` writes.
 */
function rawScanRate(db: Raw) {
  const started = performance.now();
  let rows = 0;
  let bytes = 0;
  const scan = db.prepare(
    `select ${FIGURE_COLUMNS}, o.workflow_state, o.superseded_by, d.state
     from observations o join sources s on s.id = o.source_id
     left join disclosure_states d on d.observation_id = o.id
     where o.${PUBLISHED} order by o.indicator_id, o.jurisdiction_id, o.year, o.id`,
  );
  for (const row of scan.raw().iterate() as Iterable<unknown[]>) {
    bytes += row.map((v) => (v === null ? '' : JSON.stringify(v))).join(',').length + 1;
    rows += 1;
  }
  return { rows, bytes, ms: performance.now() - started };
}

/**
 * Streams an export uncompressed (as the raw scan writes it), counting its lines, without holding it in memory;
 * `failed` says why when it did not arrive whole (an HTTP status, or fetch's cause such as a headers timeout).
 */
async function streamExport(url: string, timeoutMs: number) {
  const started = performance.now();
  let lines = 0;
  let bytes = 0;
  try {
    const res = await fetch(url, {
      headers: { 'accept-encoding': 'identity' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.status === 422) return { failed: 'refused: above the whole-file maximum' };
    if (res.status !== 200 || !res.body) return { failed: `HTTP ${res.status}` };
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines += 1;
    }
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error instanceof Error ? error.name : String(error));
    return { failed: `${why} after ${((performance.now() - started) / 1000).toFixed(0)} s` };
  }
  return { rows: lines, bytes, ms: performance.now() - started };
}

/** The run of median time among `runs` (each a measurement); null when a run failed. */
async function medianRun<T extends { ms: number }>(
  runs: number,
  measure: () => T | null | Promise<T | null>,
) {
  const results: T[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await measure();
    if (result === null) return null;
    results.push(result);
  }
  return results.sort((a, b) => a.ms - b.ms)[Math.floor(results.length / 2)]!;
}

/** Each export beside the raw scan; the raw scan and the line-per-figure exports the median of up to 3 runs. */
async function measureExport(
  apiUrl: string,
  db: Raw,
  repeat: number,
  timeoutMs: number,
  bulkOnly: boolean,
): Promise<Row[]> {
  const runs = Math.min(repeat, 3);
  const raw = (await medianRun(runs, () => rawScanRate(db)))!;
  const rawRate = raw.rows / raw.ms;
  const rows: Row[] = [
    {
      name: 'raw scan + CSV serialise',
      rows: raw.rows,
      bytes: raw.bytes,
      ms: raw.ms,
      rawMs: raw.ms,
      ratio: 1,
      target: '',
      pass: null,
    },
  ];
  for (const { path, lines } of EXPORTS.filter((e) => !bulkOnly || e.lines)) {
    let failed: string | null = null;
    const result = await medianRun(lines ? runs : 1, async () => {
      const run = await streamExport(apiUrl + path, timeoutMs);
      if ('failed' in run) failed = run.failed ?? 'failed';
      return 'failed' in run ? null : run;
    });
    if (result === null) {
      rows.push({
        name: `export ${path}`,
        rows: failed ?? 'failed',
        bytes: null,
        ms: null,
        rawMs: null,
        ratio: null,
        target: lines ? '≥ 50 % raw rate' : 'size and time',
        pass: (failed as string | null)?.startsWith('refused') ? null : false,
      });
      continue;
    }
    // Ratio of times for the same number of rows: how much slower than the raw scan the export is.
    const ratio = lines ? rawRate / (result.rows / result.ms) : null;
    rows.push({
      name: `export ${path}`,
      rows: lines ? result.rows : 'file',
      bytes: result.bytes,
      ms: result.ms,
      rawMs: lines ? result.rows / rawRate : null,
      ratio,
      target: lines ? '≥ 50 % raw rate' : 'size and time',
      pass: ratio === null ? null : ratio <= 2,
    });
  }
  return rows;
}

/**
 * Requests per second on `path`; with `revalidate`, each request carries the ETag first served, so a 304 is
 * right. With the server's `pid`, also its CPU time per request: unlike the rate, hardly moved by other work
 * on the machine.
 */
async function throughput(
  url: string,
  seconds: number,
  connections: number,
  path: string,
  { revalidate = false, pid }: { revalidate?: boolean; pid?: number } = {},
) {
  const etag = revalidate ? (await fetch(url + path, { headers: { Accept: '' } })).headers.get('etag') : null;
  const cpuBefore = pid === undefined ? 0 : cpuMs(pid);
  const result = await load(
    url,
    seconds,
    connections,
    [path],
    etag === null ? {} : { 'If-None-Match': etag },
  );
  const notModified = etag === null ? 0 : result['3xx'];
  const cpuPerRequest = pid === undefined ? null : (cpuMs(pid) - cpuBefore) / result.requests.total;
  return {
    cpuPerRequest,
    /** Of the requests, the share answered 304 (revalidations only). */
    notModifiedShare: etag === null ? null : notModified / Math.max(1, result.requests.total),
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    errors: result.errors + result.timeouts + result.non2xx - notModified,
  };
}

async function waitForWeb(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the dashboard exited (${child.exitCode})`);
    try {
      if ((await fetch(`${url}/favicon.svg`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the dashboard did not start within 60 s');
}

const fmt = (n: number | null, digits = 1) => (n === null || Number.isNaN(n) ? '–' : n.toFixed(digits));

function printTable(rows: Row[]) {
  const header = [
    'route',
    'rows',
    'bytes',
    'ms',
    'raw HTTP ms',
    'raw ms in process',
    'ratio',
    '÷ in process',
    'target',
    'pass/fail',
  ];
  const cells = rows.map((r) => [
    r.name,
    String(r.rows),
    r.bytes === null ? '–' : String(r.bytes),
    fmt(r.ms),
    fmt(r.rawHttpMs ?? null, 2),
    fmt(r.rawMs, 2),
    fmt(r.ratio, 2),
    fmt(r.ms === null || r.rawMs === null ? null : r.ms / r.rawMs, 2),
    r.target,
    r.pass === null ? '' : r.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  process.stdout.write(
    [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line), ''].join('\n'),
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '20' },
      repeat: { type: 'string', default: '5' },
      'cache-dir': { type: 'string', default: benchDirectory() },
      'export-timeout': { type: 'string', default: '1200' },
      'bulk-exports-only': { type: 'boolean' },
      counts: { type: 'string', default: 'large' },
      'bare-server': { type: 'boolean' },
      'raw-db': { type: 'string' },
    },
  });
  if (values['bare-server']) {
    const rawDb = values['raw-db'];
    return serveBare(rawDb === undefined ? undefined : (app) => rawRoutes(app, rawDb));
  }
  const target = Number(values.rows);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const repeat = Number(values.repeat);
  const exportTimeout = Number(values['export-timeout']);
  if (![target, seconds, connections, repeat, exportTimeout].every((n) => Number.isInteger(n) && n > 0))
    throw new Error(
      '--rows, --seconds, --connections, --repeat and --export-timeout must be positive integers',
    );
  const log = (line: string) => process.stderr.write(`${line}\n`);

  log(`Building or reusing the synthetic database of ${target} figures…`);
  const counts = values.counts as CountSize;
  if (!COUNT_SIZES.includes(counts)) throw new Error(`--counts: one of ${COUNT_SIZES.join(', ')}`);
  const database = await ensureScaleDatabase(target, log, values['cache-dir'], counts);
  log(`${database.reused ? 'Reusing' : 'Built'} ${database.path}`);
  log(
    `${ensureScaleTargets(database.path)} synthetic targets (Punjab, divisions, districts) for /v1/progress`,
  );

  const children: ChildProcess[] = [];
  const raw = new Database(database.path, { readonly: true });
  try {
    const webPort = await freePort();
    const webUrl = `http://127.0.0.1:${webPort}`;
    const proxySecret = randomBytes(24).toString('base64url');
    log(
      'Starting the built API (checking the stored disclosure pattern), the dashboard and a bare Hono route…',
    );
    const apiStarted = performance.now();
    const api = await startChild([dist('server.js')], {
      DATABASE_PATH: database.path,
      PORT: '0',
      HOST: '127.0.0.1',
      WEB_ORIGIN: webUrl,
      PROXY_SECRET: proxySecret,
    });
    children.push(api.child);
    const apiStartSeconds = (performance.now() - apiStarted) / 1000;
    const bare = await startChild(
      [fileURLToPath(import.meta.url), '--bare-server', '--raw-db', database.path],
      {},
    );
    children.push(bare.child);
    const web = spawn(process.execPath, [WEB_ENTRY], {
      env: {
        ...process.env,
        PORT: String(webPort),
        HOST: '127.0.0.1',
        API_URL: api.url,
        ORIGIN: webUrl,
        PROXY_SECRET: proxySecret,
      },
      stdio: 'ignore',
    });
    children.push(web);
    await waitForWeb(webUrl, web);

    const table: Row[] = [];
    for (const [index, route] of ROUTES.entries()) {
      log(`route ${route.path}`);
      table.push(await measureRoute(api.url, bare.url, raw, index, repeat));
    }
    log('exports');
    table.push(
      ...(await measureExport(
        api.url,
        raw,
        repeat,
        exportTimeout * 1000,
        values['bulk-exports-only'] === true,
      )),
    );

    log(`throughput, ${connections} connections × ${seconds} s each`);
    const bareRun = await throughput(bare.url, seconds, connections, '/');
    table.push({
      name: 'bare Hono JSON route (req/s)',
      rows: 1,
      bytes: null,
      ms: bareRun.p50,
      rawMs: null,
      ratio: 1,
      target: `${bareRun.perSecond.toFixed(0)} req/s`,
      pass: null,
    });
    for (const [path, revalidate] of [
      ['/health', false],
      ['/v1/indicators', false],
      ['/v1/indicators', true],
      [`/v1/scorecard?jurisdiction=${GUJRAT}`, false],
      [`/v1/scorecard?jurisdiction=${GUJRAT}`, true],
    ] as const) {
      // Each share is of a bare run just before it: other work on the machine moves both alike.
      const beside = await throughput(bare.url, seconds, connections, '/', { pid: bare.child.pid! });
      const run = await throughput(api.url, seconds, connections, path, { revalidate, pid: api.child.pid! });
      const share = run.perSecond / beside.perSecond;
      const cpu = (r: typeof run) => `${((r.cpuPerRequest ?? NaN) * 1000).toFixed(0)} µs`;
      table.push({
        name: `${path}${revalidate ? ' If-None-Match → 304' : ''} (req/s ÷ bare)`,
        rows:
          `${run.perSecond.toFixed(0)} req/s (bare ${beside.perSecond.toFixed(0)}); ` +
          `CPU/request ${cpu(run)} (bare ${cpu(beside)}, share ${fmt(beside.cpuPerRequest! / run.cpuPerRequest!, 2)})` +
          (run.notModifiedShare === null
            ? ''
            : `; ${(run.notModifiedShare * 100).toFixed(0)} % answered 304`),
        bytes: null,
        ms: run.p50,
        rawMs: null,
        ratio: share,
        target: '≥ 0.30 of bare',
        pass: share >= 0.3 && run.errors === 0 && (run.notModifiedShare ?? 1) > 0.99,
      });
    }

    for (const page of PAGES) {
      log(`page ${page.path}`);
      const first = await timedGet(webUrl + page.path);
      const times: number[] = [];
      if (first.status === 200)
        for (let i = 0; i < repeat; i++) times.push((await timedGet(webUrl + page.path)).ms);
      const p50 = first.status === 200 ? median(times) : first.ms;
      table.push({
        name: `${page.name} p50`,
        rows: first.status === 200 ? 1 : failure(first.status),
        bytes: first.body.length,
        ms: p50,
        rawMs: null,
        ratio: null,
        target: '≤ 150 ms p50',
        pass: first.status === 200 && p50 <= 150,
      });
      const run = await throughput(webUrl, seconds, connections, page.path);
      table.push({
        name: `${page.name} (pages/s)`,
        rows: `${run.perSecond.toFixed(1)} pages/s`,
        bytes: null,
        ms: run.p50,
        rawMs: null,
        ratio: null,
        target: page.minPerSecond === null ? '' : `≥ ${page.minPerSecond} pages/s`,
        pass: page.minPerSecond === null ? null : run.perSecond >= page.minPerSecond && run.errors === 0,
      });
    }

    process.stdout.write(
      `bench:scale — ${database.rows} published figures, ${counts} counts (${database.reused ? 'cached' : 'built'} database), ` +
        `${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, ` +
        `Node ${process.version}, ${new Date().toISOString()}\n`,
    );
    if (!database.reused)
      process.stdout.write(
        `database built in ${fmt(database.buildSeconds)} s; full disclosure computation ${fmt(database.disclosureSeconds)} s\n`,
      );
    process.stdout.write(`API start (stored disclosure pattern checked): ${apiStartSeconds.toFixed(1)} s\n`);
    printTable(table);
    process.stdout.write(
      `peak RSS: API ${ownPeakRssMb(api.child.pid!).toFixed(0)} MB, dashboard ${ownPeakRssMb(web.pid!).toFixed(0)} MB, ` +
        `bench process ${ownPeakRssMb().toFixed(0)} MB; load average ${loadavg()[0]!.toFixed(1)}\n`,
    );
  } finally {
    raw.close();
    for (const child of children) child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
