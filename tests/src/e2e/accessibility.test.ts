import type { Browser, BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from '../support/axe.js';
import { chartDrawn, paintedPixels, screenshot } from '../support/browser.js';
import { PUBLIC_PATHS } from '../support/public-pages.js';
import type { RunningStack } from '../support/servers.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { apiSession, createUser, signIn } from './workflow-support.js';

const OFFICIAL = 'a11y.official@example.org';
const REVIEWER = 'a11y.reviewer@example.org';
const ADMIN = 'a11y.admin@example.org';
const INDICATOR = 'victims_identified';

type Who = 'anonymous' | 'official' | 'reviewer' | 'admin';

/** Every page of apps/web/src/routes, each as the visitors who see it differently. */
const PAGES: { who: Who; path: string }[] = [
  ...[
    ...PUBLIC_PATHS.flatMap((path) =>
      path.startsWith('/indicators/')
        ? ['chart', 'table', 'about', 'sources'].map((tab) => `${path}?tab=${tab}`)
        : [path],
    ),
    '/pillars/context',
    '/no-such-page',
  ].map((path) => ({ who: 'anonymous' as const, path })),
  ...[
    '/',
    `/indicators/${INDICATOR}?tab=table`,
    '/entry',
    '/entry/:draft',
    '/imports',
    '/account',
    '/logout',
  ].map((path) => ({ who: 'official' as const, path })),
  ...['/review', '/entry/:draft', '/account'].map((path) => ({ who: 'reviewer' as const, path })),
  ...['/admin', '/admin/jurisdictions', '/account'].map((path) => ({ who: 'admin' as const, path })),
];

/** A path in the language of `prefix`: `/ur` for the overview, `/ur/compare` for a page. */
const localised = (prefix: string, path: string) =>
  prefix !== '' && path === '/' ? prefix : `${prefix}${path}`;

const LANGUAGES = [
  { lang: 'en', prefix: '' },
  { lang: 'ur', prefix: '/ur' },
];

let stack: RunningStack;
let browser: Browser;
let draftId: number;
const contexts = new Map<Who, BrowserContext>();

useBrowserStack((started, launched) => {
  stack = started;
  browser = launched;
});

beforeAll(async () => {
  createUser(stack.databasePath, OFFICIAL, 'district_official', 'PK-PB-GUJRAT');
  createUser(stack.databasePath, REVIEWER, 'provincial_reviewer');
  createUser(stack.databasePath, ADMIN, 'admin');
  const call = await apiSession(stack.apiUrl, OFFICIAL);
  const draft = await call<{ data: { id: number } }>('POST', '/v1/observations', {
    indicator: INDICATOR,
    jurisdiction: 'PK-PB-GUJRAT-GUJRAT',
    year: 2024,
    value: 5,
    source: { title: 'Accessibility test source', publisher: 'Punjab (e2e test)' },
  });
  await call('POST', `/v1/observations/${draft.data.id}/submit`, {});
  draftId = draft.data.id;
  contexts.set(
    'anonymous',
    await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true }),
  );
  for (const [who, email] of [
    ['official', OFFICIAL],
    ['reviewer', REVIEWER],
    ['admin', ADMIN],
  ] as const) {
    contexts.set(who, (await signIn(browser, stack.webUrl, email, { bypassCSP: true })).context);
  }
});

