import { z } from 'zod';
import { DEFAULT_LOCALE, type Locale } from './locale.js';
import { readMessageLocaleFrom } from './message-locale.js';

const ZOD_ERRORS: Record<Locale, z.core.$ZodErrorMap> = {
  en: z.locales.en().localeError,
  ur: z.locales.ur().localeError,
};

/**
 * Makes every validation message (zod's own and the contracts' custom ones) follow the language `read` gives
 * while a schema parses. Configured here so it reaches the zod instance the contracts were built with.
 */
export function writeValidationIn(read: () => Locale): void {
  z.config({
    customError: (issue) => {
      const locale = read();
      return locale === DEFAULT_LOCALE ? undefined : ZOD_ERRORS[locale](issue);
    },
  });
  readMessageLocaleFrom(read);
}
