import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_METHOD,
  CODE_LICENCE,
  DATA_LICENCE,
  DERIVATION_METHOD,
  GRADE_METHOD,
  INTERVAL_METHOD,
  NORMALISATION_METHOD,
  SOURCE_QUALITY_METHOD,
  SUPPRESSION_METHOD,
  type CompareResponse,
  type HealthResponse,
  type IndicatorListResponse,
  type MeasureListResponse,
  type CoverageResponse,
  type ScorecardResponse,
  type SourceListResponse,
} from '@fourp/domain';
import { apiJson, chartDrawn, paintedPixels, screenshot } from '../support/browser.js';
import { freePort, startWeb, type RunningStack } from '../support/servers.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { apiSession, createUser, indicatorWithoutGujratData, signIn } from './workflow-support.js';

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });
const repoRoot = new URL('../../../', import.meta.url).pathname;
const INDICATOR = 'victims_identified';
const VIEW_WITH = 'PK-PB,PK,IT,ES,EU27';

/** How the dashboard words a confidence label. */
const confidenceText = (confidence: string) =>
  confidence === 'none' ? 'no confidence' : `${confidence} confidence`;

let stack: RunningStack;
let browser: Browser;

useBrowserStack((started, launched) => {
  stack = started;
  browser = launched;
});

async function open(
  path: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; status: number }> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const response = await page.goto(`${stack.webUrl}${path}`, { waitUntil: 'networkidle' });
  return { page, status: response?.status() ?? 0 };
}

const compare = (per: '100k' | 'absolute') =>
  apiJson<CompareResponse>(
    stack.apiUrl,
    `/v1/compare?indicator=${INDICATOR}&base=PK-PB-GUJRAT&with=${VIEW_WITH}&per=${per}`,
  );

/** Italy's newest figure for the indicator, from the API. */
async function italyLatest(per: '100k' | 'absolute') {
  const { data } = await compare(per);
  const points = data.comparison.years.flatMap((year) =>
    year.benchmarks.filter((b) => b.jurisdiction === 'IT' && b.point?.value != null).map((b) => b.point!),
  );
  const latest = points.sort((a, b) => b.year - a.year)[0];
  if (!latest) throw new Error('reference data has no Italian figure for victims_identified');
  return latest;
}

