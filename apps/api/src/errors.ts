import { renderInEveryLocale, type DomainError, type Locale, type Problem } from '@fourp/domain';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { AppEnv } from './env.js';
import { inEveryLocale, say } from './i18n/messages.js';

const STATUS_BY_CODE = {
  validation_failed: 400,
  invalid_observation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unknown_indicator: 404,
  unknown_jurisdiction: 404,
  unknown_measure: 404,
  unknown_source: 404,
  route_not_found: 404,
  no_data: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  missing_population: 422,
  not_derivable: 422,
  no_baseline: 422,
  insufficient_data: 422,
  selection_too_large: 422,
  service_unavailable: 503,
  internal_error: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ApiErrorCode = keyof typeof STATUS_BY_CODE;
export const API_ERROR_CODES = Object.keys(STATUS_BY_CODE) as ApiErrorCode[];

const TITLE_EN: Record<ApiErrorCode, string> = {
  validation_failed: 'Invalid request parameters',
  invalid_observation: 'Invalid observation',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  rate_limited: 'Too many requests',
  unknown_indicator: 'Unknown indicator',
  unknown_jurisdiction: 'Unknown jurisdiction',
  unknown_measure: 'Unknown policy measure',
  unknown_source: 'Unknown source',
  route_not_found: 'Not found',
  no_data: 'No data',
  method_not_allowed: 'Method not allowed',
  payload_too_large: 'Request body too large',
  missing_population: 'Population missing',
  not_derivable: 'Cannot be computed',
  no_baseline: 'No baseline',
  insufficient_data: 'Insufficient data',
  selection_too_large: 'Selection too large for this format',
  service_unavailable: 'Service unavailable',
  internal_error: 'Internal server error',
};

const TITLE_UR: Record<ApiErrorCode, string> = {
  validation_failed: 'درخواست کے پیرامیٹر درست نہیں',
  invalid_observation: 'عدد کا اندراج درست نہیں',
  unauthenticated: 'سائن اِن ضروری ہے',
  forbidden: 'اجازت نہیں',
  not_found: 'نہیں ملا',
  conflict: 'تصادم',
  rate_limited: 'بہت زیادہ درخواستیں',
  unknown_indicator: 'نامعلوم اشاریہ',
  unknown_jurisdiction: 'نامعلوم دائرۂ اختیار',
  unknown_measure: 'نامعلوم پالیسی اقدام',
  unknown_source: 'نامعلوم ماخذ',
  route_not_found: 'نہیں ملا',
  no_data: 'کوئی ڈیٹا نہیں',
  method_not_allowed: 'یہ طریقہ اجازت یافتہ نہیں',
  payload_too_large: 'درخواست کا مواد حد سے بڑا ہے',
  missing_population: 'آبادی کا عدد موجود نہیں',
  not_derivable: 'حساب نہیں لگایا جا سکتا',
  no_baseline: 'بنیادی سطح موجود نہیں',
  insufficient_data: 'ناکافی ڈیٹا',
  selection_too_large: 'اس فارمیٹ کے لیے انتخاب بہت بڑا ہے',
  service_unavailable: 'سروس دستیاب نہیں',
  internal_error: 'سرور کی اندرونی خرابی',
};

/** Every problem title in every locale: a locale missing one fails to compile. */
export const PROBLEM_TITLES: Record<Locale, Record<ApiErrorCode, string>> = { en: TITLE_EN, ur: TITLE_UR };

/** A detail the API writes in every language; details from elsewhere stay as written. */
export type LocalisedDetail = Record<Locale, string>;

const WHERE_UR = { query: 'کوئری', path: 'راستے', body: 'مواد' } as const;

/** `localised`: the message in every language, when it was written so; `message` is then its English. */
export type ParameterIssue = { path: string; message: string; localised?: LocalisedDetail };
/** A parameter issue whose message may be written in every language. */
export type LocalisableIssue = Omit<ParameterIssue, 'message' | 'localised'> & {
  message: string | LocalisedDetail;
};

export const inLocale = (text: string | LocalisedDetail, locale: Locale) =>
  typeof text === 'string' ? text : text[locale];

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: ContentfulStatusCode;
  /** The issues with their English message, as CLI and tests read them; `errorsIn` gives them in a language. */
  readonly errors: ParameterIssue[] | undefined;
  readonly localised: LocalisedDetail | null;

  constructor(
    code: ApiErrorCode,
    detail: string | LocalisedDetail,
    errors?: readonly (ParameterIssue | LocalisableIssue)[],
  ) {
    super(inLocale(detail, 'en'));
    this.localised = typeof detail === 'string' ? null : detail;
    this.name = 'ApiError';
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.errors = errors?.map((issue) =>
      typeof issue.message === 'string'
        ? (issue as ParameterIssue)
        : { ...issue, message: issue.message.en, localised: issue.message },
    );
  }

  detailIn(locale: Locale): string {
    return this.localised?.[locale] ?? this.message;
  }

  errorsIn(locale: Locale): ParameterIssue[] | undefined {
    return this.errors?.map(({ localised, ...issue }) =>
      localised === undefined ? issue : { ...issue, message: localised[locale] },
    );
  }

  static fromZod(error: ZodError, where: 'query' | 'path' | 'body'): ApiError {
    const errors = error.issues.map((issue) => ({
      path: issue.path.length > 0 ? issue.path.map(String).join('.') : where,
      message: issue.message,
    }));
    const names = [...new Set(errors.map((e) => e.path))].join(', ');
    return new ApiError(
      'validation_failed',
      { en: `Invalid ${where} parameter(s): ${names}.`, ur: `${WHERE_UR[where]} کے غلط پیرامیٹر: ${names}۔` },
      errors,
    );
  }

  /** The refusal of parameters, its detail their messages one after another. */
  static invalid(issues: LocalisableIssue[]): ApiError {
    const detail = inEveryLocale((locale) => issues.map((i) => inLocale(i.message, locale)).join(' '));
    return new ApiError('validation_failed', detail, issues);
  }

  static fromDomain(error: DomainError): ApiError {
    return new ApiError(
      error.code,
      error.why === undefined ? error.message : renderInEveryLocale(error.why),
      error.issues,
    );
  }
}