describe.each(LANGUAGES)('axe-core on every page ($lang)', ({ lang, prefix }) => {
  it.concurrent.each(PAGES)('$path as $who has no violations', async ({ who, path }) => {
    const page = await contexts.get(who)!.newPage();
    try {
      const url = `${stack.webUrl}${localised(prefix, path.replace(':draft', String(draftId)))}`;
      const response = await page.goto(url, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(path === '/no-such-page' ? 404 : 200);
      expect(new URL(page.url()).pathname).toBe(new URL(url).pathname);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(describeViolations(await axeViolations(page))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe.each(LANGUAGES)('screenshots ($lang)', ({ lang, prefix }) => {
  it.each([
    { name: 'overview', who: 'anonymous' as const, path: '/', chart: true },
    { name: 'indicator', who: 'anonymous' as const, path: `/indicators/${INDICATOR}`, chart: true },
    { name: 'compare', who: 'anonymous' as const, path: '/compare', chart: true },
    { name: 'entry', who: 'official' as const, path: '/entry', chart: false },
  ])('saves the $name page with its chart painted', async ({ name, who, path, chart }) => {
    const page = await contexts.get(who)!.newPage();
    await page.goto(`${stack.webUrl}${localised(prefix, path)}`, { waitUntil: 'networkidle' });
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    if (chart) {
      await chartDrawn(page);
      expect(await paintedPixels(page, 'figure canvas')).toBeGreaterThan(500);
    }
    await screenshot(page, `${lang}-${name}`);
    await page.close();
  });
});

describe('what axe cannot see', () => {
  it('moves the focus to the main content from the skip link, the first stop on the page', async () => {
    const page = await contexts.get('anonymous')!.newPage();
    await page.goto(`${stack.webUrl}/indicators`, { waitUntil: 'networkidle' });
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const element = document.activeElement as HTMLAnchorElement;
      const box = element.getBoundingClientRect();
      return { href: element.getAttribute('href'), onScreen: box.top >= 0 && box.height > 0 };
    });
    expect(skip).toEqual({ href: '#main', onScreen: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(
      true,
    );
    await page.close();
  });

  it.each([
    { who: 'anonymous' as const, path: '/' },
    { who: 'official' as const, path: '/entry' },
  ])('draws a visible outline around every element the Tab key reaches on $path', async ({ who, path }) => {
    const page = await contexts.get(who)!.newPage();
    await page.goto(`${stack.webUrl}${path}`, { waitUntil: 'networkidle' });
    const unmarked: string[] = [];
    const seen = new Set<string>();
    for (let presses = 0; presses < 60; presses += 1) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        const describe = `${element.tagName.toLowerCase()}#${element.id}.${element.className}:${element.textContent?.trim().slice(0, 30)}`;
        const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
        return { describe, marked: outline, body: element === document.body };
      });
      if (focus.body || seen.has(focus.describe)) break;
      seen.add(focus.describe);
      if (!focus.marked) unmarked.push(focus.describe);
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(unmarked).toEqual([]);
    await page.close();
  });

  it('draws charts at once, without animation, when the visitor asks for reduced motion', async () => {
    const firstPaint = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await browser.newPage({ reducedMotion });
      // Charts also skip animation for automated browsers; pose as a person's browser to see the preference alone.
      await page.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false });
        new MutationObserver((_, observer) => {
          const figure = document.querySelector('figure[data-chart-ready="true"]');
          if (!figure) return;
          observer.disconnect();
          const canvas = figure.querySelector('canvas')!;
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          (window as unknown as { painted: number }).painted = data.filter(
            (_, i) => i % 4 === 3 && data[i]! > 0,
          ).length;
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-chart-ready'] });
      });
      await page.goto(`${stack.webUrl}/indicators/${INDICATOR}`, { waitUntil: 'networkidle' });
      await chartDrawn(page);
      const painted = await page.evaluate(() => (window as unknown as { painted: number }).painted);
      await page.close();
      return painted;
    };
    expect(await firstPaint('reduce')).toBeGreaterThan(500);
    expect(await firstPaint('no-preference')).toBe(0);
  });

  it('announces a form error and ties it to its field', async () => {
    const page = await contexts.get('official')!.newPage();
    await page.goto(`${stack.webUrl}/entry`, { waitUntil: 'networkidle' });
    await page.locator('button[type="submit"].primary').click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('role')).toBe('alert');
    const field = page.locator('#field-indicator');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await field.getAttribute('aria-describedby'))!
      .split(' ')
      .find((id) => id.endsWith('-error'));
    const message = (await page.locator(`[id="${errorId}"]`).innerText()).trim();
    expect(message.length).toBeGreaterThan(0);
    expect(await summary.locator('a[href="#field-indicator"]').count()).toBe(1);
    expect(await summary.innerText()).toContain(message);
    await page.close();
  });
});
