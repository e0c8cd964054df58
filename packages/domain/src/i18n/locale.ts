export const LOCALES = ['en', 'ur'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** BCP 47 tag of each locale as a `Content-Language` header or `Intl` takes it. */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en', ur: 'ur-PK' };

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The locale of a language tag by its primary subtag (`ur-PK` → `ur`); null when not offered. */
export function localeOfTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : null;
}

type Range = { locale: Locale | '*' | null; q: number; order: number };

function parseRange(part: string, order: number): Range {
  const [tag = '', ...params] = part.split(';').map((s) => s.trim());
  const qParam = params.find((p) => /^q=/i.test(p));
  const q = qParam === undefined ? 1 : Number(qParam.slice(2));
  return { locale: tag === '*' ? '*' : localeOfTag(tag), q: Number.isFinite(q) ? q : 0, order };
}

/**
 * The locale of a request: `?lang=` when it names an offered locale, else the offered language the
 * `Accept-Language` header ranks highest (q-values, ties by order), else the default (`en`).
 */
export function negotiateLocale(
  lang: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  const chosen = lang === null || lang === undefined ? null : localeOfTag(lang);
  if (chosen !== null) return chosen;
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(parseRange)
    .filter((r) => r.locale !== null && r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  const best = ranges[0];
  if (best === undefined || best.locale === null || best.locale === '*') return DEFAULT_LOCALE;
  return best.locale;
}
