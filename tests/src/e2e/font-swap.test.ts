import type { Browser, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningStack } from '../support/servers.js';
import { useBrowserStack } from '../support/browser-stack.js';

let stack: RunningStack;
let browser: Browser;

useBrowserStack((started, launched) => {
  stack = started;
  browser = launched;
});

const NASTALIQ = '16px "Noto Nastaliq Urdu"';

type Shift = { value: number; at: number; sources: string[] };

declare global {
  interface Window {
    shifts: Shift[];
  }
}

/**
 * An Urdu page drawn first in the fallback face while the Nastaliq file is held back, then given the file:
 * the layout shifts the swap causes (Cumulative Layout Shift counted from the moment the file is released).
 */
async function shiftAcrossSwap(
  path: string,
): Promise<{ fallbackFirst: string[]; swapped: boolean; cls: number; shifts: Shift[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources: { node?: Node | null }[];
      })[])
        if (!entry.hadRecentInput)
          window.shifts.push({
            value: entry.value,
            at: entry.startTime,
            sources: entry.sources.map(
              (source) => (source.node as Element | null)?.outerHTML?.slice(0, 80) ?? '?',
            ),
          });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  let held: Route | undefined;
  const requested = new Promise<void>((resolve) =>
    page.route('**/*nastaliq*.woff2', (route) => {
      held = route;
      resolve();
    }),
  );
  await page.goto(`${stack.webUrl}${path}`, { waitUntil: 'domcontentloaded' });
  await requested;
  await page.waitForFunction(() => document.querySelector('main') !== null);
  await page.waitForTimeout(1500);
  const fallbackFirst = await page.evaluate((font) => {
    if (document.fonts.check(font, 'اردو')) return [];
    return [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family);
  }, NASTALIQ);
  const releasedAt = await page.evaluate(() => performance.now());
  await held!.continue();
  await page.waitForFunction((font) => document.fonts.check(font, 'اردو'), NASTALIQ);
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 500))),
      ),
  );
  const shifts = (await page.evaluate(() => window.shifts)).filter((shift) => shift.at >= releasedAt);
  const swapped = await page.evaluate((font) => document.fonts.check(font, 'اردو'), NASTALIQ);
  await page.close();
  return { fallbackFirst, swapped, cls: shifts.reduce((sum, shift) => sum + shift.value, 0), shifts };
}

describe('the Nastaliq web font arriving late', () => {
  it.each(['/ur', '/ur/indicators/victims_identified'])(
    'barely moves %s (CLS below 0.01) when it replaces the metric-matched fallback',
    async (path) => {
      const { fallbackFirst, swapped, cls, shifts } = await shiftAcrossSwap(path);
      expect(fallbackFirst.some((family) => family.startsWith('Nastaliq fallback'))).toBe(true);
      expect(swapped).toBe(true);
      // Not 0: words differ in width between Nastaliq and any fallback (±20 %), so a line may still rewrap.
      expect(cls, JSON.stringify(shifts)).toBeLessThan(0.01);
    },
  );
});
