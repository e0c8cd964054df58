import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import type { RunningStack } from '../support/servers.js';
import { useBrowserStack } from '../support/browser-stack.js';
import {
  apiSession,
  createUser as _createUser,
  indicatorWithoutGujratData,
  PASSWORD,
  signIn as _signIn,
} from './workflow-support.js';

const OFFICIAL = 'official.gujrat@example.org';
const REVIEWER = 'reviewer.punjab@example.org';
const ADMIN = 'admin@example.org';
const YEAR = 2024;
const VALUE = 37;
const SOURCE_TITLE = 'District Police Office Gujrat: annual crime return (e2e test)';
const SOURCE_PUBLISHER = 'Punjab Police, Gujrat (e2e test)';

let stack: RunningStack;
let browser: Browser;
let indicatorId: string;
let indicatorName: string;
let figureId: number;

const createUser = (email: string, role: string, jurisdiction?: string) =>
  _createUser(stack.databasePath, email, role, jurisdiction);

const signIn = (email: string, options?: Parameters<typeof _signIn>[3]) =>
  _signIn(browser, stack.webUrl, email, options);

/** Enters and submits a figure straight through the API with a cookie session, as a script would. */
async function submitAsApiUser(email: string): Promise<number> {
  const call = await apiSession(stack.apiUrl, email);
  const created = await call<{ data: { id: number } }>('POST', '/v1/observations', {
    indicator: indicatorId,
    jurisdiction: 'PK-PB-GUJRAT-GUJRAT',
    year: YEAR,
    value: 4,
    source: { title: 'Reviewer’s own figure (e2e test)', publisher: 'Punjab (e2e test)' },
  });
  await call('POST', `/v1/observations/${created.data.id}/submit`, {});
  return created.data.id;
}

useBrowserStack((started, launched) => {
  stack = started;
  browser = launched;
});

beforeAll(async () => {
  createUser(OFFICIAL, 'district_official', 'PK-PB-GUJRAT');
  createUser(REVIEWER, 'provincial_reviewer');
  createUser(ADMIN, 'admin');

  const indicator = await indicatorWithoutGujratData(stack.apiUrl);
  indicatorId = indicator.id;
  indicatorName = indicator.name;
});

