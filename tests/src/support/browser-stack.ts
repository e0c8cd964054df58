import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createUser, indicatorWithoutGujratData } from '../e2e/workflow-support.js';
import { launchBrowser } from './browser.js';
import { startStack, type RunningStack } from './servers.js';

/**
 * Starts the built API and dashboard on a fresh database and a browser before a test file's own set-up, hands them
 * to `ready`, and stops both after the file.
 */
export function useBrowserStack(
  ready: (stack: RunningStack, browser: Browser) => void | Promise<void>,
): void {
  let stack: RunningStack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    await ready(stack, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
}

export type OfficialStack = { stack: RunningStack; browser: Browser; indicatorId: string };

/**
 * `useBrowserStack` plus a Gujrat district official signing in as `email` (password `PASSWORD`) and a count
 * indicator Gujrat has no figure for yet, for a test file that enters figures.
 */
export function useGujratOfficial(email: string, ready: (setup: OfficialStack) => void): void {
  useBrowserStack(async (stack, browser) => {
    createUser(stack.databasePath, email, 'district_official', 'PK-PB-GUJRAT');
    ready({ stack, browser, indicatorId: (await indicatorWithoutGujratData(stack.apiUrl)).id });
  });
}
