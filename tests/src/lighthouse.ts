// Lighthouse scores of the built dashboard on a fresh seeded database: performance of the overview and
// indicator pages, accessibility of every public page in each language. A command, not a test:
// `pnpm lighthouse` (after `pnpm run build`); `pnpm lighthouse accessibility` runs one category only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium } from 'playwright-core';
import { measuringBrowserPath } from './support/browser.js';
import { freePort, startStack } from './support/servers.js';
import { PUBLIC_PATHS } from './support/public-pages.js';

const PERFORMANCE_PAGES = ['/', '/indicators/victims_identified'];
const PERFORMANCE_TARGET = 95;
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
  const only = process.argv[2];
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
      const lhr = await run(path, 'performance', formFactor);
      if (reportDir !== undefined && lhr !== undefined) {
        mkdirSync(reportDir, { recursive: true });
        const name = `${path.replace(/[^a-z0-9]+/gi, '_')}-${formFactor}.json`;
        writeFileSync(join(reportDir, name), JSON.stringify(lhr));
      }
      const score = Math.round((lhr?.categories['performance']?.score ?? 0) * 100);
      const metric = (id: string) => lhr?.audits[id]?.displayValue ?? '–';
      failed ||= score < PERFORMANCE_TARGET;
      process.stdout.write(
        `${path} (${formFactor}): performance ${score} (target ≥ ${PERFORMANCE_TARGET}); FCP ${metric('first-contentful-paint')}, ` +
          `LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, ` +
          `CLS ${metric('cumulative-layout-shift')}, JS transferred ${metric('total-byte-weight')}\n`,
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

await main();