describe("officials' workflow", () => {
  it('shows Sign in to visitors and keeps the officials’ pages behind it', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${stack.webUrl}/entry`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/entry');
    await expect(page.locator('header').getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(1);
    await expect(page.locator('header').getByRole('link', { name: 'Enter figures' }).count()).resolves.toBe(
      0,
    );

    await page.getByLabel('Email').fill(OFFICIAL);
    await page.getByLabel('Password').fill('wrong password, long enough');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('The email or password is wrong');
    await page.close();
  });

  it('lets the district official enter a figure with a new source and submit it', async () => {
    const { context, page } = await signIn(OFFICIAL);
    expect(new URL(page.url()).pathname).toBe('/entry');
    const header = await page.locator('header').innerText();
    expect(header).toContain(OFFICIAL);
    expect(header).toContain('district official');
    expect(header).toContain('Enter figures');
    expect(header).not.toContain('Review');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'fourp_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#field-indicator').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-indicator');
    expect(await page.locator('#field-indicator').getAttribute('aria-describedby')).toContain(
      'field-indicator-error',
    );

    await page.locator('#field-indicator').selectOption(indicatorId);
    await page.locator('#field-jurisdiction').selectOption('PK-PB-GUJRAT');
    await page.locator('#field-year').fill(String(YEAR));
    await page.locator('#field-value').fill('12.5');
    await page.locator('#field-value').blur();
    await page.locator('#field-value-error').waitFor();
    expect(await page.locator('#field-value-error').innerText()).toContain('whole number');
    await page.locator('#field-value').fill(String(VALUE));
    await page.getByLabel('A new source').check();
    await page.locator('#field-source-title').fill(SOURCE_TITLE);
    await page.locator('#field-source-publisher').fill(SOURCE_PUBLISHER);
    await page.locator('#field-source-year').fill('2025');
    await page.locator('#field-comment').fill('First figure entered for the district.');
    expect(await page.locator('#field-value-error').count()).toBe(0);
    await screenshot(page, 'workflow-entry-filled');

    await Promise.all([
      page.waitForURL(/\/entry\?saved=\d+/),
      page.getByRole('button', { name: 'Save draft' }).click(),
    ]);
    figureId = Number(new URL(page.url()).searchParams.get('saved'));
    expect(figureId).toBeGreaterThan(0);
    const row = page.locator(`tr[data-figure="${figureId}"]`);
    expect(await row.innerText()).toContain(indicatorName);
    expect(await row.innerText()).toContain('Draft');
    expect(await row.innerText()).toContain(SOURCE_TITLE);

    const own = await context.newPage();
    await own.goto(`${stack.webUrl}/indicators/${indicatorId}?tab=table`, { waitUntil: 'networkidle' });
    const draftRow = own.locator('.own-drafts tr[data-draft]');
    expect(await draftRow.count()).toBe(1);
    expect(await draftRow.innerText()).toContain('Draft — not public');
    expect(await draftRow.innerText()).toContain(String(VALUE));
    await own.goto(`${stack.webUrl}/indicators/${indicatorId}?tab=sources`, { waitUntil: 'networkidle' });
    const ownSources = await own.locator('main').innerText();
    expect(ownSources).toContain(SOURCE_TITLE);
    expect(ownSources).toContain(`Gujrat District, ${YEAR}: ${VALUE}`);
    expect(ownSources).toContain('Draft — not public');
    await own.close();
    const stranger = await browser.newPage();
    for (const tab of ['table', 'sources']) {
      await stranger.goto(`${stack.webUrl}/indicators/${indicatorId}?tab=${tab}`, {
        waitUntil: 'networkidle',
      });
      const text = await stranger.locator('main').innerText();
      expect(text).not.toContain(SOURCE_TITLE);
      expect(text).not.toContain('Draft — not public');
    }
    await stranger.close();

    await row.getByRole('button', { name: 'Submit for review' }).click();
    await page.locator(`tr[data-figure="${figureId}"] .wf-state[data-state="submitted"]`).waitFor();
    await screenshot(page, 'workflow-entry-submitted');
    await context.close();
  });

  it('enters a multi-year total with its span and the value as printed', async () => {
    const { context, page } = await signIn(OFFICIAL);
    await page.locator('#field-indicator').selectOption(indicatorId);
    await page.locator('#field-jurisdiction').selectOption('PK-PB-GUJRAT');
    await page.locator('#field-year').fill(String(YEAR - 2));
    await page.locator('#field-yearEnd').fill(String(YEAR - 3));
    await page.locator('#field-yearEnd').blur();
    await page.locator('#field-yearEnd-error').waitFor();
    expect(await page.locator('#field-yearEnd-error').innerText()).toContain('cannot be before year');
    await page.locator('#field-yearEnd').fill(String(YEAR));
    await page.locator('#field-value').fill('120');
    await page.locator('#field-valueAsRead').fill('one hundred and twenty');
    await page.locator('#field-unitAsRead').fill('persons over three years');
    await page.getByLabel('A new source').check();
    await page.locator('#field-source-title').fill('Three-year review of the district (e2e test)');
    await page.locator('#field-source-publisher').fill(SOURCE_PUBLISHER);
    expect(await page.locator('#field-yearEnd-error').count()).toBe(0);
    await Promise.all([
      page.waitForURL(/\/entry\?saved=\d+/),
      page.getByRole('button', { name: 'Save draft' }).click(),
    ]);
    const savedId = Number(new URL(page.url()).searchParams.get('saved'));
    expect(await page.locator(`tr[data-figure="${savedId}"]`).innerText()).toContain(`${YEAR - 2}–${YEAR}`);
    const call = await apiSession(stack.apiUrl, OFFICIAL);
    const history = await call<{ data: { observation: Record<string, unknown> } }>(
      'GET',
      `/v1/observations/${savedId}/history`,
    );
    expect(history.data.observation).toMatchObject({
      year: YEAR - 2,
      yearEnd: YEAR,
      valueAsRead: 'one hundred and twenty',
      unitAsRead: 'persons over three years',
    });
    await context.close();
  });

  it('shows the server’s field errors when JavaScript is off', async () => {
    const { context, page } = await signIn(OFFICIAL, { javaScriptEnabled: false });
    await page.locator('#field-year').fill('1850');
    await page.locator('#field-value').fill('abc');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#field-year').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-value-error').innerText()).toContain('value must be a finite number');
    expect(await page.locator('#field-year').inputValue()).toBe('1850');
    await screenshot(page, 'workflow-entry-nojs-errors');
    await context.close();
  });

  it('lets the reviewer approve and publish it, and the public sees it with its source', async () => {
    const { context, page } = await signIn(REVIEWER);
    expect(new URL(page.url()).pathname).toBe('/review');
    const header = await page.locator('header').innerText();
    expect(header).toContain('provincial reviewer');
    expect(header).toContain('Review');

    const row = page.locator(`tr[data-figure="${figureId}"]`);
    expect(await row.innerText()).toContain(SOURCE_TITLE);
    expect(await row.innerText()).toContain('No published value for the previous year');
    await screenshot(page, 'workflow-review-queue');

    await row.getByRole('button', { name: 'Reject' }).click();
    await row.getByText('Give a reason of at least 5 characters').waitFor();
    expect(await row.getByLabel('Why is it rejected?').getAttribute('aria-invalid')).toBe('true');

    const own = await submitAsApiUser(REVIEWER);
    await page.reload();
    const ownRow = page.locator(`tr[data-figure="${own}"]`);
    expect(await ownRow.innerText()).toContain('You submitted or entered this figure');
    await ownRow.getByRole('button', { name: 'Approve' }).click();
    await ownRow.getByRole('alert').waitFor();
    expect(await ownRow.getByRole('alert').innerText()).toContain(
      'someone other than the person who submitted it',
    );

    await row.getByRole('button', { name: 'Approve' }).click();
    await page.locator(`#approved-title`).waitFor();
    const approved = page.locator(`tr[data-figure="${figureId}"]`);
    await approved.locator('.wf-state[data-state="approved"]').waitFor();
    await approved.getByRole('button', { name: 'Publish' }).click();
    await page.locator(`tr[data-figure="${figureId}"]`).waitFor({ state: 'detached' });

    await page.goto(`${stack.webUrl}/entry/${figureId}`, { waitUntil: 'networkidle' });
    const steps = page.locator('[data-testid="history-steps"]');
    for (const step of ['create', 'submit', 'approve', 'publish']) {
      expect(await steps.locator(`tr[data-step="${step}"]`).count()).toBe(1);
    }
    expect(await steps.locator('tr[data-step="submit"]').innerText()).toContain(OFFICIAL);
    expect(await steps.locator('tr[data-step="approve"]').innerText()).toContain(REVIEWER);
    expect(await steps.locator('tr[data-step="approve"]').innerText()).toContain('Submitted → Approved');
    expect(await page.locator('[data-testid="history-audit"]').innerText()).toContain('observation.approve');
    await screenshot(page, 'workflow-history');
    await context.close();

    const visitor = await browser.newPage();
    await visitor.goto(`${stack.webUrl}/indicators/${indicatorId}?tab=sources`, { waitUntil: 'networkidle' });
    const text = await visitor.locator('main').innerText();
    expect(text).toContain(SOURCE_TITLE);
    expect(text).toContain(`Gujrat District, ${YEAR}: ${VALUE}`);
    await screenshot(visitor, 'workflow-public-indicator');
    await visitor.close();
  });

  it('warns about an outlier against last year and wants a comment for it', async () => {
    const { context, page } = await signIn(OFFICIAL);
    await page.locator('#field-indicator').selectOption(indicatorId);
    await page.locator('#field-jurisdiction').selectOption('PK-PB-GUJRAT');
    await page.locator('#field-year').fill(String(YEAR + 1));
    await page.locator('#field-value').fill(String(VALUE * 11));
    await page.getByLabel('A new source').check();
    await page.locator('#field-source-title').fill(SOURCE_TITLE);
    await page.locator('#field-source-publisher').fill(SOURCE_PUBLISHER);
    await page.locator('[data-testid="outlier-warning"]').waitFor();
    expect(await page.locator('[data-testid="outlier-warning"]').innerText()).toContain(
      `previous year's ${VALUE}`,
    );
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('#field-comment-error').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-comment');
    await page.locator('#field-comment').fill('A new helpline started in the district this year.');
    await Promise.all([
      page.waitForURL(/\/entry\?saved=\d+/),
      page.getByRole('button', { name: 'Save draft' }).click(),
    ]);
    await screenshot(page, 'workflow-entry-outlier-saved');
    const outlierId = Number(new URL(page.url()).searchParams.get('saved'));
    await page
      .locator(`tr[data-figure="${outlierId}"]`)
      .getByRole('button', { name: 'Submit for review' })
      .click();
    await page.locator(`tr[data-figure="${outlierId}"] .wf-state[data-state="submitted"]`).waitFor();

    const reviewer = await signIn(REVIEWER);
    const row = reviewer.page.locator(`tr[data-figure="${outlierId}"]`);
    expect(await row.locator('.wf-flag').innerText()).toBe('Outlier');
    expect(await row.locator('[data-testid="review-previous"]').innerText()).toBe(
      `Previous year (${YEAR}): ${VALUE} · ${SOURCE_TITLE}`,
    );
    expect(await row.innerText()).toContain(`previous year's ${VALUE}`);
    await row.getByLabel('Why is it rejected?').fill('Please attach the helpline log that shows this rise.');
    await row.getByRole('button', { name: 'Reject' }).click();
    await row.waitFor({ state: 'detached' });
    await reviewer.context.close();

    await page.reload();
    const rejected = page.locator(`tr[data-figure="${outlierId}"]`);
    expect(await rejected.locator('.wf-state').innerText()).toBe('Rejected');
    expect(await rejected.innerText()).toContain(`Rejected by ${REVIEWER}: Please attach the helpline log`);
    await context.close();
  });

  it('keeps the old value as a revision when a published figure is unlocked and corrected', async () => {
    const reviewer = await signIn(REVIEWER);
    await reviewer.page.goto(`${stack.webUrl}/entry/${figureId}`, { waitUntil: 'networkidle' });
    await reviewer.page.getByLabel('Why unlock it?').fill('The district sent a corrected return.');
    await reviewer.page.getByRole('button', { name: 'Unlock' }).click();
    await reviewer.page.getByText('Unlocked: it can be corrected').waitFor();
    await reviewer.context.close();

    const { context, page } = await signIn(OFFICIAL);
    await page.goto(`${stack.webUrl}/entry/${figureId}`, { waitUntil: 'networkidle' });
    await page.locator('#field-value').fill(String(VALUE + 1));
    await page.getByRole('button', { name: 'Save correction' }).click();
    await page.locator('#field-reason-error').waitFor();
    expect(await page.locator('#field-reason-error').innerText()).toContain('required when correcting');
    await page.locator('#field-reason').fill('Corrected return from the district police.');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await page.getByText('Correction saved.').waitFor();
    const revisions = await page.locator('#revisions-title + div table').innerText();
    expect(revisions).toContain(`${VALUE} → ${VALUE + 1}`);
    expect(revisions).toContain('Corrected return from the district police.');
    expect(revisions).toContain(OFFICIAL);
    expect(await page.locator('[data-testid="revision-source"]').count()).toBe(0);
    const steps = page.locator('[data-testid="history-steps"]');
    expect(await steps.locator('tr[data-step="unlock"]').innerText()).toContain(
      'The district sent a corrected return.',
    );
    expect(await steps.locator('tr[data-step="edit"]').innerText()).toContain('Published → Draft');
    await screenshot(page, 'workflow-history-corrected');
    await context.close();
  });

  it('imports a CSV after a dry run that lists each error by row and column', async () => {
    const { context, page } = await signIn(OFFICIAL);
    await page.goto(`${stack.webUrl}/imports`, { waitUntil: 'networkidle' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Template (CSV)' }).click(),
    ]);
    const template = readFileSync((await download.path())!, 'utf8');
    const header = template.split(/\r?\n/)[0]!;
    expect(header.startsWith('indicator,jurisdiction,year')).toBe(true);
    const columns = header.split(',');
    const line = (cells: Record<string, string>) => columns.map((c) => cells[c] ?? '').join(',');
    const good = {
      indicator: indicatorId,
      jurisdiction: 'PK-PB-GUJRAT-KHARIAN',
      year: String(YEAR),
      value: '5',
      source_title: 'Kharian tehsil office return (e2e test)',
      source_publisher: 'Tehsil office Kharian (e2e test)',
    };
    const badValue = { ...good, year: '2023', value: 'many' };
    const outsideScope = { ...good, jurisdiction: 'IT', year: '2022' };
    const csv = [header, line(good), line(badValue), line(outsideScope)].join('\r\n');

    await page
      .locator('#import-file')
      .setInputFiles({ name: 'figures.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const issues = page.locator('[data-testid="import-issues"]');
    await issues.waitFor();
    const errors = await issues.locator('tbody tr[data-severity="error"]').allInnerTexts();
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((r) => r.startsWith('3\t') || r.startsWith('4\t'))).toBe(true);
    expect(errors.some((r) => r.startsWith('3\tvalue\t'))).toBe(true);
    expect(errors.some((r) => r.startsWith('4\tjurisdiction\t'))).toBe(true);
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    await screenshot(page, 'workflow-import-errors');

    await page.locator('#import-file').setInputFiles({
      name: 'figures.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, line(good)].join('\r\n')),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('button', { name: 'Import 1 row' }).waitFor();
    expect(await page.locator('[data-testid="import-inserted"]').innerText()).toBe('1');
    await page.getByRole('button', { name: 'Import 1 row' }).click();
    await page.getByRole('heading', { name: /Import result/ }).waitFor();
    expect(await page.locator('[data-testid="import-inserted"]').innerText()).toBe('1');
    await screenshot(page, 'workflow-import-result');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Template (Excel)' }).click(),
    ]);
    const workbook = readFileSync((await xlsx.path())!);
    expect(workbook.subarray(0, 2).toString()).toBe('PK');
    await page.locator('#import-file').setInputFiles({
      name: 'template.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: workbook,
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: /Check result.*template\.xlsx/ }).waitFor();
    expect(await page.locator('[data-testid="import-report"]').innerText()).toMatch(/Rows\s+0/);

    await page.locator('#import-file').setInputFiles({
      name: 'wrong.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('region,count\r\nGujrat,5\r\n'),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: /Check result.*wrong\.csv/ }).waitFor();
    const refused = await page
      .locator('[data-testid="import-issues"] tbody tr[data-severity="error"]')
      .allInnerTexts();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/^1\tindicator, jurisdiction, year/);
    expect(await page.locator('[data-testid="import-row-convention"]').innerText()).toContain(
      'the header is row 1',
    );

    await page.goto(`${stack.webUrl}/entry`, { waitUntil: 'networkidle' });
    expect(await page.locator('main').innerText()).toContain('Kharian');
    await context.close();
  });

  it('shows the upload’s progress, then the rows being checked, for a large file', async () => {
    const { context, page } = await signIn(OFFICIAL);
    await page.goto(`${stack.webUrl}/imports`, { waitUntil: 'networkidle' });
    expect(await page.locator('#import-file-hint').innerText()).toContain('100,000 rows after the header');
    const network = await context.newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      uploadThroughput: 64 * 1024,
      downloadThroughput: 128 * 1024,
    });
    const header =
      'indicator,jurisdiction,year,year_end,disaggregation,value,status,definition,source_title,source_publisher,source_year,source_locator,source_kind,note';
    const row =
      'victims_identified,PK-PB-GUJRAT-KHARIAN,soon,,,5,A,,Tehsil return (e2e test),Tehsil office,2024,,,';
    const csv = [header, ...Array.from({ length: 4000 }, () => row)].join('\n');
    await page
      .locator('#import-file')
      .setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const progress = page.locator('[data-testid="import-progress"]');
    await progress
      .getByRole('status')
      .filter({ hasText: /Uploading the file: \d+% sent/ })
      .waitFor();
    expect(Number(await progress.locator('progress').getAttribute('value'))).toBeLessThan(100);
    await progress.getByRole('status').filter({ hasText: 'Checking about 4000 rows…' }).waitFor();
    await screenshot(page, 'workflow-import-progress');
    await page.getByRole('heading', { name: /Check result.*large\.csv/ }).waitFor({ timeout: 60_000 });
    expect(await progress.count()).toBe(0);
    expect(await page.locator('[data-testid="import-report"]').innerText()).toMatch(/Rows\s+4000/);
    await context.close();
  });

  it('fits the officials’ pages on a phone without sideways scrolling', async () => {
    const phone = { width: 390, height: 844 };
    for (const [email, paths] of [
      [OFFICIAL, ['/entry', '/imports', `/entry/${figureId}`]],
      [REVIEWER, ['/review', '/progress']],
    ] as const) {
      const { context, page } = await signIn(email, { viewport: phone });
      for (const path of paths) {
        await page.goto(`${stack.webUrl}${path}`, { waitUntil: 'networkidle' });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
      await screenshot(page, `workflow-phone-${email.split('@')[0]}`);
      await context.close();
    }
  });

  it('lets an administrator create an account and a user create a personal API token', async () => {
    const { context, page } = await signIn(ADMIN);
    await page.goto(`${stack.webUrl}/admin`, { waitUntil: 'networkidle' });
    expect(await page.locator('main').innerText()).toContain(OFFICIAL);
    await page.locator('#field-email').fill('donor@example.org');
    await page.locator('#field-password').fill('short');
    await page.locator('#field-role').selectOption('donor');
    await page.locator('#field-jurisdictionId').selectOption('');
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await page.locator('#field-password-error').innerText()).toContain('12 characters');
    await page.locator('#field-password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Account created for donor@example.org').waitFor();
    await screenshot(page, 'workflow-admin');

    await page.goto(`${stack.webUrl}/account`, { waitUntil: 'networkidle' });
    await page.getByLabel('Name').fill('monthly export');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.locator('[data-testid="token-secret"]').innerText();
    expect(secret).toMatch(/^fourp_/);
    const me = await fetch(`${stack.apiUrl}/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    await page.reload();
    expect(await page.locator('[data-testid="token-secret"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Token revoked.').waitFor();
    const after = await fetch(`${stack.apiUrl}/v1/auth/me`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(after.status).toBe(401);
    await screenshot(page, 'workflow-account');

    await page.locator('header').getByRole('button', { name: 'Sign out' }).click();
    await page.locator('header').getByRole('link', { name: 'Sign in' }).waitFor();
    expect((await context.cookies()).some((c) => c.name === 'fourp_session')).toBe(false);
    await context.close();
  });

  it('lets a user change their password on /account, which signs out their other sessions', async () => {
    const email = 'password.changer@example.org';
    await createUser(email, 'researcher');
    const elsewhere = await signIn(email);
    const { context, page } = await signIn(email);
    await page.goto(`${stack.webUrl}/account`, { waitUntil: 'networkidle' });
    await page.getByLabel('Current password').fill('not the password');
    await page.getByLabel('New password').fill('aaaaaaaaaaaa');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('#field-newPassword-error').waitFor();
    expect(await page.locator('#field-currentPassword-error').innerText()).toContain('wrong');
    expect(await page.locator('#field-newPassword-error').innerText()).toContain('too easy to guess');

    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password').fill('lantern orbit cactus minnow');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();
    await page.reload({ waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/account');
    await elsewhere.page.goto(`${stack.webUrl}/account`, { waitUntil: 'networkidle' });
    expect(new URL(elsewhere.page.url()).pathname).toBe('/login');
    await Promise.all([context.close(), elsewhere.context.close()]);
  });
});