describe('overview', () => {
  it('renders the scorecard with real figures and a painted chart', async () => {
    const { page, status } = await open('/');
    expect(status).toBe(200);
    createUser(stack.databasePath, 'overview-admin@example.org', 'admin');
    const asAdmin = await apiSession(stack.apiUrl, 'overview-admin@example.org');
    const health = await asAdmin<HealthResponse>('GET', '/health');
    const text = await page.locator('main').innerText();
    expect(text).toContain(
      `${whole.format(health.data.database!.counts.publishedObservations)} published figures`,
    );
    expect(health.data.lastUpdated).not.toBeNull();
    expect(text).toContain(`Last updated ${longDate.format(new Date(health.data.lastUpdated!))}`);
    for (const pillar of ['Prevention', 'Protection', 'Prosecution', 'Partnership']) {
      expect(text).toContain(pillar);
    }

    const indicators = await apiJson<IndicatorListResponse>(stack.apiUrl, '/v1/indicators');
    const headline = indicators.data.filter((i) => i.headline && i.pillar !== 'context');
    const published: number[] = [];
    for (const indicator of headline) {
      const { data } = await apiJson<CompareResponse>(
        stack.apiUrl,
        `/v1/compare?indicator=${indicator.id}&base=PK-PB-GUJRAT&with=IT,ES`,
      );
      for (const year of data.comparison.years) {
        for (const b of year.benchmarks)
          if (b.point?.normalised && b.point.rawValue !== null) published.push(b.point.rawValue);
      }
    }
    expect(published.length).toBeGreaterThan(0);
    expect(published.some((value) => text.includes(whole.format(value)))).toBe(true);

    await chartDrawn(page);
    expect(await paintedPixels(page, 'figure canvas')).toBeGreaterThan(500);
    await screenshot(page, 'overview-desktop');
    await page.close();
  });

  it('shows the national framework separately and no pillar score for Gujrat that rests on national measures', async () => {
    const { page } = await open('/');
    const { data } = await apiJson<ScorecardResponse>(
      stack.apiUrl,
      '/v1/scorecard?jurisdiction=PK-PB-GUJRAT',
    );
    for (const pillar of ['prevention', 'protection', 'prosecution', 'partnership'] as const) {
      const score = data.pillars.find((p) => p.pillar === pillar)!;
      const card = page.locator('article.pillar', { has: page.locator(`#pillar-${pillar}`) });
      const gujrat = card.locator('tbody tr').first();
      const row = await gujrat.innerText();
      expect(row).toContain('Gujrat');
      expect(row).toContain(
        `Own evidence: ${score.coverage.ownItems} of ${score.coverage.scorableItems} items that could be scored`,
      );
      if (score.score === null) {
        expect(await gujrat.locator('strong.score').count()).toBe(0);
        expect(row).toContain(score.reason!);
      }
      if (score.coverage.frameworkItems > 0) {
        expect(row).toContain(`National framework: ${score.coverage.frameworkItems} (shown, not counted)`);
        const framework = await card.locator('section.framework').innerText();
        expect(framework).toContain('National framework (applies in');
        expect(framework).toContain('Pakistan');
      }
      expect(row).toContain(confidenceText(score.confidence));
      const shown = await gujrat.locator('strong.score').allInnerTexts();
      if (score.score === null) expect(shown).toEqual([]);
      else {
        expect(score.coverage.ownItems).toBeGreaterThanOrEqual(3);
        expect(shown).toEqual([String(Math.round(score.score))]);
      }
      for (const measure of score.measures.filter((m) => m.framework !== null)) {
        const link = card.locator(
          `section.framework a[href="/measures?base=PK-PB-GUJRAT#${measure.measure}"]`,
        );
        expect(await link.count()).toBe(1);
      }
    }
    const text = await page.locator('main').innerText();
    expect(text).toContain('National framework');
    await page.close();
  });

  it('focuses on any district, and shows Gujrat beside its neighbours, each on its own evidence', async () => {
    const sialkot = await open('/?base=PK-PB-SIALKOT');
    expect(sialkot.status).toBe(200);
    expect(await sialkot.page.locator('h1').innerText()).toContain('Sialkot District');
    expect(await sialkot.page.locator('select[name="base"]').inputValue()).toBe('PK-PB-SIALKOT');
    const { data: card } = await apiJson<ScorecardResponse>(
      stack.apiUrl,
      '/v1/scorecard?jurisdiction=PK-PB-SIALKOT',
    );
    const protection = card.pillars.find((p) => p.pillar === 'protection')!;
    const row = await sialkot.page
      .locator('article.pillar', { has: sialkot.page.locator('#pillar-protection') })
      .locator('tbody tr')
      .first()
      .innerText();
    expect(row).toContain('Sialkot District');
    expect(row).toContain(
      `Own evidence: ${protection.coverage.ownItems} of ${protection.coverage.scorableItems} items that could be scored`,
    );
    expect(
      await sialkot.page.locator('a[href="/pillars/protection?base=PK-PB-SIALKOT"]').count(),
    ).toBeGreaterThan(0);
    await sialkot.page.close();

    const beside = await open('/?neighbours=1');
    expect(beside.status).toBe(200);
    const rows = beside.page.locator('section.beside tbody tr');
    expect(
      await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset['jurisdiction'])),
    ).toEqual(['PK-PB-GUJRAT', 'PK-PB-MANDI-BAHAUDDIN', 'PK-PB-SIALKOT', 'PK-PB-GUJRANWALA']);
    const text = await beside.page.locator('section.beside').innerText();
    expect(text).toContain('against the same absolute references');
    for (const id of ['PK-PB-MANDI-BAHAUDDIN', 'PK-PB-SIALKOT', 'PK-PB-GUJRANWALA']) {
      const { data } = await apiJson<ScorecardResponse>(stack.apiUrl, `/v1/scorecard?jurisdiction=${id}`);
      const cells = await beside.page
        .locator(`section.beside tr[data-jurisdiction="${id}"] td`)
        .allInnerTexts();
      data.pillars.forEach((score, index) => {
        expect(cells[index]).toContain(
          `Own evidence: ${score.coverage.ownItems} of ${score.coverage.scorableItems} items that could be scored`,
        );
        if (score.score === null) expect(cells[index]).toContain('Withheld');
      });
    }
    await screenshot(beside.page, 'overview-neighbours');
    await beside.page.close();
  });

  it('names the data and code licences in the footer, with links to their texts', async () => {
    const { page } = await open('/');
    const footer = page.locator('footer');
    expect(await footer.innerText()).toContain(`Data: ${DATA_LICENCE.name}`);
    expect(await footer.locator('a[rel~="license"]').getAttribute('href')).toBe(DATA_LICENCE.url);
    expect(await footer.locator(`a[href="${CODE_LICENCE.url}"]`).innerText()).toContain(CODE_LICENCE.name);
    await page.close();
  });

  it('works on a phone-sized screen without the page scrolling sideways', async () => {
    const { page } = await open('/', { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'overview-phone');
    await page.close();
  });

  it('loads and draws the chart only once it scrolls into view on a phone, moving nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${stack.webUrl}/`, { waitUntil: 'networkidle' });
    const figure = page.locator('figure.chart');
    const below = () =>
      page.locator('figure.chart figcaption').evaluate((element) => (element as HTMLElement).offsetTop);
    expect(await figure.getAttribute('data-chart-ready')).toBe('false');
    const loadedUpFront = scripts.length;
    const captionTop = await below();
    await chartDrawn(page);
    expect(scripts.length).toBeGreaterThan(loadedUpFront);
    expect(await paintedPixels(page, 'figure.chart canvas')).toBeGreaterThan(500);
    expect(await below()).toBe(captionTop);
    await page.close();
  });
});

