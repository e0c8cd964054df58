import { ProblemSchema, type Problem } from '@fourp/domain';
import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { errorsByField } from '$lib/workflow/forms';

const TITLE_BY_CODE = {
  api_unreachable: 'Data service unreachable',
  api_error: 'Data service error',
  bad_response: 'Unexpected answer from the data service',
} as const;
export type WebProblemCode = keyof typeof TITLE_BY_CODE;

/** A problem the dashboard reports itself, in the API's RFC 9457 shape; `requestId` empty when no API request ran. */
export const webProblem = (
  code: WebProblemCode,
  status: number,
  detail: string,
  requestId = '',
): Problem => ({
  type: `urn:fourp:problem:${code}`,
  title: TITLE_BY_CODE[code],
  status,
  detail,
  code,
  requestId,
});

export const unreachableProblem = (requestId = '') =>
  webProblem('api_unreachable', 503, m.error_apiUnreachable(), requestId);

/** The problem in a failed API answer; a body that is not a problem still yields one, with the HTTP status. */
export function problemOf(status: number, body: unknown): Problem {
  const parsed = ProblemSchema.safeParse(body);
  if (parsed.success) return { ...parsed.data, status };
  return webProblem('api_error', status, m.error_apiStatus({ status }));
}

export function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
  });
}

/** For loaders: the problem as the SvelteKit error page shows it. */
export function throwProblem(problem: Problem): never {
  error(problem.status, {
    message: problem.detail,
    code: problem.code,
    ...(problem.requestId === '' ? {} : { requestId: problem.requestId }),
  });
}

export type FailOptions = {
  /** The form's field names; errors on other paths go under `''`. */
  fields?: readonly string[];
  /** Maps an API error path to the form field that shows it. */
  fieldOf?: (path: string) => string;
  status?: number;
};

/** For form actions: the problem's message and its `errors[]` beside the fields, with the form's own data. */
export function failWith<D extends Record<string, unknown>>(
  problem: Problem,
  data: D,
  options: FailOptions = {},
) {
  const { fieldOf, fields, status = problem.status } = options;
  const issues = fieldOf ? problem.errors?.map((e) => ({ ...e, path: fieldOf(e.path) })) : problem.errors;
  return fail(status, { ...data, message: problem.detail, errors: errorsByField(issues, fields) });
}
