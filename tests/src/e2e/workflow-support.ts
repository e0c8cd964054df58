import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { IndicatorListResponse, ObservationListResponse } from '@fourp/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiJson } from '../support/browser.js';

const repoRoot = new URL('../../../', import.meta.url).pathname;
export const PASSWORD = 'e2e-password-not-secret';

/** Creates an account with the API's own CLI on the stack's database, as an administrator would on the server. */
export function createUser(databasePath: string, email: string, role: string, jurisdiction?: string) {
  const args = [join(repoRoot, 'apps/api/dist/cli/user-create.js'), '--email', email, '--role', role];
  if (jurisdiction) args.push('--jurisdiction', jurisdiction);
  const run = spawnSync(process.execPath, args, {
    env: { ...process.env, DATABASE_PATH: databasePath, FOURP_PASSWORD: PASSWORD },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`user:create ${email} failed: ${run.stderr}${run.stdout}`);
}

/** Signs in through the dashboard's login form in a fresh browser context. */
export async function signIn(
  browser: Browser,
  webUrl: string,
  email: string,
  options: {
    javaScriptEnabled?: boolean;
    viewport?: { width: number; height: number };
    bypassCSP?: boolean;
  } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  const page = await context.newPage();
  await page.goto(`${webUrl}/login`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/login')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  return { context, page };
}

/** Signs in to the API directly and returns a JSON caller that sends the cookie and the CSRF header. */
export async function apiSession(apiUrl: string, email: string) {
  const login = await fetch(`${apiUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login ${email}: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { data } = (await login.json()) as { data: { csrfToken: string } };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'X-FourP-CSRF': data.csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** A count indicator with a desired direction, no formula, no suppression, and no Gujrat figure yet. */
export async function indicatorWithoutGujratData(apiUrl: string, { identifying = false } = {}) {
  const indicators = await apiJson<IndicatorListResponse>(apiUrl, '/v1/indicators');
  const candidates = indicators.data.filter(
    (i) =>
      i.measureType === 'count' &&
      !i.formula &&
      i.identifying === identifying &&
      i.direction === 'higher_is_better',
  );
  for (const candidate of candidates) {
    const existing = await apiJson<ObservationListResponse>(
      apiUrl,
      `/v1/observations?indicator=${candidate.id}&jurisdiction=PK-PB-GUJRAT`,
    );
    if (existing.data.length === 0) return candidate;
  }
  throw new Error('every candidate indicator already has Gujrat data');
}
