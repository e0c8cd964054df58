import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  JURISDICTION_IMPORT_COLUMNS,
  type CodeListResponse,
  type CoverageResponse,
  type JurisdictionListResponse,
} from '@fourp/domain';
import { apiJson, screenshot } from '../support/browser.js';
import type { RunningStack } from '../support/servers.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { createUser as _createUser, signIn as _signIn } from './workflow-support.js';

const ADMIN = 'admin.units@example.org';
const OFFICIAL = 'official.units@example.org';
const KUNJAH = {
  id: 'PK-PB-GUJRAT-KUNJAH',
  kind: 'tehsil',
  name_en: 'Kunjah Tehsil',
  name_ur: 'تحصیل کنجاہ',
  role: 'monitored',
  valid_from: '2026-07-01',
  parent_id: 'PK-PB-GUJRAT',
  source: 'Board of Revenue notification (e2e test)',
};

let stack: RunningStack;
let browser: Browser;

useBrowserStack((started, launched) => {
  stack = started;
  browser = launched;
});

beforeAll(async () => {
  _createUser(stack.databasePath, ADMIN, 'admin');
  _createUser(stack.databasePath, OFFICIAL, 'district_official', 'PK-PB-GUJRAT');
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${stack.webUrl}${path}`, { waitUntil: 'networkidle' });
  return page;
}

const unitsCsv = (rows: Record<string, string>[]) =>
  [
    JURISDICTION_IMPORT_COLUMNS.join(','),
    ...rows.map((row) => JURISDICTION_IMPORT_COLUMNS.map((c) => row[c] ?? '').join(',')),
  ].join('\n');

const gujratTehsils = async () => {
  const tree = await apiJson<JurisdictionListResponse>(stack.apiUrl, '/v1/jurisdictions?asOf=2026-12-31');
  return tree.data.items.filter((j) => j.parentId === 'PK-PB-GUJRAT').map((j) => j.id);
};

describe('denominators', () => {
  it('says under a rate which population it divides by, and how that population was found', async () => {
    const page = await open('/indicators/victims_identified?tab=table&per=100k&jurisdictions=ES');
    const row = page.locator('tr', { has: page.locator('td[data-jurisdiction="ES"][data-year="2019"]') });
    const text = await row.innerText();
    expect(text).toContain('per 100,000, population 2019 interpolated between the 2018 and 2020 figures');
    await screenshot(page, 'indicator-denominator');
    await page.close();
  });

  it('lists on /coverage the counts that have no population denominator', async () => {
    const coverage = await apiJson<CoverageResponse>(stack.apiUrl, '/v1/coverage');
    expect(coverage.meta.missingDenominators.length).toBeGreaterThan(0);
    const page = await open('/coverage');
    const section = page.locator('section[aria-labelledby="missing-denominators"]');
    expect(await section.locator('h2').innerText()).toBe('Counts without a population denominator');
    const items = await section.locator('li').allInnerTexts();
    expect(items).toEqual(
      coverage.meta.missingDenominators.map(
        (gap) => `${gap.jurisdiction} ${gap.year}: ${gap.indicators.join(', ')}`,
      ),
    );
    await page.close();
  });
});

describe('import page', () => {
  it('documents the period column with an example and shows the breakdown code lists', async () => {
    const { context, page } = await _signIn(browser, stack.webUrl, OFFICIAL);
    await page.goto(`${stack.webUrl}/imports`, { waitUntil: 'networkidle' });
    expect(await page.locator('main').innerText()).toContain('year_end, period, disaggregation');
    expect(await page.getByTestId('import-period-help').innerText()).toContain('2015-01/2015-06');
    expect(await page.locator('pre.example').innerText()).toContain(
      'victims_identified,ES,2015,,2015-01/2015-06,sex=female',
    );
    const lists = await apiJson<CodeListResponse>(stack.apiUrl, '/v1/code-lists');
    const details = page.getByTestId('import-code-lists');
    await details.locator('summary').click();
    const shown = await details.innerText();
    for (const code of lists.data.find((l) => l.dimension === 'exploitation_form')!.codes) {
      expect(shown).toContain(`${code.code} ${code.label}`);
    }
    await context.close();
  });
});

describe('administrative units', () => {
  it('keeps the unit import away from anyone but an administrator', async () => {
    const { context, page } = await _signIn(browser, stack.webUrl, OFFICIAL);
    const response = await page.goto(`${stack.webUrl}/admin/jurisdictions`);
    expect(response?.status()).toBe(403);
    await context.close();
  });

  it('lets an administrator check a unit file, see its errors by row, then add a tehsil', async () => {
    const { context, page } = await _signIn(browser, stack.webUrl, ADMIN);
    await page.goto(`${stack.webUrl}/admin`, { waitUntil: 'networkidle' });
    await Promise.all([
      page.waitForURL(/\/admin\/jurisdictions$/),
      page.getByRole('link', { name: /Add or close administrative units/ }).click(),
    ]);

    const bad = { ...KUNJAH, id: 'PK-PB-GUJRAT-DINGA', name_en: 'Dinga Tehsil', parent_id: 'PK-PB-NOWHERE' };
    await page.locator('#units-file').setInputFiles({
      name: 'units.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(unitsCsv([KUNJAH, bad])),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const issues = page.getByTestId('units-issues');
    await issues.waitFor();
    expect(await issues.locator('tbody tr').allInnerTexts()).toEqual([
      '2\tparents[0]\tPK-PB-GUJRAT-DINGA has an unknown parent PK-PB-NOWHERE',
    ]);
    expect(await page.getByRole('button', { name: /^Apply/ }).count()).toBe(0);

    await page
      .locator('#units-file')
      .setInputFiles({ name: 'kunjah.csv', mimeType: 'text/csv', buffer: Buffer.from(unitsCsv([KUNJAH])) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Applying this file adds 1 unit and closes 0.').waitFor();
    expect(await page.getByTestId('units-changes').innerText()).toContain('Add PK-PB-GUJRAT-KUNJAH');
    expect(await gujratTehsils()).not.toContain(KUNJAH.id);

    await page.getByRole('button', { name: 'Apply 1 change' }).click();
    await page.getByText('Added 1 unit and closed 0.').waitFor();
    expect(await page.getByTestId('units-changes').innerText()).toContain('Added PK-PB-GUJRAT-KUNJAH');
    expect(await gujratTehsils()).toContain(KUNJAH.id);
    await screenshot(page, 'admin-units');
    await context.close();
  });
});
