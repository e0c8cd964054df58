import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseChangesResponse, ReleaseListResponse } from '@fourp/domain';
import { apiJson, screenshot } from '../support/browser.js';
import type { RunningStack } from '../support/servers.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { createUser, signIn } from './workflow-support.js';

const REVIEWER = 'reviewer.releases@example.org';

let stack: RunningStack;
let browser: Browser;

useBrowserStack((started, launched) => {
  stack = started;
  browser = launched;
});

beforeAll(async () => {
  createUser(stack.databasePath, REVIEWER, 'provincial_reviewer');
});

describe('the /data page', () => {
  it('offers every format to a visitor, and no release form', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${stack.webUrl}/data`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await expect(page.getByText('No release has been made yet.').count()).resolves.toBe(1);
    expect(await page.getByRole('button', { name: 'Make a release' }).count()).toBe(0);
    const formats = await page
      .locator('details.downloads a')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(formats).toEqual(
      ['csv', 'sdmx-csv', 'datapackage', 'xlsx', 'json-stat', 'iati'].map((f) => `/api/v1/exports/${f}`),
    );
    await page.close();
  });

  it('lets a reviewer make a release, then lists it with checksums that match the download, and cites it', async () => {
    const { context, page } = await signIn(browser, stack.webUrl, REVIEWER);
    await page.goto(`${stack.webUrl}/data`, { waitUntil: 'networkidle' });
    await page.getByLabel('Note (optional)').fill('e2e release');
    await page.getByRole('button', { name: 'Make a release' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Release \d{4}\.\d{2} made\.$/ })
      .waitFor();

    const { data } = await apiJson<ReleaseListResponse>(stack.apiUrl, '/v1/releases');
    expect(data).toHaveLength(1);
    const release = data[0]!;
    expect(release.note).toBe('e2e release');
    const article = page.locator('article.release');
    await expect(article.getByRole('heading').innerText()).resolves.toBe(`Release ${release.id}`);
    const shown = await article.locator('.checksums code').allInnerTexts();
    expect(shown).toEqual(release.checksums.map((c) => c.sha256));

    expect(release.checksums[0]!.name).toBe('fourp-figures.csv');
    const href = await article
      .getByRole('link', { name: 'Tidy CSV', includeHidden: true })
      .getAttribute('href');
    const download = await context.request.get(new URL(href!, stack.webUrl).href);
    expect(download.status()).toBe(200);
    expect(
      createHash('sha256')
        .update(await download.body())
        .digest('hex'),
    ).toBe(release.checksums[0]!.sha256);

    // The manifest: the first changes as the paged API lists them, and a link to all of them.
    const changes = await apiJson<ReleaseChangesResponse>(stack.apiUrl, `${release.changes}?limit=10`);
    expect(release.counts.added).toBe(release.counts.figures);
    expect(changes.data).toHaveLength(Math.min(10, release.counts.added));
    const manifest = article.locator('details', { has: page.getByText('Manifest', { exact: true }) });
    await manifest.getByText('Manifest', { exact: true }).click();
    await expect(manifest.getByText(/^The first \d+ of \d+ changes/).innerText()).resolves.toBe(
      `The first ${changes.data.length} of ${release.counts.added} changes, in indicator order:`,
    );
    await expect(manifest.locator('li').allInnerTexts()).resolves.toEqual(
      changes.data.map((c) => `Added: ${c.indicator} · ${c.jurisdiction} · ${c.year} (#${c.observation})`),
    );
    const allHref = await manifest
      .getByRole('link', { name: 'All changes (JSON, in pages)' })
      .getAttribute('href');
    const all = await context.request.get(new URL(allHref!, stack.webUrl).href);
    expect(all.status()).toBe(200);
    const firstPage = (await all.json()) as ReleaseChangesResponse;
    expect(firstPage.data.slice(0, changes.data.length)).toEqual(changes.data);

    await expect(page.getByTestId('citation').innerText()).resolves.toBe(release.citation.text);
    const bibtexHref = await page
      .locator('aside.cite')
      .getByRole('link', { name: 'BibTeX' })
      .getAttribute('href');
    const bibtex = await context.request.get(new URL(bibtexHref!, stack.webUrl).href);
    expect(await bibtex.text()).toMatch(new RegExp(`^@misc\\{fourp${release.id.replace('.', '_')},`));
    await screenshot(page, 'data-releases');
    await context.close();
  });
});
