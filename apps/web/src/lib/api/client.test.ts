import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { m } from '$lib/paraglide/messages.js';
import { createApi } from './client';
import { failWith, problemOf } from './problem';

const BASE = 'http://api.test';
const problem = {
  type: 'urn:fourp:problem:unknown_indicator',
  title: 'Unknown indicator',
  status: 404,
  detail: 'No indicator nope.',
  code: 'unknown_indicator',
  requestId: 'req-1',
};
const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

/** A fetch that records each request and answers with `reply`. */
function fakeFetch(reply: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetchFn = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    requests.push(request);
    return reply(request);
  });
  return { fetchFn: fetchFn as unknown as typeof fetch, requests };
}

async function thrown(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (caught) {
    return caught;
  }
  throw new Error('expected the call to throw');
}

afterEach(() => vi.restoreAllMocks());

describe('reads (loaders)', () => {
  it('turn an API problem into the SvelteKit error the page shows', async () => {
    const { fetchFn } = fakeFetch(() => json(problem, 404, 'application/problem+json'));
    const caught = await thrown(createApi(fetchFn, BASE).indicator('nope'));
    expect(isHttpError(caught)).toBe(true);
    expect(caught).toMatchObject({
      status: 404,
      body: { message: 'No indicator nope.', code: 'unknown_indicator', requestId: 'req-1' },
    });
  });

  it('answer 503 with the unreachable message when the API cannot be reached', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { fetchFn } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    const caught = await thrown(createApi(fetchFn, BASE).pillars());
    expect(caught).toMatchObject({
      status: 503,
      body: { message: m.error_apiUnreachable(), code: 'api_unreachable' },
    });
    expect((caught as { body: object }).body).not.toHaveProperty('requestId');
  });

  it('answer 502 when the API answers in a shape the contract rejects, or not in JSON', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const wrongShape = fakeFetch(() => json({ data: 'not a list' }));
    expect(await thrown(createApi(wrongShape.fetchFn, BASE).pillars())).toMatchObject({
      status: 502,
      body: { message: m.error_badResponse(), code: 'bad_response' },
    });
    const notJson = fakeFetch(() => new Response('<html>', { headers: { 'content-type': 'text/html' } }));
    expect(await thrown(createApi(notJson.fetchFn, BASE).pillars())).toMatchObject({
      status: 502,
      body: { code: 'bad_response' },
    });
  });

  it('say which status the API gave when a failure is not a problem', async () => {
    const { fetchFn } = fakeFetch(() => new Response('Bad gateway', { status: 502 }));
    expect(await thrown(createApi(fetchFn, BASE).measures())).toMatchObject({
      status: 502,
      body: { message: m.error_apiStatus({ status: 502 }), code: 'api_error' },
    });
  });

  it('send the domain query in the wire form, and parse the answer with the contract', async () => {
    const { fetchFn, requests } = fakeFetch(() => json(problem, 404, 'application/problem+json'));
    await thrown(
      createApi(fetchFn, BASE).compare({ indicator: 'victims_identified', base: 'PK', with: ['IT', 'ES'] }),
    );
    const url = new URL(requests[0]!.url);
    expect(url.origin + url.pathname).toBe(`${BASE}/v1/compare`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      indicator: 'victims_identified',
      base: 'PK',
      with: 'IT,ES',
    });
    expect(requests[0]!.headers.get('accept')).toBe('application/json');

    const ok = fakeFetch(() => json({ data: [], meta: { count: 0, unknown: true } }));
    expect(await createApi(ok.fetchFn, BASE).pillars()).toEqual({ data: [], meta: { count: 0 } });
  });

  it('send a list of jurisdictions for figures comma-separated, with the breakdown selection', async () => {
    const { fetchFn, requests } = fakeFetch(() => json(problem, 404, 'application/problem+json'));
    await thrown(
      createApi(fetchFn, BASE).observations({
        indicator: 'victims_identified',
        jurisdictions: ['PK-PB-GUJRAT', 'IT'],
        breakdown: 'total',
      }),
    );
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe('/v1/observations');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      indicator: 'victims_identified',
      jurisdictions: 'PK-PB-GUJRAT,IT',
      breakdown: 'total',
      limit: '10000',
    });
  });

  it('encode path parameters', async () => {
    const { fetchFn, requests } = fakeFetch(() => new Response(null, { status: 204 }));
    await createApi(fetchFn, BASE).revokeToken('a/b c');
    expect(requests[0]!.method).toBe('DELETE');
    expect(new URL(requests[0]!.url).pathname).toBe('/v1/tokens/a%2Fb%20c');
  });
});

describe('writes (form actions)', () => {
  const invalid = {
    ...problem,
    status: 400,
    code: 'validation_failed',
    detail: 'Invalid body parameter(s): value, source.title.',
    errors: [
      { path: 'value', message: 'Expected a number' },
      { path: 'source.title', message: 'Required' },
      { path: 'elsewhere', message: 'Not a field of the form' },
    ],
  };

  it('return the problem as a value, which becomes a form failure with errors beside the fields', async () => {
    const { fetchFn, requests } = fakeFetch(() => json(invalid, 400, 'application/problem+json'));
    const result = await createApi(fetchFn, BASE).createObservation({ indicator: 'victims_identified' });
    expect(requests[0]!.method).toBe('POST');
    expect(await requests[0]!.json()).toEqual({ indicator: 'victims_identified' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const failure = failWith(
      result.problem,
      { values: { value: 'x' } },
      { fields: ['value', 'title'], fieldOf: (p) => p.replace(/^source\./, '') },
    );
    expect(isActionFailure(failure)).toBe(true);
    expect(failure.status).toBe(400);
    expect(failure.data).toEqual({
      values: { value: 'x' },
      message: 'Invalid body parameter(s): value, source.title.',
      errors: { value: ['Expected a number'], title: ['Required'], '': ['Not a field of the form'] },
    });
  });

  it('report an unreachable API as a 503 problem the form can show', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { fetchFn } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    const result = await createApi(fetchFn, BASE).login({ email: 'a@b.example', password: 'x' });
    expect(result).toMatchObject({
      ok: false,
      problem: { status: 503, code: 'api_unreachable', detail: m.error_apiUnreachable() },
    });
  });

  it('upload an import as multipart with its file name and query', async () => {
    const { fetchFn, requests } = fakeFetch(() => json(invalid, 400, 'application/problem+json'));
    await createApi(fetchFn, BASE).runImport(new File(['a,b\n'], 'figures.csv'), { dryRun: 'true' });
    const request = requests[0]!;
    expect(new URL(request.url).search).toBe('?dryRun=true');
    const file = (await request.formData()).get('file');
    expect(file).toBeInstanceOf(File);
    expect((file as File).name).toBe('figures.csv');
    expect(await (file as File).text()).toBe('a,b\n');
  });

  it('reject form bodies with a field the API does not declare (at compile time)', () => {
    const api = createApi(fakeFetch(() => json({})).fetchFn, BASE);
    // @ts-expect-error `indicatr` is not a field of ObservationCreateRequest
    const send = () => api.createObservation({ indicatr: 'victims_identified' });
    expect(send).toBeTypeOf('function');
  });
});

describe('problemOf', () => {
  it('keeps the HTTP status even when the body says otherwise', () => {
    expect(problemOf(409, { ...problem, status: 200 }).status).toBe(409);
  });
});
