import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartDrawn, paintedPixels } from '../support/browser.js';
import { CHART_PATHS, PUBLIC_PATHS } from '../support/public-pages.js';
import type { RunningStack } from '../support/servers.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { PASSWORD, createUser } from './workflow-support.js';

/** Every public page, with a chart on those that draw one; each is checked for English left in its visible text. */
const PUBLIC_PAGES = PUBLIC_PATHS.map((path) => ({ path, chart: CHART_PATHS.has(path) }));

/** Latin-script words an Urdu page may show outside marked elements: proper names, codes, acronyms, units. */
const ALLOWED_LATIN = new Set(
  [
    'FourP',
    'FIA',
    'PBS',
    'GRETA',
    'UNODC',
    'IOM',
    'TIP',
    'ISTAT',
    'INE',
    'CITCO',
    'PTPA',
    'Art',
    'SDMX',
    'IATI',
    'CSV',
    'XLSX',
    'JSON',
    'API',
    'ISO',
    'ICCS',
    'Eurostat',
    'PNG',
    'SHA',
    'UTC',
    'EU',
    'PK',
    'PB',
    'IT',
    'ES',
    'GJ',
    'CC',
    'BY',
    'MIT',
    'ODbL',
    'PDF',
    'URL',
    'YYYY',
    'MM',
    'DD',
    'ID',
    'NGO',
    'A',
    'B',
    'C',
    'D',
    'E',
    'P',
    'U',
    'S',
  ].map((word) => word.toLowerCase()),
);

/**
 * Proper names that Urdu text keeps in their own script (laws, plans, institutions, publications), as the
 * glossary says; their words are allowed, a sentence around them is not.
 */
const PROPER_NAMES = [
  'Global Slavery Index',
  'Walk Free',
  'FIA Red Book',
  'Trafficking in Persons Report',
  'Tier 2 Watch List',
  'Prevention of Smuggling of Migrants Act',
  'The News International',
  'U.S. Department of State',
  'Associated Press of Pakistan',
  'APP',
  'National Action Plan against Trafficking and Serious Exploitation',
  'National Strategic Plan',
  'Department for Equal Opportunities',
  'Framework Protocol for the Protection of Victims of Trafficking',
  'Fiscalía General del Estado',
  'FIA Anti-Human Trafficking Circles',
  'Criminal Code bis',
  'Punjab Social Protection Authority',
  'Legislative Decree',
  'TEVTA',
  'PSDF',
  'PSMA',
  'Gujrat',
  'Emigration Ordinance',
  'Organic Law',
  'Trafficking in Human Beings',
  'decreto flussi',
  'unità di strada',
  'Adoratrices',
  'UCRIF',
  'SIRIT',
  'Arts',
  'MoU',
  'NGOs',
  'GSI rank',
  // Statistical methods and symbols, named as researchers cite them.
  'Theil–Sen',
  'least squares',
  'Garwood',
  'Poisson',
  'chi-square',
  'log-linear',
  'R n k x',
];
for (const name of PROPER_NAMES) {
  for (const word of name.match(/[A-Za-z][A-Za-z'’]*/g) ?? []) ALLOWED_LATIN.add(word.toLowerCase());
}

/** Latin words in the page's visible text outside elements that mark their language or direction. */
function untranslatedWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const exempt = '[lang="en"], cite, bdi, [dir="ltr"], code, script, style';
    const words: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(exempt) || !parent.checkVisibility()) continue;
      // Codes such as victims_identified are identifiers, the same in every language.
      const text = (node.textContent ?? '').replace(/\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b/g, ' ');
      words.push(...(text.match(/[A-Za-z][A-Za-z'’]*/g) ?? []));
    }
    return words;
  });
}

let stack: RunningStack;
let browser: Browser;

useBrowserStack((started, launched) => {
  stack = started;
  browser = launched;
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const response = await page.goto(`${stack.webUrl}${path}`, { waitUntil: 'networkidle' });
  expect(response?.status(), path).toBe(200);
  return page;
}

const htmlAttributes = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe('the dashboard in Urdu', () => {
  it.each(PUBLIC_PAGES)(
    'serves $path right to left in Urdu, with alternates and a switch that round-trips',
    async ({ path, chart }) => {
      const urdu = path === '/' ? '/ur' : `/ur${path}`;
      const page = await open(urdu);
      expect(await htmlAttributes(page)).toEqual({ lang: 'ur', dir: 'rtl' });
      const alternates = await page.$$eval('link[rel="alternate"][hreflang]', (links) =>
        Object.fromEntries(
          links.map((link) => [link.getAttribute('hreflang'), new URL(link.getAttribute('href')!).pathname]),
        ),
      );
      expect(alternates).toEqual({ en: path, ur: urdu, 'x-default': path });
      const internal = await page.$$eval('nav a[href^="/"]', (links) =>
        links.map((a) => a.getAttribute('href')),
      );
      expect(internal.filter((href) => href !== '/ur' && !href?.startsWith('/ur/'))).toEqual([]);
      if (chart) {
        await chartDrawn(page);
        expect(await paintedPixels(page, 'figure.chart canvas')).toBeGreaterThan(500);
      }
      const english = (await untranslatedWords(page)).filter(
        (word) => !ALLOWED_LATIN.has(word.toLowerCase()),
      );
      expect([...new Set(english)]).toEqual([]);

      const toEnglish = page.locator('a[hreflang="en"][lang="en"]');
      expect(await toEnglish.textContent()).toBe('English');
      await Promise.all([page.waitForURL(`${stack.webUrl}${path}`), toEnglish.click()]);
      expect(await htmlAttributes(page)).toEqual({ lang: 'en', dir: 'ltr' });
      const toUrdu = page.locator('a[hreflang="ur"][lang="ur"]');
      expect(await toUrdu.textContent()).toBe('اردو');
      await Promise.all([page.waitForURL(`${stack.webUrl}${urdu}`), toUrdu.click()]);
      expect(await htmlAttributes(page)).toEqual({ lang: 'ur', dir: 'rtl' });
      await page.close();
    },
  );

  it('keeps the language through sign-in and shows the entry form in Urdu', async () => {
    createUser(stack.databasePath, 'i18n-official@fourp.test', 'district_official', 'PK-PB-GUJRAT');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/ur/entry`, { waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/ur/login');
    await page.locator('input[name="email"]').fill('i18n-official@fourp.test');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/ur/entry'),
      page.locator('form button[type="submit"]').click(),
    ]);
    await page.waitForLoadState('networkidle');
    expect(await htmlAttributes(page)).toEqual({ lang: 'ur', dir: 'rtl' });
    const english = (await untranslatedWords(page)).filter((word) => !ALLOWED_LATIN.has(word.toLowerCase()));
    expect([...new Set(english)]).toEqual([]);
    await context.close();
  });
});
