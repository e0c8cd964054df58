/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate run in the browser, so the e2e tests type-check against the DOM too.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const outputDir = new URL('../../test-output/', import.meta.url).pathname;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * The browser the measuring commands (`pnpm lighthouse`, `pnpm load-cpu`) drive: `CHROME_PATH` when set, else
 * Debian's `chromium-headless-shell` (the same Chromium engine without the browser's own window, tab strip and
 * WebUI renderer, which on a 2-core machine took CPU from the page being measured), else Chromium itself.
 */
export function measuringBrowserPath(): string {
  const shell = '/usr/bin/chromium-headless-shell';
  return (
    process.env.CHROME_PATH ??
    (existsSync(shell) ? shell : (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))
  );
}

/** A full-page screenshot in tests/test-output/ for a human to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(outputDir, { recursive: true });
  const path = join(outputDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Scrolls the first chart on the page into view (charts are drawn once on screen) and waits until it is drawn. */
export async function chartDrawn(page: Page, figure = 'figure.chart'): Promise<void> {
  await page.locator(figure).first().scrollIntoViewIfNeeded();
  await page.waitForSelector(`${figure}[data-chart-ready="true"]`);
}

/** How many pixels of the canvas are painted (not fully transparent and not white). */
export function paintedPixels(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (element) => {
    const canvas = element as HTMLCanvasElement;
    const context = canvas.getContext('2d');
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let index = 0; index < data.length; index += 4) {
      const [r, g, b, a] = [data[index], data[index + 1], data[index + 2], data[index + 3]];
      if ((a ?? 0) > 0 && !(r === 255 && g === 255 && b === 255)) painted += 1;
    }
    return painted;
  });
}

/** Reads a JSON body from the API; the tests take expected figures from here, never hard-code them. */
export async function apiJson<T>(apiUrl: string, path: string): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`);
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}
