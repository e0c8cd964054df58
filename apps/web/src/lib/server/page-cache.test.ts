import { describe, expect, it } from 'vitest';
import { createPageCache } from './page-cache';

const KEY = 'http://web.test/?base=PK-PB-LAHORE';

const rendered = (nonce: string, init: { status?: number; headers?: Record<string, string> } = {}) =>
  new Response(`<script nonce="${nonce}">start()</script><p>Lahore</p><script nonce="${nonce}"></script>`, {
    status: init.status ?? 200,
    headers: {
      'content-type': 'text/html',
      'content-security-policy': `script-src 'self' 'nonce-${nonce}'; object-src 'none'`,
      ...init.headers,
    },
  });

const nonceOf = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

describe('the cache of anonymous pages', () => {
  it('replays a stored page with a fresh nonce in its CSP and in each of its scripts', async () => {
    const cache = createPageCache();
    const first = await cache.keep(KEY, 1, rendered('N0nce+/AAAA=='));
    expect(await first.text()).toContain('nonce="N0nce+/AAAA=="');
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const replayed = cache.replay(KEY, 1)!;
      const nonce = nonceOf(replayed)!;
      const html = await replayed.text();
      expect(replayed.status).toBe(200);
      expect(html).toContain('<p>Lahore</p>');
      expect(html.split(`nonce="${nonce}"`)).toHaveLength(3);
      expect(html).not.toContain('N0nce+/AAAA==');
      expect(replayed.headers.get('content-security-policy')).toContain("object-src 'none'");
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
  });

  it('replays nothing rendered in an earlier publish generation or longer ago than its age limit', async () => {
    let now = 0;
    const cache = createPageCache({ maxAgeMs: 1000, now: () => now });
    await cache.keep(KEY, 1, rendered('a'));
    expect(cache.replay(KEY, 2)).toBeNull();
    expect(cache.replay(KEY, 1)).toBeNull();
    await cache.keep(KEY, 2, rendered('b'));
    now = 999;
    expect(cache.replay(KEY, 2)).not.toBeNull();
    now = 1000;
    expect(cache.replay(KEY, 2)).toBeNull();
  });

  it('keeps no answer that is not a 200, sets a cookie or is neither HTML nor JSON, but still sends it', async () => {
    const cache = createPageCache();
    const refused = [
      rendered('a', { status: 404 }),
      rendered('a', { headers: { 'set-cookie': 'fourp_session=x' } }),
      rendered('a', { headers: { 'content-type': 'text/csv' } }),
    ];
    for (const response of refused) {
      const sent = await cache.keep(KEY, 1, response);
      expect(sent.status).toBe(response.status);
      expect(cache.replay(KEY, 1)).toBeNull();
    }
  });

  it('drops the least recently replayed pages beyond its size limit', async () => {
    const page = rendered('a');
    const size = Buffer.byteLength(await page.clone().text());
    const cache = createPageCache({ maxBytes: size * 8 });
    for (let i = 0; i < 8; i++) await cache.keep(`${KEY}&n=${i}`, 1, rendered('a'));
    expect(cache.replay(`${KEY}&n=0`, 1)).not.toBeNull();
    await cache.keep(`${KEY}&n=8`, 1, rendered('a'));
    expect(cache.replay(`${KEY}&n=1`, 1)).toBeNull();
    expect(cache.replay(`${KEY}&n=0`, 1)).not.toBeNull();
    expect(cache.replay(`${KEY}&n=8`, 1)).not.toBeNull();
  });
});
