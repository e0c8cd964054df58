import type { DomainError, Problem } from '@fourp/domain';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { AppEnv } from './env.js';

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
  service_unavailable: 503,
  internal_error: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ApiErrorCode = keyof typeof STATUS_BY_CODE;
export const API_ERROR_CODES = Object.keys(STATUS_BY_CODE) as ApiErrorCode[];

const TITLE_BY_CODE: Record<ApiErrorCode, string> = {
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
  service_unavailable: 'Service unavailable',
  internal_error: 'Internal server error',
};

export type ParameterIssue = { path: string; message: string };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: ContentfulStatusCode;
  readonly errors: ParameterIssue[] | undefined;

  constructor(code: ApiErrorCode, detail: string, errors?: ParameterIssue[]) {
    super(detail);
    this.name = 'ApiError';
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.errors = errors;
  }

  static fromZod(error: ZodError, where: 'query' | 'path' | 'body'): ApiError {
    const errors = error.issues.map((issue) => ({
      path: issue.path.length > 0 ? issue.path.map(String).join('.') : where,
      message: issue.message,
    }));
    const names = [...new Set(errors.map((e) => e.path))].join(', ');
    return new ApiError('validation_failed', `Invalid ${where} parameter(s): ${names}.`, errors);
  }

  static fromDomain(error: DomainError): ApiError {
    return new ApiError(error.code, error.message, error.issues);
  }
}

export const problemTypeOf = (code: ApiErrorCode) => `urn:fourp:problem:${code}`;

/** The one place that writes an RFC 9457 problem response. */
export function problemResponse(c: Context<AppEnv>, error: ApiError, headers: Record<string, string> = {}) {
  const body: Problem = {
    type: problemTypeOf(error.code),
    title: TITLE_BY_CODE[error.code],
    status: error.status,
    detail: error.message,
    code: error.code,
    requestId: c.get('requestId') ?? '',
    ...(error.errors ? { errors: error.errors } : {}),
  };
  return c.body(JSON.stringify(body), error.status, {
    ...headers,
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
  });
}

function asApiError(err: Error): ApiError | null {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413)
      return new ApiError('payload_too_large', 'The request body exceeds the size limit.');
    if (err.status === 400) return new ApiError('validation_failed', err.message || 'Malformed request.');
    if (err.status === 415)
      return new ApiError('validation_failed', 'Send the request body as application/json.');
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
  return problemResponse(c, new ApiError('internal_error', 'The server could not complete the request.'));
}

export function handleNotFound(c: Context<AppEnv>) {
  return problemResponse(c, new ApiError('route_not_found', `No resource at ${c.req.path}.`));
}
