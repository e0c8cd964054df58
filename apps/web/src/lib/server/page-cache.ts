import { randomBytes } from 'node:crypto';

/**
 * Whole rendered pages (and their `__data.json`) for anonymous visitors, kept per publish generation: a stored
 * page is replayed while the generation it was rendered in stands and it is younger than `maxAgeMs`.
 */
export type PageCache = {
  /** The page stored under `key` in generation `epoch`, with a fresh CSP nonce; null when there is none. */
  replay(key: string, epoch: number): Response | null;
  /** Stores a 200 answer that sets no cookie; returns the answer to send in its place. */
  keep(key: string, epoch: number, response: Response): Promise<Response>;
};

type Page = {
  /** The body around each occurrence of the nonce, encoded once, so a replay only copies bytes. */
  parts: Buffer<ArrayBuffer>[];
  nonce: string | null;
  headers: [string, string][];
  epoch: number;
  storedAt: number;
  size: number;
};

const NONCE = /'nonce-([^']+)'/;
const STORED_TYPES = /^(text\/html|application\/json)\b/;

const freshNonce = () => randomBytes(16).toString('base64');

export function createPageCache({
  maxBytes = 32 * 2 ** 20,
  maxAgeMs = 60_000,
  now = Date.now,
}: { maxBytes?: number; maxAgeMs?: number; now?: () => number } = {}): PageCache {
  const pages = new Map<string, Page>();
  let bytes = 0;

  const forget = (key: string) => {
    const page = pages.get(key);
    if (!page) return;
    bytes -= page.size;
    pages.delete(key);
  };

  return {
    replay(key, epoch) {
      const page = pages.get(key);
      if (!page) return null;
      if (page.epoch !== epoch || now() - page.storedAt >= maxAgeMs) {
        forget(key);
        return null;
      }
      pages.delete(key);
      pages.set(key, page);
      // A nonce is only worth something if no two answers share it.
      const nonce = page.nonce === null ? null : freshNonce();
      const headers = new Headers(page.headers);
      const csp = headers.get('content-security-policy');
      if (nonce !== null && csp !== null) {
        headers.set('content-security-policy', csp.replaceAll(page.nonce!, nonce));
      }
      const body =
        nonce === null
          ? page.parts[0]!
          : Buffer.concat(page.parts.flatMap((part, i) => (i === 0 ? [part] : [Buffer.from(nonce), part])));
      return new Response(body, { headers });
    },

    async keep(key, epoch, response) {
      const type = response.headers.get('content-type') ?? '';
      if (response.status !== 200 || response.headers.has('set-cookie') || !STORED_TYPES.test(type)) {
        return response;
      }
      const body = await response.text();
      const nonce = NONCE.exec(response.headers.get('content-security-policy') ?? '')?.[1] ?? null;
      const headers = [...response.headers].filter(([name]) => name !== 'content-length');
      const size = Buffer.byteLength(body);
      forget(key);
      if (size <= maxBytes / 8) {
        const parts = (nonce === null ? [body] : body.split(nonce)).map((part) => Buffer.from(part));
        pages.set(key, { parts, nonce, headers, epoch, storedAt: now(), size });
        bytes += size;
        for (const oldest of pages.keys()) {
          if (bytes <= maxBytes) break;
          forget(oldest);
        }
      }
      return new Response(body, { status: 200, headers: response.headers });
    },
  };
}
