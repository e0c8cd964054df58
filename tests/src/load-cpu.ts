// Main-thread CPU time (thread time, which other processes move far less than Lighthouse's wall-clock scores) while
// the overview and indicator pages load. A command, not a test: `pnpm load-cpu [runs]` (after `pnpm run build`);
// `LOAD_CPU_TRACE_DIR=dir` keeps each trace for Chromium's DevTools (Performance panel).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { measuringBrowserPath } from './support/browser.js';
import { startStack } from './support/servers.js';

const PAGES = ['/', '/indicators/victims_identified'];
/** Lighthouse's phone screen; its CPU slowdown, applied to thread time for the blocking-time column. */
const VIEWPORT = { width: 412, height: 823 };
const CPU_SLOWDOWN = 4;
const LONG_TASK_MS = 50;
/** Trace events counted in each column (only the outermost of nested events of one name). */
const COLUMNS: Record<string, string[]> = {
  parse: ['ParseHTML', 'ParseAuthorStyleSheet'],
  style_layout: ['UpdateLayoutTree', 'Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize'],
  compile: ['v8.compileModule', 'v8.compile'],
  evaluate: ['v8.evaluateModule', 'EvaluateScript'],
  /** SvelteKit's start, and with it Svelte's hydration, runs in promise callbacks. */
  microtasks: ['RunMicrotasks'],
};

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { beginData?: { url?: string } };
};

/** Thread time (ms) of the outermost events named `names`, on the thread whose complete events are `events`. */
function threadTime(events: TraceEvent[], names: string[]): number {
  let total = 0;
  for (const name of names) {
    let end = -1;
    for (const event of events.filter((e) => e.name === name).sort((a, b) => a.ts - b.ts)) {
      if (event.ts < end) continue;
      total += event.tdur ?? 0;
      end = event.ts + (event.dur ?? 0);
    }
  }
  return total / 1000;
}

/** The main thread of the renderer that parsed the page at `url` (the browser's own pages have renderers too). */
function pageMainThread(trace: TraceEvent[], url: string): TraceEvent[] {
  const parse = trace.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (parse === undefined) throw new Error(`no trace of ${url} being parsed`);
  return trace.filter((e) => e.ph === 'X' && e.pid === parse.pid && e.tid === parse.tid);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main() {
  const runs = Number(process.argv[2] ?? 5);
  const traceDir = process.env.LOAD_CPU_TRACE_DIR;
  const stack = await startStack();
  const browser = await chromium.launch({
    executablePath: measuringBrowserPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    for (const path of PAGES) {
      const rows: Record<string, number>[] = [];
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext({ viewport: VIEWPORT });
        const page = await context.newPage();
        await browser.startTracing(page, {
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
        });
        await page.goto(`${stack.webUrl}${path}`, { waitUntil: 'networkidle' });
        const bytes = await browser.stopTracing();
        await context.close();
        if (traceDir !== undefined) {
          mkdirSync(traceDir, { recursive: true });
          writeFileSync(join(traceDir, `${path.replace(/[^a-z0-9]+/gi, '_')}-${run}.json`), bytes);
        }
        const trace = (JSON.parse(bytes.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
        const events = pageMainThread(trace, `${stack.webUrl}${path}`);
        const tasks = events.filter((e) => e.name === 'RunTask').map((e) => (e.tdur ?? 0) / 1000);
        rows.push({
          ...Object.fromEntries(
            Object.entries(COLUMNS).map(([column, names]) => [column, threadTime(events, names)]),
          ),
          total: tasks.reduce((sum, ms) => sum + ms, 0),
          longest: Math.max(0, ...tasks),
          [`blocking_x${CPU_SLOWDOWN}`]: tasks.reduce(
            (sum, ms) => sum + Math.max(0, ms * CPU_SLOWDOWN - LONG_TASK_MS),
            0,
          ),
        });
      }
      const columns = Object.keys(rows[0] ?? {});
      process.stdout.write(
        `${path} (median of ${runs}, ms of main-thread CPU): ${columns.map((c) => `${c} ${median(rows.map((r) => r[c] ?? 0)).toFixed(1)}`).join(', ')}\n`,
      );
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}

await main();
