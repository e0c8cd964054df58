import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningStack } from '../support/servers.js';
import { useGujratOfficial } from '../support/browser-stack.js';
import { PASSWORD } from './workflow-support.js';

const OFFICIAL = 'urdu.official@example.org';
const URDU = /[\u0600-\u06FF]/;
/** An English sentence: two Latin-script words in a row, quoted values and codes taken out first. */
const englishSentenceIn = (text: string) =>
  /\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/.exec(text.replace(/"[^"]*"|\b\w*[_/.=]\w*\b|\b[A-Z]{2,}\b/g, ' '));

let stack: RunningStack;
let browser: Browser;
let indicatorId: string;

useGujratOfficial(OFFICIAL, (setup) => ({ stack, browser, indicatorId } = setup));

async function signInInUrdu(page: Page, redirectTo: string) {
  await page.goto(`${stack.webUrl}/ur/login?redirectTo=${encodeURIComponent(redirectTo)}`, {
    waitUntil: 'networkidle',
  });
  await page.locator('#field-email').fill(OFFICIAL);
  await page.locator('#field-password').fill(PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname === redirectTo),
    page.locator('#field-password').press('Enter'),
  ]);
  await page.waitForLoadState('networkidle');
}

describe('an Urdu official sees the API’s refusals in Urdu', () => {
  it('the bad row of an import file, and a figure entered twice', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInInUrdu(page, '/ur/imports');
    expect(await page.locator('html').getAttribute('lang')).toBe('ur');

    const header = 'indicator,jurisdiction,year,value,source_title,source_publisher';
    const row = (year: string, value: string) =>
      [indicatorId, 'PK-PB-GUJRAT', year, value, 'Urdu e2e return', 'Gujrat police (e2e)'].join(',');
    await page.locator('#import-file').setInputFiles({
      name: 'figures.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, row('2019', '4'), row('2020', 'many')].join('\r\n')),
    });
    await page.locator('form:has(#import-file) button[type="submit"]').click();
    const errors = page.locator('[data-testid="import-issues"] tbody tr[data-severity="error"]');
    await errors.first().waitFor();
    const cells = await errors.first().locator('td').allInnerTexts();
    expect(await errors.count()).toBe(1);
    expect([cells[0], cells[1]]).toEqual(['3', 'value']);
    expect(cells[3]).toMatch(URDU);
    expect(cells[3]).toContain('"many"');
    expect(englishSentenceIn(cells[3]!)).toBeNull();

    const figure = async () => {
      await page.goto(`${stack.webUrl}/ur/entry`, { waitUntil: 'networkidle' });
      await page.locator('#field-indicator').selectOption(indicatorId);
      await page.locator('#field-jurisdiction').selectOption('PK-PB-GUJRAT');
      await page.locator('#field-year').fill('2021');
      await page.locator('#field-value').fill('7');
      await page.locator('input[type="radio"][value="new"]').check();
      await page.locator('#field-source-title').fill('Urdu e2e entry');
      await page.locator('#field-source-publisher').fill('Gujrat police (e2e)');
      await page.locator('form[action="?/save"] button.primary[type="submit"]').click();
      await page.waitForLoadState('networkidle');
    };
    await figure();
    await page.waitForURL(/\/ur\/entry\?saved=\d+/u);
    await figure();
    const summary = page.locator('.error-summary').first();
    await summary.waitFor();
    const refusal = await summary.innerText();
    expect(refusal).toContain('پہلے سے موجود');
    expect(englishSentenceIn(refusal)).toBeNull();
    await context.close();
  });
});
