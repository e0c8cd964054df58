import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LOCALE, negotiateLocale, readMessageLocaleFrom, type Locale } from '@fourp/domain';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env.js';

const requestLocale = new AsyncLocalStorage<Locale>();
const ZOD_ERRORS: Record<Locale, z.core.$ZodErrorMap> = {
  en: z.locales.en().localeError,
  ur: z.locales.ur().localeError,
};

// zod's default messages and the domain contracts' own messages follow the request's language.
z.config({
  customError: (issue) => {
    const locale = requestLocale.getStore() ?? DEFAULT_LOCALE;
    return locale === DEFAULT_LOCALE ? undefined : ZOD_ERRORS[locale](issue);
  },
});
readMessageLocaleFrom(() => requestLocale.getStore() ?? DEFAULT_LOCALE);

/** Negotiates the language of the answer once (`?lang=` over `Accept-Language`) and labels the answer with it. */
export const negotiatedLocale = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const locale = negotiateLocale(c.req.query('lang'), c.req.header('Accept-Language'));
  c.set('locale', locale);
  await requestLocale.run(locale, next);
  c.res.headers.set('Content-Language', locale);
  const vary = c.res.headers.get('Vary');
  if (!vary?.split(',').some((v) => v.trim().toLowerCase() === 'accept-language'))
    c.res.headers.set('Vary', vary ? `${vary}, Accept-Language` : 'Accept-Language');
};
