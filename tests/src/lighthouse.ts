// Lighthouse performance scores of the built dashboard's overview and indicator pages, on a fresh seeded
// database. A command, not a test: `pnpm lighthouse` (after `pnpm run build`).
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium } from 'playwright-core';
import { freePort, startStack } from './support/servers.js';

const PAGES = ['/', '/indicators/victims_identified'];
const TARGET = 95;
/** Lighthouse's default (a throttled mid-range phone) and its desktop preset. */
const FORM_FACTORS = ['mobile', 'desktop'] as const;

async function main() {
  const stack = await startStack();
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`],
  });
  let failed = false;
  try {
    for (const [path, formFactor] of PAGES.flatMap((p) => FORM_FACTORS.map((f) => [p, f] as const))) {
      const result = await lighthouse(
        `${stack.webUrl}${path}`,
        { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
        formFactor === 'desktop' ? desktopConfig : undefined,
      );
      const lhr = result?.lhr;
      const score = Math.round((lhr?.categories['performance']?.score ?? 0) * 100);
      const metric = (id: string) => lhr?.audits[id]?.displayValue ?? '–';
      failed ||= score < TARGET;
      process.stdout.write(
        `${path} (${formFactor}): performance ${score} (target ≥ ${TARGET}); FCP ${metric('first-contentful-paint')}, ` +
          `LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, ` +
          `CLS ${metric('cumulative-layout-shift')}, JS transferred ${metric('total-byte-weight')}\n`,
      );
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
  if (failed) process.exitCode = 1;
}

await main();
