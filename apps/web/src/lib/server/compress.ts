import { gzipSync } from 'node:zlib';

const COMPRESSIBLE = /^(text\/html|application\/json)\b/;
const MIN_BYTES = 1024;

/** `gzip` listed in Accept-Encoding without `q=0`. */
export function acceptsGzip(request: Request): boolean {
  return (request.headers.get('accept-encoding') ?? '').split(',').some((entry) => {
    const [coding, ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** Whether an answer of this type and size is worth gzipping. */
export const worthGzipping = (type: string, byteLength: number) =>
  COMPRESSIBLE.test(type) && byteLength >= MIN_BYTES;

/** `body` gzipped at `level` (4 for an answer compressed per request, 9 for one stored and replayed). */
export const gzip = (body: Buffer, level = 4): Buffer<ArrayBuffer> => Buffer.from(gzipSync(body, { level }));

/**
 * An anonymous page gzipped for a browser that accepts it (adapter-node compresses only static files). Kept to
 * pages without a session: a compressed page that holds a secret and reflects input would leak it (BREACH).
 */
export async function gzipFor(request: Request, response: Response): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  if (!COMPRESSIBLE.test(type) || response.headers.has('content-encoding') || response.body === null) {
    return response;
  }
  const headers = new Headers(response.headers);
  headers.append('vary', 'Accept-Encoding');
  const body = Buffer.from(await response.arrayBuffer());
  if (!acceptsGzip(request) || !worthGzipping(type, body.byteLength)) {
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  }
  headers.set('content-encoding', 'gzip');
  headers.delete('content-length');
  return new Response(gzip(body), { status: response.status, statusText: response.statusText, headers });
}
