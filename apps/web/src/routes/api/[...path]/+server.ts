import { problemResponse, unreachableProblem } from '$lib/api/problem';
import { apiUrl } from '$lib/server/config';
import type { RequestHandler } from './$types';

const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'content-type',
  'cookie',
  'authorization',
  'x-request-id',
  'if-none-match',
];
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'cache-control',
  'etag',
  'last-modified',
  'expires',
  'vary',
  'retry-after',
  'link',
  'location',
  'x-request-id',
];

/** Forwards a same-origin `/api/...` request to the API, so the browser never needs CORS. */
const forward: RequestHandler = async ({ request, params, url }) => {
  const target = `${apiUrl()}/${params.path}${url.search}`;
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: 'manual',
    });
  } catch (cause) {
    const problem = unreachableProblem(crypto.randomUUID());
    console.error(`API unreachable: ${request.method} /${params.path} (${problem.requestId})`, cause);
    return problemResponse(problem);
  }
  const responseHeaders = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) responseHeaders.set(name, value);
  }
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append('set-cookie', cookie);
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
};

export const GET = forward;
export const HEAD = forward;
export const POST = forward;
export const PUT = forward;
export const PATCH = forward;
export const DELETE = forward;
