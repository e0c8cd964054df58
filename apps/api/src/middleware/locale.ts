import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LOCALE, negotiateLocale, writeValidationIn, type Locale } from '@fourp/domain';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { varyOn } from './cache.js';

const requestLocale = new AsyncLocalStorage<Locale>();
writeValidationIn(() => requestLocale.getStore() ?? DEFAULT_LOCALE);

/** Negotiates the language of the answer once (`?lang=` over `Accept-Language`) and labels the answer with it. */
export const negotiatedLocale = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const locale = negotiateLocale(c.req.query('lang'), c.req.header('Accept-Language'));
  c.set('locale', locale);
  // The default language needs no store (zod's own messages are English), and Node 20 pays for every
  // promise while a store is active.
  await (locale === DEFAULT_LOCALE ? next() : requestLocale.run(locale, next));
  c.res.headers.set('Content-Language', locale);
  varyOn(c.res.headers, 'Accept-Language');
};