describe('indicator page', () => {
  it('draws the line chart and announces points from the keyboard', async () => {
    const { page, status } = await open(`/indicators/${INDICATOR}`);
    expect(status).toBe(200);
    await chartDrawn(page);
    expect(await paintedPixels(page, 'figure canvas')).toBeGreaterThan(500);
    const figcaption = await page.locator('figcaption').innerText();
    expect(figcaption).toContain('Italy');

    await page.locator('[role="application"]').focus();
    await page.keyboard.press('ArrowRight');
    const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
    await expect.poll(() => live.innerText()).toMatch(/\d{4}: /);
    await screenshot(page, 'indicator-chart');
    await page.close();
  });

  it('switches between per 100,000 and absolute numbers, and the URL follows', async () => {
    const [per100k, absolute] = await Promise.all([italyLatest('100k'), italyLatest('absolute')]);
    const { page } = await open(`/indicators/${INDICATOR}?tab=table&per=100k&jurisdictions=IT,ES`);
    const cell = page.locator(`td[data-jurisdiction="IT"][data-year="${absolute.year}"]`);
    const before = (await cell.innerText()).trim();
    expect(before).not.toBe(whole.format(absolute.value!));
    expect(per100k.normalised).toBe(true);

    await page.getByLabel('Absolute numbers').check();
    await page.waitForURL(/per=absolute/);
    await expect.poll(async () => (await cell.innerText()).trim()).toBe(whole.format(absolute.value!));
    expect(page.url()).toContain('tab=table');
    await page.close();
  });

  it('says each rate with its 95 % interval in the table, and never better or worse for a detection count', async () => {
    const { page } = await open(`/indicators/${INDICATOR}?tab=table&per=100k&jurisdictions=IT,ES`);
    const interval = page.locator('td.interval[data-interval-of="IT"]').first();
    expect((await interval.innerText()).trim()).toMatch(/^[\d.,]+ \(95 % interval [\d.,]+–[\d.,]+\)$/);

    const { page: compared } = await open(
      `/compare?indicators=${INDICATOR}&jurisdictions=PK-PB-GUJRAT,IT,ES`,
    );
    const lines = compared.locator('ul.comparisons > li > [class^="judgement-"]');
    expect(await lines.count()).toBeGreaterThan(0);
    for (const text of await lines.allInnerTexts()) expect(text).not.toMatch(/\b(better|worse)\b/i);
    expect(await compared.locator('.judgement-better, .judgement-worse').count()).toBe(0);
    await Promise.all([page.close(), compared.close()]);
  });

  it('downloads a CSV holding the figures shown, with their sources', async () => {
    const absolute = await italyLatest('absolute');
    const { page } = await open(`/indicators/${INDICATOR}?tab=table&per=absolute&jurisdictions=IT,ES`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toContain('source_title');
    const rowsShown = await page.locator('table.figures tbody tr').count();
    expect(lines.length - 1).toBe(rowsShown);
    const italyRow = lines.find((line) => line.includes(`,IT,Italy,${absolute.year},`));
    expect(italyRow).toBeDefined();
    expect(italyRow).toContain(`,${absolute.value},`);
    await page.close();
  });

  it('reproduces the view from a link: tab, scale and jurisdictions', async () => {
    const { page } = await open(`/indicators/${INDICATOR}?tab=table&per=absolute&jurisdictions=IT,ES`);
    await expect.poll(() => page.locator('.tabs a[aria-current="page"]').innerText()).toBe('Table');
    expect(await page.getByLabel('Absolute numbers').isChecked()).toBe(true);
    const checked = await page
      .locator('input[name="jurisdictions"]:checked')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(checked).toEqual(['IT', 'ES']);
    const named = await page.locator('table.figures tbody th').allInnerTexts();
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((name) => /Italy|Spain/.test(name))).toBe(true);
    await screenshot(page, 'indicator-table');
    await page.close();
  });

  it('exports the chart as a PNG', async () => {
    const { page } = await open(`/indicators/${INDICATOR}`);
    await chartDrawn(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download chart (PNG)' }).click(),
    ]);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });

  it('answers an unknown indicator with a helpful 404', async () => {
    const { page, status } = await open('/indicators/no_such_indicator');
    expect(status).toBe(404);
    const text = await page.locator('main').innerText();
    expect(text).toContain('There is no indicator “no_such_indicator”');
    const link = page.getByRole('link', { name: 'See the list of indicators' });
    expect(await link.getAttribute('href')).toBe('/indicators');
    await screenshot(page, 'not-found');
    await page.close();
  });
});

