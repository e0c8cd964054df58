// Lighthouse scores of the built dashboard on a fresh seeded database: performance of the overview and
// indicator pages, accessibility of every public page in each language. A command, not a test:
// `pnpm lighthouse` (after `pnpm run build`); `pnpm lighthouse accessibility` runs one category only;
// `--runs N` sets how many times each performance page is measured (default 5).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse, { desktopConfig } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { chromium } from 'playwright-core';
import { measuringBrowserPath } from './support/browser.js';
import { freePort, startStack } from './support/servers.js';
import { PUBLIC_PATHS } from './support/public-pages.js';

const PERFORMANCE_PAGES = ['/', '/indicators/victims_identified'];
const PERFORMANCE_TARGET = 95;
/**
 * A single performance run moves by several points on this 2-core machine (the score simulates a phone from
 * the wall time of each task, which other processes stretch), so each page is measured several times and
 * judged on Lighthouse's own median run (the run nearest the median first paint and time to interactive), as
 * Lighthouse's guidance on variability advises.
 */
const DEFAULT_PERFORMANCE_RUNS = 5;
/** Lighthouse's default (a throttled mid-range phone) and its desktop preset. */
const FORM_FACTORS = ['mobile', 'desktop'] as const;
const PUBLIC_PAGES = [...PUBLIC_PATHS, '/indicators/victims_identified?tab=table'];
/** The URL prefix of each language. */
const LANGUAGE_PREFIXES = ['', '/ur'];
const ACCESSIBILITY_TARGET = 100;

async function main() {
  const stack = await startStack();
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: measuringBrowserPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`],
  });
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: String(DEFAULT_PERFORMANCE_RUNS) } },
  });
  const only = positionals[0];
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a whole number ≥ 1, not "${values.runs}"`);
  const reportDir = process.env.LIGHTHOUSE_REPORT_DIR;
  let failed = false;
  const run = (path: string, category: string, formFactor: (typeof FORM_FACTORS)[number]) =>
    lighthouse(
      `${stack.webUrl}${path}`,
      { port, output: 'json', logLevel: 'error', onlyCategories: [category] },
      formFactor === 'desktop' ? desktopConfig : undefined,
    ).then((result) => result?.lhr);
  try {
    const performancePages = only === undefined || only === 'performance' ? PERFORMANCE_PAGES : [];
    const accessibilityPages = only === undefined || only === 'accessibility' ? PUBLIC_PAGES : [];
    for (const [path, formFactor] of performancePages.flatMap((p) =>
      FORM_FACTORS.map((f) => [p, f] as const),
    )) {
      const results: LighthouseResult[] = [];
      for (let index = 0; index < runs; index += 1) {
        const lhr = await run(path, 'performance', formFactor);
        if (lhr === undefined) throw new Error(`Lighthouse gave no result for ${path} (${formFactor})`);
        results.push(lhr);
        if (reportDir !== undefined) {
          mkdirSync(reportDir, { recursive: true });
          const name = `${path.replace(/[^a-z0-9]+/gi, '_')}-${formFactor}-${index + 1}.json`;
          writeFileSync(join(reportDir, name), JSON.stringify(lhr));
        }
      }
      const median = computeMedianRun(results);
      const score = performanceScore(median);
      const metric = (id: string) => median.audits[id]?.displayValue ?? '–';
      failed ||= score < PERFORMANCE_TARGET;
      process.stdout.write(
        `${path} (${formFactor}): performance ${score} (the median run; all ${runs}: ${results.map(performanceScore).join(', ')}; ` +
          `target ≥ ${PERFORMANCE_TARGET}); FCP ${metric('first-contentful-paint')}, ` +
          `LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, ` +
          `CLS ${metric('cumulative-layout-shift')}; transferred: ${transferred(median, 'script')} of script, ` +
          `${transferred(median, 'total')} in all\n`,
      );
    }
    for (const path of LANGUAGE_PREFIXES.flatMap((prefix) =>
      accessibilityPages.map((page) => `${prefix}${page}`),
    )) {
      const lhr = await run(path, 'accessibility', 'mobile');
      const score = Math.round((lhr?.categories['accessibility']?.score ?? 0) * 100);
      const failing = Object.values(lhr?.audits ?? {})
        .filter((audit) => audit.scoreDisplayMode === 'binary' && audit.score === 0)
        .map((audit) => audit.id);
      failed ||= score < ACCESSIBILITY_TARGET;
      process.stdout.write(
        `${path}: accessibility ${score} (target ${ACCESSIBILITY_TARGET})` +
          `${failing.length > 0 ? `; failing: ${failing.join(', ')}` : ''}\n`,
      );
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
  if (failed) process.exitCode = 1;
}

type LighthouseResult = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

function performanceScore(lhr: LighthouseResult): number {
  return Math.round((lhr.categories['performance']?.score ?? 0) * 100);
}

/** Bytes over the wire of one kind of resource (`script`, `total`…), from Lighthouse's resource summary. */
function transferred(lhr: LighthouseResult, resourceType: string): string {
  const details = lhr.audits['resource-summary']?.details;
  const items = details?.type === 'table' ? details.items : [];
  const row = items.find((item) => item['resourceType'] === resourceType);
  const bytes = typeof row?.['transferSize'] === 'number' ? row['transferSize'] : undefined;
  const count = typeof row?.['requestCount'] === 'number' ? row['requestCount'] : undefined;
  return bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KiB (${count} files)`;
}

await main();
