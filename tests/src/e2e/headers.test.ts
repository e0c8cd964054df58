import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, paintedPixels } from '../support/browser.js';
import { startStack, type RunningStack } from '../support/servers.js';
import { createUser, signIn } from './workflow-support.js';

let stack: RunningStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) parsed.set(name, values);
  }
  return parsed;
}

function expectHardened(res: Response) {
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('permissions-policy')).toContain('camera=()');
  expect(res.headers.get('strict-transport-security')).toBeNull();
}

/** Opens `path` and collects what the browser reports: CSP violations and script errors. */
async function openWatching(page: Page, path: string) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const response = await page.goto(`${stack.webUrl}${path}`, { waitUntil: 'networkidle' });
  return { status: response?.status() ?? 0, problems };
}

describe('dashboard security headers', () => {
  it('sends a nonce-based CSP without unsafe-inline scripts, and the framing and sniffing headers, on /', async () => {
    const res = await fetch(`${stack.webUrl}/`);
    expect(res.status).toBe(200);
    expectHardened(res);
    expect(res.headers.get('vary')).toContain('Cookie');
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    const scripts = csp.get('script-src') ?? [];
    expect(scripts).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    const nonce = scripts.find((source) => source.startsWith("'nonce-"));
    expect(nonce).toBeDefined();
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce!.slice("'nonce-".length, -1)}"`);
    const again = directives((await fetch(`${stack.webUrl}/`)).headers.get('content-security-policy'));
    expect(again.get('script-src')).not.toEqual(scripts);
  });

  it('hydrates pages and paints charts under the CSP, with no violation reported', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      for (const path of ['/', '/indicators/victims_identified', '/compare', '/progress']) {
        const { status, problems } = await openWatching(page, path);
        expect(status, path).toBe(200);
        expect(problems, path).toEqual([]);
      }
      await openWatching(page, '/');
      expect(await paintedPixels(page, 'figure canvas')).toBeGreaterThan(500);
    } finally {
      await page.close();
    }
  });

  it('keeps signed-in pages out of every cache and varies them on the cookie', async () => {
    const email = 'headers-official@example.org';
    createUser(stack.databasePath, email, 'district_official', 'PK-PB-GUJRAT');
    const { context, page } = await signIn(browser, stack.webUrl, email);
    try {
      const session = (await context.cookies()).find((cookie) => cookie.name === 'fourp_session');
      expect(session).toBeDefined();
      const res = await fetch(`${stack.webUrl}/entry`, {
        headers: { cookie: `fourp_session=${session!.value}` },
        redirect: 'manual',
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(email);
      expectHardened(res);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('vary')).toContain('Cookie');
      const { problems } = await openWatching(page, '/entry');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('passes the API’s Vary and caching headers through the /api proxy', async () => {
    const direct = await fetch(`${stack.apiUrl}/v1/sources?limit=1`, {
      headers: { 'accept-encoding': 'identity' },
    });
    const res = await fetch(`${stack.webUrl}/api/v1/sources?limit=1`);
    expect(res.status).toBe(200);
    expectHardened(res);
    expect(direct.headers.get('vary')).toMatch(/Cookie/i);
    expect(res.headers.get('vary')).toBe(direct.headers.get('vary'));
    expect(res.headers.get('cache-control')).toBe(direct.headers.get('cache-control'));
    expect(res.headers.get('etag')).toBe(direct.headers.get('etag'));
  });
});