describe('other pages', () => {
  it('policy measures show levels with rubric labels and evidence', async () => {
    const measures = await apiJson<MeasureListResponse>(stack.apiUrl, '/v1/measures');
    const assessed = measures.data.find((m) => m.jurisdictions.length > 0);
    expect(assessed).toBeDefined();
    const { page, status } = await open('/measures');
    expect(status).toBe(200);
    const text = await page.locator('main').innerText();
    expect(text).toContain(assessed!.name);
    const entry = assessed!.jurisdictions[0]!;
    const label = measures.meta.rubric.find((r) => r.level === entry.latest.level)!.label;
    expect(text).toContain(label);
    await screenshot(page, 'measures');
    await page.close();
  });

  it('policy measures quote each assessment’s evidence with its locator and source, and GRETA’s evaluations', async () => {
    const measures = await apiJson<MeasureListResponse>(stack.apiUrl, '/v1/measures');
    const { page } = await open('/measures');
    for (const measure of measures.data) {
      for (const { jurisdiction, latest } of measure.jurisdictions) {
        if (!['PK-PB-GUJRAT', 'PK-PB', 'PK', 'IT', 'ES'].includes(jurisdiction) || latest.quote === null)
          continue;
        const cell = await page.locator(`tr#${measure.id}`).innerText();
        expect(cell).toContain(`“${latest.quote.text}”`);
        expect(cell).toContain(`at ${latest.quote.locator}`);
        expect(cell).toContain(latest.source.title);
      }
    }
    const plan = await page.locator('tr#national_action_plan').innerText();
    expect(plan).toContain('GRETA’s evaluation');
    expect(plan).toContain('These include the adoption of a new national action plan against trafficking');
    await page.close();

    const sialkot = await open('/measures?base=PK-PB-SIALKOT');
    const headers = await sialkot.page.locator('table.matrix').first().locator('thead th').allInnerTexts();
    expect(headers.slice(1, 3)).toEqual(['Sialkot District', 'Punjab']);
    await sialkot.page.close();
  });

  it('coverage says plainly where there is no data', async () => {
    const coverage = await apiJson<CoverageResponse>(stack.apiUrl, '/v1/coverage');
    const { page, status } = await open('/coverage');
    expect(status).toBe(200);
    const text = await page.locator('main').innerText();
    expect(text).toContain(`${coverage.meta.indicatorsWithData} of ${coverage.meta.indicators} indicators`);
    expect(text.toLowerCase()).toContain('no data');
    await screenshot(page, 'coverage');
    await page.close();
  });

  it('coverage and compare focus on any district, and show Gujrat beside its neighbours', async () => {
    const sialkot = await open('/coverage?base=PK-PB-SIALKOT');
    expect(sialkot.status).toBe(200);
    const headers = await sialkot.page.locator('table.coverage').first().locator('thead th').allInnerTexts();
    expect(headers.slice(1, 4)).toEqual(['Sialkot District', 'Punjab', 'Pakistan']);
    expect(headers).not.toContain('Gujrat District');
    await sialkot.page.close();

    const neighbours = await open('/coverage?neighbours=1');
    const columns = await neighbours.page
      .locator('table.coverage')
      .first()
      .locator('thead th')
      .allInnerTexts();
    expect(columns.slice(1, 8)).toEqual([
      'Gujrat District',
      'Gujranwala District',
      'Hafizabad District',
      'Mandi Bahauddin District',
      'Narowal District',
      'Sialkot District',
      'Wazirabad District',
    ]);
    await neighbours.page.close();

    const compared = await open('/compare?base=PK-PB-SIALKOT&indicators=persons_convicted&per=absolute');
    expect(compared.status).toBe(200);
    const text = await compared.page.locator('main').innerText();
    expect(text).toContain('compared against Sialkot District');
    expect(await compared.page.locator('select[name="base"]').inputValue()).toBe('PK-PB-SIALKOT');
    await compared.page.close();

    const beside = await open('/compare?neighbours=1&indicators=migrants_missing');
    expect(beside.status).toBe(200);
    const checked = await beside.page
      .locator('input[name="jurisdictions"]:checked')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(checked).toEqual([
      'PK-PB-GUJRAT',
      'PK-PB-GUJRANWALA',
      'PK-PB-HAFIZABAD',
      'PK-PB-MANDI-BAHAUDDIN',
      'PK-PB-NAROWAL',
      'PK-PB-SIALKOT',
      'PK-PB-WAZIRABAD',
    ]);
    await beside.page.close();
  });

  it('shows the jurisdiction tree of a chosen year', async () => {
    const placed = async (asOf: string) => {
      const { page, status } = await open(`/jurisdictions?asOf=${asOf}`);
      expect(status).toBe(200);
      const division = await page
        .locator('li[data-id="PK-PB-GUJRAT"]')
        .evaluate((li) => li.parentElement?.closest('li')?.dataset['id']);
      const wazirabad = await page.locator('li[data-id="PK-PB-WAZIRABAD"]').count();
      await page.close();
      return { division, wazirabad };
    };
    expect(await placed('2021')).toEqual({ division: 'PK-PB-GUJRANWALA-DIV', wazirabad: 0 });
    expect(await placed('2025')).toEqual({ division: 'PK-PB-GUJRAT-DIV', wazirabad: 1 });
  });

  it('a pillar page lists its indicators with latest values', async () => {
    const { page, status } = await open('/pillars/prosecution');
    expect(status).toBe(200);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Persons convicted');
    const { data } = await apiJson<CompareResponse>(
      stack.apiUrl,
      '/v1/compare?indicator=persons_convicted&base=PK-PB-GUJRAT&with=PK-PB,PK,IT,ES',
    );
    const italy = data.comparison.latestByBenchmark.find((item) => item.jurisdiction === 'IT')?.point;
    const italyPoints = data.comparison.years.flatMap((year) =>
      year.benchmarks
        .filter((b) => b.jurisdiction === 'IT' && b.point?.rawValue != null)
        .map((b) => b.point!),
    );
    const latestItaly = italyPoints.sort((a, b) => b.year - a.year)[0] ?? italy;
    expect(latestItaly?.rawValue).toBeTypeOf('number');
    expect(text).toContain(`${whole.format(latestItaly!.rawValue!)} as published`);
    expect(await page.locator('svg.sparkline').count()).toBeGreaterThan(0);
    await screenshot(page, 'pillar-prosecution');
    await page.close();
  });

  it('a pillar page shows the score from own evidence, the national framework, method and sensitivity, for any district', async () => {
    for (const [id, name] of [
      ['PK-PB-GUJRAT', 'Gujrat District'],
      ['PK-PB-SIALKOT', 'Sialkot District'],
    ] as const) {
      const { data } = await apiJson<ScorecardResponse>(stack.apiUrl, `/v1/scorecard?jurisdiction=${id}`);
      const score = data.pillars.find((p) => p.pillar === 'protection')!;
      const { page, status } = await open(`/pillars/protection?base=${id}`);
      expect(status).toBe(200);
      const text = await page.locator('section.scorecard').innerText();
      expect(text).toContain(`Score for ${name} (${data.year})`);
      expect(text).toContain(
        `Own evidence: ${score.coverage.ownItems} of ${score.coverage.scorableItems} items that could be scored`,
      );
      expect(text).toContain(confidenceText(score.confidence));
      expect(text).toContain(data.method);
      expect(text).toContain('Weights applied: indicators 50 %, measures 50 %');
      if (score.score === null) expect(text).toContain(score.reason!);
      else expect(text).toMatch(/Indicators only .* · measures only .* · 50\/50 /);
      if (score.coverage.frameworkItems > 0) expect(text).toContain('National framework (applies in');
      expect(text).toContain('Italy');
      expect(text).toContain('Spain');
      expect(await page.locator('select[name="base"]').inputValue()).toBe(id);
      await page.close();
    }
  });

  it('an unknown pillar is a 404', async () => {
    const { page, status } = await open('/pillars/nothing');
    expect(status).toBe(404);
    await page.close();
  });

  it('compare keeps its choices in the URL and warns about FIA figures', async () => {
    const { page, status } = await open(
      '/compare?indicators=persons_convicted,victims_identified&jurisdictions=PK,IT,ES&per=absolute',
    );
    expect(status).toBe(200);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Persons convicted');
    expect(text).toContain('Victims identified');
    expect(text).toMatch(/mix human trafficking with migrant smuggling/);
    await chartDrawn(page);
    await screenshot(page, 'compare');
    await page.close();
  });

  it('methodology renders the domain’s weights, rubric and method texts', async () => {
    const { page, status } = await open('/methodology');
    expect(status).toBe(200);
    const text = await page.locator('main').innerText();
    const measures = await apiJson<MeasureListResponse>(stack.apiUrl, '/v1/measures');
    for (const level of measures.meta.rubric) expect(text).toContain(level.label);
    const methods = [
      ...Object.values(GRADE_METHOD),
      ASSESSMENT_METHOD,
      SOURCE_QUALITY_METHOD,
      INTERVAL_METHOD,
      NORMALISATION_METHOD,
      SUPPRESSION_METHOD,
      DERIVATION_METHOD,
    ];
    for (const method of methods) expect(text).toContain(method);
    await screenshot(page, 'methodology');
    await page.close();
  });
});

