import { ProblemSchema } from '@fourp/domain';
import type { ZodType } from 'zod';

const REQUEST_ID = { 'X-Request-Id': { $ref: '#/components/headers/RequestId' } };
const OK_HEADERS = { ...REQUEST_ID, ETag: { $ref: '#/components/headers/ETag' } };

const PROBLEM_DESCRIPTIONS = {
  400: 'Invalid input; `errors` names each parameter or field',
  401: 'Not signed in, or the API token is unknown, revoked or expired',
  403: 'The role may not do this here, or the X-FourP-CSRF header is missing',
  404: 'Unknown id',
  409: 'The resource is in a state that does not allow this',
  413: 'Request body too large',
  422: 'The request is valid but cannot be answered (e.g. a population is missing)',
  429: 'Too many requests; see Retry-After',
  500: 'Unexpected failure; no internals are returned',
  503: 'A dependency (the database) is not reachable',
} as const;

export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

const problemResponse = (status: ProblemStatus) => ({
  description: PROBLEM_DESCRIPTIONS[status],
  headers: REQUEST_ID,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** Problem responses (RFC 9457) for the given statuses, plus 400 and 500, which any route may answer. */
export function problems(...statuses: ProblemStatus[]) {
  const all = [...new Set<ProblemStatus>([400, ...statuses, 500])].sort((a, b) => a - b);
  return Object.fromEntries(all.map((status) => [status, problemResponse(status)])) as Record<
    ProblemStatus,
    ReturnType<typeof problemResponse>
  >;
}

/** A JSON answer whose body is `schema`, with the request id and ETag headers. */
export const jsonResponse = <S extends ZodType>(schema: S, description = 'OK') => ({
  description,
  headers: OK_HEADERS,
  content: { 'application/json': { schema } },
});

/** A list route's answer: JSON, or the rows as CSV for `format=csv` or `Accept: text/csv`. */
export const listResponse = <S extends ZodType>(schema: S, description = 'OK') => ({
  description,
  headers: OK_HEADERS,
  content: {
    'application/json': { schema },
    'text/csv': { schema: { type: 'string' as const, description: 'header row, one row per item' } },
  },
});

/** A conditional GET answered from the client's cache. */
export const NOT_MODIFIED = { description: 'Not modified: If-None-Match matched the ETag' };

/** A required JSON request body. */
export const jsonBody = <S extends ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** Who may call: anyone (public reads that signed-in callers may also make). */
export const ANYONE: Record<string, string[]>[] = [{}, { session: [] }, { bearer: [] }];
/** Who may call: a signed-in user, with the cookie plus its CSRF header or with an API token. */
export const SIGNED_IN: Record<string, string[]>[] = [{ session: [], csrf: [] }, { bearer: [] }];
