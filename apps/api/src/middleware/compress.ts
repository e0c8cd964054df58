import type { MiddlewareHandler } from 'hono';
import { compress, COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import { varyOn } from './cache.js';

const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/i;
const THRESHOLD = 1024;

/** What Hono's compress would compress, decided from the headers alone, as it does. */
function compressible(method: string, res: Response): boolean {
  const headers = res.headers;
  const length = headers.get('Content-Length');
  return (
    method !== 'HEAD' &&
    res.status !== 206 &&
    !headers.has('Content-Encoding') &&
    !headers.has('Transfer-Encoding') &&
    !(length && Number(length) < THRESHOLD) &&
    COMPRESSIBLE_CONTENT_TYPE_REGEX.test(headers.get('Content-Type') ?? '') &&
    !NO_TRANSFORM.test(headers.get('Cache-Control') ?? '')
  );
}

/**
 * Hono's compress, with its `Vary: Accept-Encoding` set on the answer's headers beforehand: set after the
 * handler through `c.header`, it rebuilds the answer as a stream, which for a client that wants it
 * uncompressed cost more than building the answer.
 */
export const compressAnswers = (): MiddlewareHandler => {
  const compressing = compress({ threshold: THRESHOLD });
  return (c, next) =>
    compressing(c, async () => {
      await next();
      if (compressible(c.req.method, c.res) && c.res.headers.get('Vary') !== '*')
        varyOn(c.res.headers, 'Accept-Encoding');
    });
};
