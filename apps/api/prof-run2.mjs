// usage: node run2.mjs <api dist dir> <db> : API in a child process (as the bench), raw scan + streaming client here
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
const [dist, dbPath, mode] = process.argv.slice(2);
if (mode === 'serve') {
  const { createApp } = await import(`${dist}/app.js`);
  const { openDatabase } = await import(`${dist}/db/client.js`);
  const { serve } = await import('@hono/node-server');
  const database = openDatabase(dbPath);
  const app = createApp({ db: database.db, logger: { info() {}, warn() {}, error: console.error } });
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => console.log(`PORT ${s.address().port}`));
} else {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), dist, dbPath, 'serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((r) => child.stdout.on('data', (d) => { const m = /PORT (\d+)/.exec(String(d)); if (m) r(m[1]); }));
  const base = `http://127.0.0.1:${port}`;
  const raw = new Database(dbPath, { readonly: true });
  const COLS = `o.id, o.indicator_id, o.jurisdiction_id, o.year, o.year_end, o.period, o.disaggregation,
    o.value, o.status, o.conf_status, o.definition, o.unit_as_read, o.value_as_read, o.note,
    s.id as source_id, s.title, s.publisher, s.year as source_year, s.locator, s.kind, o.workflow_state, o.superseded_by, d.state`;
  const rawScan = () => {
    const t = performance.now(); const c0 = process.cpuUsage(); let rows = 0, bytes = 0;
    for (const row of raw.prepare(`select ${COLS} from observations o join sources s on s.id = o.source_id left join disclosure_states d on d.observation_id = o.id where o.workflow_state='published' order by o.indicator_id, o.jurisdiction_id, o.year, o.id`).raw().iterate()) {
      bytes += row.map((v) => (v === null ? '' : JSON.stringify(v))).join(',').length + 1; rows++;
    }
    const d = process.cpuUsage(c0); return { rows, bytes, ms: performance.now() - t, cpu: (d.user + d.system) / 1000 };
  };
  const { readFileSync } = await import('node:fs');
  const childCpu = () => { const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
  const get = async (path) => {
    const t = performance.now(); const c0 = childCpu();
    const res = await fetch(base + path, { headers: { 'accept-encoding': 'identity' } });
    let bytes = 0, lines = 0;
    for await (const c of res.body) { bytes += c.length; for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lines++; }
    return { status: res.status, lines, bytes, ms: performance.now() - t, cpu: childCpu() - c0 };
  };
  const paths = (process.env.PATHS ?? '/v1/observations/bulk?format=csv,/v1/observations/bulk?format=ndjson').split(',');
  await get('/v1/observations?limit=1');
  for (let round = 0; round < Number(process.env.ROUNDS ?? 2); round++) {
    const r = rawScan();
    console.log(`raw ${r.rows} rows ${r.bytes} B ${r.ms.toFixed(0)} ms cpu ${r.cpu.toFixed(0)}`);
    for (const p of paths) {
      const e = await get(p);
      console.log(`${p} ${e.status} ${e.lines} lines ${e.bytes} B ${e.ms.toFixed(0)} ms ratio ${(e.ms / e.lines / (r.ms / r.rows)).toFixed(2)} server cpu ${e.cpu} cpu-ratio ${(e.cpu / e.lines / (r.cpu / r.rows)).toFixed(2)}`);
    }
  }
  child.kill();
  process.exit(0);
}
