/**
 * The dashboard server's copy of the API's anonymous published reads. The API tags each of them with its publish
 * generation (and answers a matching `If-None-Match` with 304 before reading a figure), so one revalidation of
 * a sentinel read tells whether anything published changed: while it has not, every stored answer is served
 * without asking the API again; once it has, each one is revalidated by its ETag on its next use.
 */
export type PublishedCache = {
  /**
   * A `fetch` that serves anonymous GETs from the cache; the sentinel is revalidated once per wrapped fetch,
   * unless `checked` is a revalidation made for the same request.
   */
  wrap(fetchFn: typeof fetch, sentinelUrl: string, checked?: Promise<number>): typeof fetch;
  /**
   * The publish generation as of a sentinel revalidation begun after this call; concurrent callers share one
   * (at most one runs and one waits), so a publish shows on every load that starts after it.
   */
  generation(fetchFn: typeof fetch, sentinelUrl: string): Promise<number>;
  /** The parsed answer stored with a cached response, computed once per stored body and parser. */
  parsed<T>(response: Response, parser: object, parse: () => T): T;
};

type Entry = {
  etag: string;
  body: string;
  status: number;
  headers: [string, string][];
  epoch: number;
  json?: unknown;
  parsed: Map<object, unknown>;
};

const HEADERS_KEPT = ['content-type', 'etag', 'link', 'content-language'];

const keyOf = (request: Request) =>
  `${request.url}\n${request.headers.get('accept') ?? ''}\n${request.headers.get('accept-language') ?? ''}`;

/**
 * Reads the API tags with the publish generation (its `publishedEtag`) and that change only with it; targets,
 * sources and releases are written without a publish, so they are always read afresh.
 */
const GENERATION_TAGGED = /^\/v1\/(pillars|indicators|jurisdictions|compare|scorecard|coverage)(\/|$)/;

const cacheable = (request: Request) =>
  request.method === 'GET' &&
  GENERATION_TAGGED.test(new URL(request.url).pathname) &&
  !request.headers.has('cookie') &&
  !request.headers.has('authorization');

export function createPublishedCache({ maxBytes = 64 * 2 ** 20 } = {}): PublishedCache {
  const entries = new Map<string, Entry>();
  const served = new WeakMap<Response, Entry>();
  let bytes = 0;
  let epoch = 0;
  let sentinelTag: string | null = null;

  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };
  const remember = (key: string, entry: Entry) => {
    forget(key);
    if (entry.body.length > maxBytes / 8) return;
    entries.set(key, entry);
    bytes += entry.body.length;
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break;
      forget(oldest);
    }
  };
  // With a length, openapi-fetch reads the body with `json()`: a stored body is parsed once, not per request.
  const answer = (entry: Entry) => {
    const response = new Response(entry.body, { status: entry.status, headers: entry.headers });
    response.headers.set('content-length', String(Buffer.byteLength(entry.body)));
    response.json = async () => (entry.json ??= JSON.parse(entry.body));
    served.set(response, entry);
    return response;
  };

  let running: Promise<number> | null = null;
  let waiting: Promise<number> | null = null;
  const startCheck = (fetchFn: typeof fetch, url: string) => {
    const check: Promise<number> = checkGeneration(fetchFn, url)
      .catch(() => {
        epoch += 1;
      })
      .then(() => epoch)
      .finally(() => {
        if (running === check) running = null;
      });
    running = check;
    return check;
  };
  const generation = (fetchFn: typeof fetch, url: string): Promise<number> => {
    if (running === null) return startCheck(fetchFn, url);
    waiting ??= running.then(() => {
      waiting = null;
      return startCheck(fetchFn, url);
    });
    return waiting;
  };

  async function checkGeneration(fetchFn: typeof fetch, url: string) {
    const response = await fetchFn(url, {
      headers: { accept: 'application/json', ...(sentinelTag ? { 'if-none-match': sentinelTag } : {}) },
    });
    await response.body?.cancel();
    const tag = response.headers.get('etag');
    if (response.status === 304 && tag !== null) return;
    if (tag === null || tag !== sentinelTag) epoch += 1;
    sentinelTag = tag;
  }

  return {
    generation,
    wrap(fetchFn, sentinelUrl, given) {
      let checked = given ?? null;
      return async (input, init) => {
        const request = new Request(input, init);
        if (!cacheable(request)) return fetchFn(request);
        checked ??= generation(fetchFn, sentinelUrl);
        await checked;
        const key = keyOf(request);
        const entry = entries.get(key);
        if (entry && entry.epoch === epoch) {
          entries.delete(key);
          entries.set(key, entry);
          return answer(entry);
        }
        const seenEpoch = epoch;
        if (entry) request.headers.set('if-none-match', entry.etag);
        const response = await fetchFn(request);
        if (entry && response.status === 304) {
          entry.epoch = seenEpoch;
          return answer(entry);
        }
        const etag = response.headers.get('etag');
        if (response.status !== 200 || etag === null) {
          forget(key);
          return response;
        }
        const body = await response.text();
        const headers = HEADERS_KEPT.flatMap((name): [string, string][] => {
          const value = response.headers.get(name);
          return value === null ? [] : [[name, value]];
        });
        const fresh = { etag, body, status: 200, headers, epoch: seenEpoch, parsed: new Map() };
        remember(key, fresh);
        return answer(fresh);
      };
    },
    parsed(response, parser, parse) {
      const entry = served.get(response);
      if (!entry) return parse();
      if (!entry.parsed.has(parser)) entry.parsed.set(parser, parse());
      return entry.parsed.get(parser) as ReturnType<typeof parse>;
    },
  };
}
