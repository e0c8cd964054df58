import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createPageCache } from './page-cache';

const KEY = 'http://web.test/?base=PK-PB-LAHORE';

const HASH = "'sha256-qmEClgafGE+QmNVWwxvabeLJz3+k/wQeoqQ7FDR2rn8='";
const HTML = `<script>start()</script>${'<p>Lahore</p>'.repeat(200)}`;

const rendered = (init: { status?: number; headers?: Record<string, string>; body?: string } = {}) =>
  new Response(init.body ?? HTML, {
    status: init.status ?? 200,
    headers: {
      'content-type': 'text/html',
      'content-security-policy': `script-src 'self' ${HASH}; object-src 'none'`,
      vary: 'Cookie',
      ...init.headers,
    },
  });

const asking = (acceptEncoding?: string) =>
  new Request(KEY, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

describe('the cache of anonymous pages', () => {
  it('replays a stored page with its CSP, gzipped once for every browser that accepts gzip', async () => {
    const cache = createPageCache();
    const first = await cache.keep(KEY, 1, rendered(), asking('gzip, br'));
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const packed = Buffer.from(await first.arrayBuffer());
    expect(gunzipSync(packed).toString()).toBe(HTML);
    for (let i = 0; i < 3; i++) {
      const replayed = cache.replay(KEY, 1, asking('gzip'))!;
      expect(replayed.status).toBe(200);
      expect(replayed.headers.get('content-encoding')).toBe('gzip');
      expect(replayed.headers.get('vary')).toBe('Cookie, Accept-Encoding');
      expect(replayed.headers.get('content-security-policy')).toBe(
        `script-src 'self' ${HASH}; object-src 'none'`,
      );
      expect(Buffer.from(await replayed.arrayBuffer()).equals(packed)).toBe(true);
    }
    const plain = cache.replay(KEY, 1, asking('identity'))!;
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Cookie, Accept-Encoding');
    expect(await plain.text()).toBe(HTML);
  });

  it('stores no page whose CSP names a nonce, since a replay would send the same nonce twice', async () => {
    const cache = createPageCache();
    const headers = { 'content-security-policy': "script-src 'self' 'nonce-N0nce+/AAAA=='" };
    const sent = await cache.keep(KEY, 1, rendered({ headers }), asking('gzip'));
    expect(gunzipSync(Buffer.from(await sent.arrayBuffer())).toString()).toBe(HTML);
    expect(cache.replay(KEY, 1, asking('gzip'))).toBeNull();
  });

  it('replays nothing rendered in an earlier publish generation or longer ago than its age limit', async () => {
    let now = 0;
    const cache = createPageCache({ maxAgeMs: 1000, now: () => now });
    await cache.keep(KEY, 1, rendered(), asking());
    expect(cache.replay(KEY, 2, asking())).toBeNull();
    expect(cache.replay(KEY, 1, asking())).toBeNull();
    await cache.keep(KEY, 2, rendered(), asking());
    now = 999;
    expect(cache.replay(KEY, 2, asking())).not.toBeNull();
    now = 1000;
    expect(cache.replay(KEY, 2, asking())).toBeNull();
  });

  it('keeps no answer that is not a 200, sets a cookie or is neither HTML nor JSON, but still sends it', async () => {
    const cache = createPageCache();
    const refused = [
      rendered({ status: 404 }),
      rendered({ headers: { 'set-cookie': 'fourp_session=x' } }),
      rendered({ headers: { 'content-type': 'text/csv' } }),
    ];
    for (const response of refused) {
      const sent = await cache.keep(KEY, 1, response, asking());
      expect(sent.status).toBe(response.status);
      expect(cache.replay(KEY, 1, asking())).toBeNull();
    }
  });

  it('drops the least recently replayed pages beyond its size limit', async () => {
    const page = rendered();
    const size = Buffer.byteLength(await page.clone().text());
    const cache = createPageCache({ maxBytes: size * 8 });
    for (let i = 0; i < 8; i++) await cache.keep(`${KEY}&n=${i}`, 1, rendered(), asking());
    expect(cache.replay(`${KEY}&n=0`, 1, asking())).not.toBeNull();
    await cache.keep(`${KEY}&n=8`, 1, rendered(), asking());
    expect(cache.replay(`${KEY}&n=1`, 1, asking())).toBeNull();
    expect(cache.replay(`${KEY}&n=0`, 1, asking())).not.toBeNull();
    expect(cache.replay(`${KEY}&n=8`, 1, asking())).not.toBeNull();
  });
});
