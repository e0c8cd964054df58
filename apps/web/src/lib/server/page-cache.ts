import { acceptsGzip, gzip, gzipFor, worthGzipping } from './compress';

/**
 * Whole rendered pages (and their `__data.json`) for anonymous visitors, kept per publish generation: a stored
 * page is replayed while the generation it was rendered in stands and it is younger than `maxAgeMs`.
 */
export type PageCache = {
  /** The page stored under `key` in generation `epoch`, gzipped if `request` accepts it; null when there is none. */
  replay(key: string, epoch: number, request: Request): Response | null;
  /**
   * Stores a 200 HTML or JSON answer that sets no cookie and whose CSP names no nonce (a replay would repeat
   * it); returns the answer to send in its place, gzipped if `request` accepts it.
   */
  keep(key: string, epoch: number, response: Response, request: Request): Promise<Response>;
};

type Page = {
  body: Buffer<ArrayBuffer>;
  /** The body gzipped, made by the first answer that asks for it and then replayed as it is. */
  gzipped: Buffer<ArrayBuffer> | null;
  headers: [string, string][];
  epoch: number;
  storedAt: number;
};

const STORED_TYPES = /^(text\/html|application\/json)\b/;
const NONCE = /'nonce-/;

export function createPageCache({
  maxBytes = 32 * 2 ** 20,
  maxAgeMs = 60_000,
  now = Date.now,
}: { maxBytes?: number; maxAgeMs?: number; now?: () => number } = {}): PageCache {
  const pages = new Map<string, Page>();
  let bytes = 0;

  const sizeOf = (page: Page) => page.body.byteLength + (page.gzipped?.byteLength ?? 0);
  const forget = (key: string) => {
    const page = pages.get(key);
    if (!page) return;
    bytes -= sizeOf(page);
    pages.delete(key);
  };
  const trim = () => {
    for (const oldest of pages.keys()) {
      if (bytes <= maxBytes) break;
      forget(oldest);
    }
  };

  const send = (page: Page, request: Request) => {
    const headers = new Headers(page.headers);
    if (!acceptsGzip(request) || !worthGzipping(headers.get('content-type') ?? '', page.body.byteLength)) {
      return new Response(page.body, { headers });
    }
    if (page.gzipped === null) {
      page.gzipped = gzip(page.body, 9);
      bytes += page.gzipped.byteLength;
    }
    headers.set('content-encoding', 'gzip');
    return new Response(page.gzipped, { headers });
  };

  return {
    replay(key, epoch, request) {
      const page = pages.get(key);
      if (!page) return null;
      if (page.epoch !== epoch || now() - page.storedAt >= maxAgeMs) {
        forget(key);
        return null;
      }
      pages.delete(key);
      pages.set(key, page);
      const response = send(page, request);
      trim();
      return response;
    },

    async keep(key, epoch, response, request) {
      const type = response.headers.get('content-type') ?? '';
      if (
        response.status !== 200 ||
        response.headers.has('set-cookie') ||
        response.headers.has('content-encoding') ||
        !STORED_TYPES.test(type) ||
        NONCE.test(response.headers.get('content-security-policy') ?? '')
      ) {
        return gzipFor(request, response);
      }
      const body = Buffer.from(await response.arrayBuffer());
      forget(key);
      if (body.byteLength > maxBytes / 8) return gzipFor(request, new Response(body, response));
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      headers.append('vary', 'Accept-Encoding');
      const page: Page = { body, gzipped: null, headers: [...headers], epoch, storedAt: now() };
      pages.set(key, page);
      bytes += body.byteLength;
      const sent = send(page, request);
      trim();
      return sent;
    },
  };
}
