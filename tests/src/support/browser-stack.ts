import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startStack, type RunningStack } from './servers.js';

/**
 * Starts the built API and dashboard on a fresh database and a browser before a test file's own set-up, hands them
 * to `ready`, and stops both after the file.
 */
export function useBrowserStack(ready: (stack: RunningStack, browser: Browser) => void): void {
  let stack: RunningStack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    ready(stack, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
}
