import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';

const SCRIPT_FILE = createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');
export const DOCS_SCRIPT_PATH = '/docs/scalar.js';

const page = Scalar({
  url: '/openapi.json',
  cdn: DOCS_SCRIPT_PATH,
  pageTitle: 'FourP API reference',
  favicon: 'data:,',
  withDefaultFonts: false,
  telemetry: false,
  showDeveloperTools: 'never',
  ...{ agent: { disabled: true } },
});

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');

/** The page's own policy: its inline bootstrap script by hash, and the inline styles Scalar's components set. */
const contentSecurityPolicy = (html: string) =>
  [
    "default-src 'none'",
    `script-src 'self' ${inlineScripts(html).map(sha256).join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/** The API reference rendered by Scalar from /openapi.json, with Scalar's script served from here (no CDN). */
export const docsRoutes = () => {
  let script: Promise<string> | undefined;
  let policy: string | undefined;
  return new Hono<AppEnv>()
    .use('/', async (c, next) => {
      await next();
      policy ??= contentSecurityPolicy(await c.res.clone().text());
      c.res.headers.set('Content-Security-Policy', policy);
    })
    .get('/', page)
    .get('/scalar.js', async (c) =>
      c.body(await (script ??= readFile(SCRIPT_FILE, 'utf8')), 200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=3600',
      }),
    );
};
