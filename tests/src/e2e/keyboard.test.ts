import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningStack } from '../support/servers.js';
import { useGujratOfficial } from '../support/browser-stack.js';
import { PASSWORD } from './workflow-support.js';

const OFFICIAL = 'keyboard.official@example.org';
/** Each language enters its own year: a second figure for the same year and place would be refused. */
const LANGUAGES = [
  { lang: 'en', prefix: '', year: '2023' },
  { lang: 'ur', prefix: '/ur', year: '2022' },
];

let stack: RunningStack;
let browser: Browser;
let indicatorId: string;

useGujratOfficial(OFFICIAL, (setup) => ({ stack, browser, indicatorId } = setup));

/** What has the keyboard focus: its id, the action of its form, and the figure row it sits in. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      id: element?.id ?? '',
      tag: element?.tagName.toLowerCase() ?? '',
      value: (element as HTMLInputElement | null)?.value ?? '',
      formAction: element?.closest('form')?.getAttribute('action') ?? '',
      figure: element?.closest('tr')?.getAttribute('data-figure') ?? '',
    };
  });

/** Presses Tab until the focus is where `reached` says; fails if it never gets there. */
async function tabUntil(page: Page, reached: (at: Awaited<ReturnType<typeof focused>>) => boolean) {
  for (let presses = 0; presses < 150; presses += 1) {
    if (reached(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the element; focus is on ${JSON.stringify(await focused(page))}`);
}

const tabToId = (page: Page, id: string) => tabUntil(page, (at) => at.id === id);

/** Moves a focused select or radio group with the arrow keys until it holds `value` (a radio group wraps round). */
async function arrowTo(page: Page, value: string) {
  for (let presses = 0; presses < 200; presses += 1) {
    if ((await focused(page)).value === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the arrow keys never reached ${value}`);
}

describe.each(LANGUAGES)("an official's flow by keyboard alone ($lang)", ({ lang, prefix, year }) => {
  it('signs in, enters a figure with a new source and submits it for review', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}${prefix}/login?redirectTo=${encodeURIComponent(`${prefix}/entry`)}`, {
      waitUntil: 'networkidle',
    });
    await tabToId(page, 'field-email');
    await page.keyboard.type(OFFICIAL);
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('field-password');
    await page.keyboard.type(PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname.endsWith('/entry')),
      page.keyboard.press('Enter'),
    ]);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);

    await tabToId(page, 'field-indicator');
    await arrowTo(page, indicatorId);
    await page.keyboard.press('Tab');
    await tabToId(page, 'field-jurisdiction');
    await arrowTo(page, 'PK-PB-GUJRAT');
    await tabToId(page, 'field-year');
    await page.keyboard.type(year);
    await tabToId(page, 'field-value');
    await page.keyboard.type('21');
    await tabUntil(page, (at) => at.tag === 'input' && ['existing', 'new'].includes(at.value));
    await arrowTo(page, 'new');
    await tabToId(page, 'field-source-title');
    await page.keyboard.type('Gujrat police return (keyboard test)');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('field-source-publisher');
    await page.keyboard.type('Punjab Police (keyboard test)');
    await tabUntil(page, (at) => at.tag === 'button' && at.formAction === '?/save');
    await Promise.all([page.waitForURL(/\/entry\?saved=\d+/u), page.keyboard.press('Enter')]);
    await page.waitForLoadState('networkidle');
    const figureId = new URL(page.url()).searchParams.get('saved')!;
    const row = page.locator(`tr[data-figure="${figureId}"]`);
    expect(await row.locator('.wf-state').getAttribute('data-state')).toBe('draft');

    await tabUntil(
      page,
      (at) => at.figure === figureId && at.tag === 'button' && at.formAction === '?/submit',
    );
    await page.keyboard.press('Space');
    await row.locator('.wf-state[data-state="submitted"]').waitFor();
    await context.close();
  });
});