describe('targets and the API proxy', () => {
  it('draws a target set by a reviewer and names it in the chart summary and the about tab', async () => {
    const password = 'e2e-dashboard-password';
    const email = 'reviewer.dashboard@example.org';
    const created = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'apps/api/dist/cli/user-create.js'),
        '--email',
        email,
        '--role',
        'provincial_reviewer',
        '--jurisdiction',
        'PK-PB',
      ],
      {
        env: { ...process.env, DATABASE_PATH: stack.databasePath, FOURP_PASSWORD: password },
        encoding: 'utf8',
      },
    );
    expect(created.status, created.stderr).toBe(0);
    const login = await fetch(`${stack.apiUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { data: session } = (await login.json()) as { data: { csrfToken: string } };
    const observations = await apiJson<{
      data: { id: number; source: { id: number }; year: number; value: number | null }[];
    }>(stack.apiUrl, '/v1/observations?indicator=persons_arrested&jurisdiction=PK-PB');
    const baseline = observations.data.find((o) => o.value !== null)!;
    const put = await fetch(`${stack.apiUrl}/v1/targets`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie, 'X-FourP-CSRF': session.csrfToken },
      body: JSON.stringify({
        indicator: 'persons_arrested',
        jurisdiction: 'PK-PB',
        baseline: { year: baseline.year, value: baseline.value, sourceId: baseline.source.id },
        target: { year: 2030, value: 4000, sourceId: baseline.source.id },
        note: null,
      }),
    });
    expect(put.status).toBeLessThan(300);

    const { page } = await open(
      '/indicators/persons_arrested?tab=chart&per=absolute&jurisdictions=PK-PB,PK,IT,ES',
    );
    await chartDrawn(page);
    expect(await page.locator('figcaption').innerText()).toContain('Target for Punjab: 4,000 by 2030');
    await screenshot(page, 'indicator-target');
    await page.getByRole('link', { name: 'About' }).click();
    await page.waitForURL(/tab=about/);
    await expect.poll(() => page.locator('main').innerText()).toContain('Punjab: 4,000 by 2030');
    await page.close();
  });

  it('serves API downloads from the dashboard’s own origin', async () => {
    const response = await fetch(`${stack.webUrl}/api/v1/observations?indicator=${INDICATOR}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    expect(response.headers.get('link')).toBe(`<${DATA_LICENCE.url}>; rel="license"`);
    const absolute = await italyLatest('absolute');
    expect(await response.text()).toContain(`,${absolute.value},`);
    const problem = await fetch(`${stack.webUrl}/api/v1/indicators/nope`);
    expect(problem.status).toBe(404);
    expect(problem.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('the entry form', () => {
  it('offers every source on record, including one that backs no published figure yet', async () => {
    const email = 'official.sources@example.org';
    const title = 'Draft-only source (e2e dashboard test)';
    createUser(stack.databasePath, email, 'district_official', 'PK-PB-GUJRAT');
    const call = await apiSession(stack.apiUrl, email);
    const indicator = await indicatorWithoutGujratData(stack.apiUrl);
    await call('POST', '/v1/observations', {
      indicator: indicator.id,
      jurisdiction: 'PK-PB-GUJRAT',
      year: 2024,
      value: 12,
      source: { title, publisher: 'Gujrat (e2e test)' },
    });
    const sources = await call<SourceListResponse>('GET', '/v1/sources?limit=500');
    expect(sources.data.map((source) => source.title)).toContain(title);
    const anonymous = await apiJson<SourceListResponse>(stack.apiUrl, '/v1/sources?limit=500');
    expect(anonymous.data.map((source) => source.title)).not.toContain(title);

    const { context, page } = await signIn(browser, stack.webUrl, email);
    await page.goto(`${stack.webUrl}/entry`, { waitUntil: 'networkidle' });
    const options = await page.getByLabel('Existing source').locator('option').allInnerTexts();
    expect(options.slice(1)).toHaveLength(sources.data.length);
    expect(options.some((option) => option.startsWith(`${title} — Gujrat (e2e test)`))).toBe(true);
    await context.close();
  });
});

describe('when the API is down', () => {
  it('says so in plain words with a 503, instead of a blank page', async () => {
    const deadPort = await freePort();
    const web = await startWeb(`http://127.0.0.1:${deadPort}`);
    try {
      const page = await browser.newPage();
      const response = await page.goto(`${web.webUrl}/indicators/${INDICATOR}`);
      expect(response?.status()).toBe(503);
      expect(await page.locator('main').innerText()).toContain('The data service could not be reached');
      await page.close();
    } finally {
      await web.stop();
    }
  });
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
  it('sends a hash-based CSP without unsafe-inline scripts, and the framing and sniffing headers, on /', async () => {
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
    expect(csp.get('style-src')).not.toContain("'unsafe-inline'");
    const html = await res.text();
    const inline = (tag: string) =>
      [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map(
        ([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`,
      );
    expect(inline('script').length).toBeGreaterThan(0);
    expect(scripts).toEqual(["'self'", ...inline('script')]);
    expect(csp.get('style-src')).toEqual(["'self'", ...inline('style')]);
    expect(html).not.toContain('nonce=');
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
