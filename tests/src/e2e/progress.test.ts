import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessProgress, type ScorecardResponse } from '@fourp/domain';
import { apiJson, outputDir, screenshot } from '../support/browser.js';
import type { RunningStack } from '../support/servers.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { PASSWORD, apiSession, createUser, indicatorWithoutGujratData } from './workflow-support.js';

const REVIEWER = 'reviewer.progress@example.org';
const OFFICIAL = 'official.progress@example.org';
const LATEST_SOURCE = 'District Police Office Gujrat: annual return (e2e test)';
const BASELINE_SOURCE = 'Punjab anti-trafficking action plan baseline (e2e test)';
const TARGET_SOURCE = 'Punjab anti-trafficking action plan (e2e test)';

/** How the dashboard words a confidence label. */
const confidenceText = (confidence: string) =>
  confidence === 'none' ? 'no confidence' : `${confidence} confidence`;

let stack: RunningStack;
let browser: Browser;

useBrowserStack((started, launched) => {
  stack = started;
  browser = launched;
});

beforeAll(async () => {
  createUser(stack.databasePath, OFFICIAL, 'district_official', 'PK-PB-GUJRAT');
  createUser(stack.databasePath, REVIEWER, 'provincial_reviewer');
});

/** A published Gujrat figure made by the test itself: an official enters and submits it, a reviewer publishes it. */
async function publishFigure(indicator: string, year: number, value: number, sourceTitle: string) {
  const official = await apiSession(stack.apiUrl, OFFICIAL);
  const reviewer = await apiSession(stack.apiUrl, REVIEWER);
  const created = await official<{ data: { id: number } }>('POST', '/v1/observations', {
    indicator,
    jurisdiction: 'PK-PB-GUJRAT',
    year,
    value,
    source: { title: sourceTitle, publisher: 'District Police Office Gujrat (e2e test)' },
  });
  const id = created.data.id;
  await official('POST', `/v1/observations/${id}/submit`, {});
  await reviewer('POST', `/v1/observations/${id}/approve`, {});
  await reviewer('POST', `/v1/observations/${id}/publish`, {});
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

  it('shows each pillar score from Gujrat’s own evidence, with the national framework and confidence, on screen and in print', async () => {
    const { data } = await apiJson<ScorecardResponse>(
      stack.apiUrl,
      '/v1/scorecard?jurisdiction=PK-PB-GUJRAT',
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${stack.webUrl}/progress`, { waitUntil: 'networkidle' });
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      for (const score of data.pillars) {
        const card = page.locator(`article.pillar[data-pillar="${score.pillar}"]`);
        expect(await card.isVisible()).toBe(true);
        const text = await card.innerText();
        expect(text).toContain(
          `Own evidence: ${score.coverage.ownItems} of ${score.coverage.scorableItems} items that could be scored`,
        );
        expect(text).toContain(`National framework: ${score.coverage.frameworkItems} (shown, not counted)`);
        expect(text).toContain(confidenceText(score.confidence));
        if (score.score === null) {
          expect(text).toContain('Withheld');
          expect(text).toContain(score.reason!);
        }
        for (const measure of score.measures.filter((m) => m.framework !== null))
          expect(await card.locator(`section.framework a[href$="#${measure.measure}"]`).count()).toBe(1);
      }
    }
    await page.close();
  });

  it('lets a reviewer set a target and shows baseline, target, latest, status and sources', async () => {
    const indicator = await indicatorWithoutGujratData(stack.apiUrl);
    const latest = { year: 2024, value: 40 };
    const earlier = { year: 2022, value: 30 };
    await publishFigure(indicator.id, earlier.year, earlier.value, LATEST_SOURCE);
    await publishFigure(indicator.id, latest.year, latest.value, LATEST_SOURCE);
    const baselineYear = 2021;
    const baselineValue = 20;
    const targetYear = 2028;
    const targetValue = 100;
    const expected = assessProgress({
      baseline: { year: baselineYear, value: baselineValue },
      target: { year: targetYear, value: targetValue },
      figures: [earlier, latest],
      direction: indicator.direction,
      measureType: indicator.measureType,
      ...(indicator.range === undefined ? {} : { range: indicator.range }),
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
    await page.goto(`${stack.webUrl}/login?redirectTo=/progress`, { waitUntil: 'networkidle' });
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
    expect(text).toContain(LATEST_SOURCE);
    expect(text).toContain(String(latest.value));
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

  it('shows a suppressed latest value as suppressed, with no status worked out from it', async () => {
    const indicator = await indicatorWithoutGujratData(stack.apiUrl, { identifying: true });
    await publishFigure(indicator.id, 2024, 3, LATEST_SOURCE);
    const reviewer = await apiSession(stack.apiUrl, REVIEWER);
    const source = { title: TARGET_SOURCE, publisher: 'Government of the Punjab (e2e test)' };
    await reviewer('PUT', '/v1/targets', {
      indicator: indicator.id,
      jurisdiction: 'PK-PB-GUJRAT',
      baseline: { year: 2021, value: 20, source },
      target: { year: 2028, value: 100, source },
    });

    const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await visitor.goto(`${stack.webUrl}/progress`, { waitUntil: 'networkidle' });
    const latestRow = visitor
      .locator('article.item', { hasText: indicator.name })
      .locator('tr', { hasText: 'Latest' });
    const cells = await latestRow.locator('td').allInnerTexts();
    expect(cells).toContain('Suppressed');
    expect(cells).not.toContain('3');
    await visitor.close();
  });
});
