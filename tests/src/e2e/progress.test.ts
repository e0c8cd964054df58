import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessProgress, type IndicatorListResponse, type ObservationListResponse } from '@fourp/domain';
import { apiJson, launchBrowser, outputDir, screenshot } from '../support/browser.js';
import { startStack, type RunningStack } from '../support/servers.js';

const repoRoot = new URL('../../../', import.meta.url).pathname;
const PASSWORD = 'e2e-password-not-secret';
const REVIEWER = 'reviewer.progress@example.org';
const BASELINE_SOURCE = 'Punjab anti-trafficking action plan baseline (e2e test)';
const TARGET_SOURCE = 'Punjab anti-trafficking action plan (e2e test)';

let stack: RunningStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  const run = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'apps/api/dist/cli/user-create.js'),
      '--email',
      REVIEWER,
      '--role',
      'provincial_reviewer',
    ],
    {
      env: { ...process.env, DATABASE_PATH: stack.databasePath, FOURP_PASSWORD: PASSWORD },
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`user:create failed: ${run.stderr}`);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** An indicator with a desired direction and at least two published Gujrat totals: the latest is the actual. */
async function indicatorWithGujratSeries() {
  const indicators = await apiJson<IndicatorListResponse>(stack.apiUrl, '/v1/indicators');
  for (const indicator of indicators.data.filter((i) => i.direction !== 'neutral' && !i.formula)) {
    const list = await apiJson<ObservationListResponse>(
      stack.apiUrl,
      `/v1/observations?indicator=${indicator.id}&jurisdiction=PK-PB-GUJRAT`,
    );
    const totals = list.data
      .filter(
        (o) =>
          o.value !== null &&
          !o.superseded &&
          o.definition === 'standard' &&
          o.year === o.yearEnd &&
          Object.keys(o.disaggregation).length === 0,
      )
      .sort((a, b) => a.year - b.year);
    const years = [...new Set(totals.map((o) => o.year))];
    if (years.length >= 2) return { indicator, totals, years };
  }
  return null;
}

async function printMediaCheck(page: Page) {
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('header.masthead').isVisible()).toBe(false);
  expect(await page.locator('footer').isVisible()).toBe(false);
  for (const button of await page.locator('main button').all()) expect(await button.isVisible()).toBe(false);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(outputDir, 'progress.pdf'), pdf);
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  await page.emulateMedia({ media: 'screen' });
}

describe('progress towards targets', () => {
  it('says that no targets have been agreed yet, and who sets them, and prints cleanly', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const response = await page.goto(`${stack.webUrl}/progress`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    const text = await page.locator('main').innerText();
    expect(text).toContain('No targets have been agreed yet');
    expect(text).toContain('provincial reviewers');
    expect(await page.locator('form[action="?/setTarget"]').count()).toBe(0);
    await screenshot(page, 'progress-empty');
    const sheets = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some(
          (rule) => rule instanceof CSSMediaRule && rule.media.mediaText.includes('print'),
        ),
      ),
    );
    expect(sheets).toBe(true);
    await page.close();
  });

  it('lets a reviewer set a target and shows baseline, target, latest, status and sources', async () => {
    const found = await indicatorWithGujratSeries();
    if (!found) throw new Error('reference data has no Gujrat series with two years');
    const { indicator, totals, years } = found;
    const baselineYear = years[0]!;
    const latest = totals.filter((o) => o.year === years.at(-1)).at(-1)!;
    const baselineValue = totals.find((o) => o.year === baselineYear)!.value!;
    const higher = indicator.direction === 'higher_is_better';
    const targetValue = Math.max(1, Math.round(higher ? latest.value! * 2 + 10 : latest.value! / 2));
    const targetYear = latest.year + 5;
    const expected = assessProgress({
      baseline: { year: baselineYear, value: baselineValue },
      target: { year: targetYear, value: targetValue },
      latest: { year: latest.year, value: latest.value! },
      direction: indicator.direction,
    });
    if (!expected.ok) throw new Error(expected.error.message);
    const statusText = {
      target_achieved: 'Target achieved',
      substantial_progress: 'Substantial progress',
      moderate_progress: 'Moderate progress',
      limited_progress: 'Limited progress',
      deterioration: 'Deterioration',
    }[expected.value.status];

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/login?redirectTo=/progress`);
    await page.getByLabel('Email').fill(REVIEWER);
    await page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([page.waitForURL(/\/progress/), page.getByRole('button', { name: 'Sign in' }).click()]);

    const form = page.locator('form[action="?/setTarget"]');
    await form.getByRole('button', { name: 'Save target' }).click();
    await form.locator('.error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-indicator');

    await page.locator('#field-indicator').selectOption(indicator.id);
    await page.locator('#field-jurisdiction').selectOption('PK-PB-GUJRAT');
    await page.locator('#field-baseline-year').fill(String(baselineYear));
    await page.locator('#field-baseline-value').fill(String(baselineValue));
    await page.locator('#field-target-year').fill(String(targetYear));
    await page.locator('#field-target-value').fill(String(targetValue));
    await form.locator('input[name="baseline.sourceMode"][value="new"]').check();
    await page.locator('#field-baseline-source-title').fill(BASELINE_SOURCE);
    await page.locator('#field-baseline-source-publisher').fill('Government of the Punjab (e2e test)');
    await form.locator('input[name="target.sourceMode"][value="new"]').check();
    await page.locator('#field-target-source-title').fill(TARGET_SOURCE);
    await page.locator('#field-target-source-publisher').fill('Government of the Punjab (e2e test)');
    await form.getByRole('button', { name: 'Save target' }).click();
    await page.getByText(`Target saved for ${indicator.name}`).waitFor();

    const item = page.locator(`article.item`, { hasText: indicator.name });
    const text = await item.innerText();
    expect(text).toContain(statusText);
    expect(text).toContain(BASELINE_SOURCE);
    expect(text).toContain(TARGET_SOURCE);
    expect(text).toContain(latest.source.title);
    expect(text).toContain(String(targetYear));
    await screenshot(page, 'progress-with-target');
    await context.close();

    const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await visitor.goto(`${stack.webUrl}/progress`, { waitUntil: 'networkidle' });
    expect(await visitor.locator('article.item').count()).toBe(1);
    expect(await visitor.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(true);
    await printMediaCheck(visitor);
    await visitor.emulateMedia({ media: 'print' });
    await screenshot(visitor, 'progress-print');
    await visitor.close();
  });
});