export const problemTypeOf = (code: ApiErrorCode) => `urn:fourp:problem:${code}`;

/** The one place that writes an RFC 9457 problem response. */
export function problemResponse(c: Context<AppEnv>, error: ApiError, headers: Record<string, string> = {}) {
  const locale = c.get('locale') ?? 'en';
  const body: Problem = {
    type: problemTypeOf(error.code),
    title: PROBLEM_TITLES[locale][error.code],
    status: error.status,
    detail: error.detailIn(locale),
    code: error.code,
    requestId: c.get('requestId') ?? '',
    ...(error.errors ? { errors: error.errorsIn(locale) } : {}),
  };
  return c.body(JSON.stringify(body), error.status, {
    ...headers,
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
  });
}

const HONO_MALFORMED_JSON = 'Malformed JSON in request body';

function asApiError(err: Error): ApiError | null {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new ApiError('payload_too_large', say('body_too_large'));
    if (err.status === 400) {
      const detail = err.message === HONO_MALFORMED_JSON ? say('body_malformed_json') : err.message;
      return new ApiError('validation_failed', detail || say('body_malformed'));
    }
    if (err.status === 415) return new ApiError('validation_failed', say('body_not_json'));
  }
  return null;
}

export function handleError(err: Error, c: Context<AppEnv>) {
  const known = asApiError(err);
  if (known) return problemResponse(c, known);
  c.get('logger').error('unhandled error', {
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    error: err.stack ?? String(err),
  });
  return problemResponse(
    c,
    new ApiError('internal_error', {
      en: 'The server could not complete the request.',
      ur: 'سرور درخواست مکمل نہیں کر سکا۔',
    }),
  );
}

export function handleNotFound(c: Context<AppEnv>) {
  return problemResponse(
    c,
    new ApiError('route_not_found', {
      en: `No resource at ${c.req.path}.`,
      ur: `${c.req.path} پر کچھ موجود نہیں۔`,
    }),
  );
}
