import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipFor } from './compress';

const html = `<!doctype html><main>${'<p>Gujrat</p>'.repeat(200)}</main>`;
const page = (body = html, headers: Record<string, string> = {}) =>
  new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8', vary: 'Cookie', ...headers } });
const asking = (acceptEncoding?: string) =>
  new Request('http://web.test/', {
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

describe('gzipping anonymous pages', () => {
  it('sends a gzipped page to a browser that accepts gzip, unchanged once unpacked', async () => {
    const res = await gzipFor(asking('gzip, deflate, br'), page());
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Cookie, Accept-Encoding');
    const packed = Buffer.from(await res.arrayBuffer());
    expect(packed.byteLength).toBeLessThan(html.length / 4);
    expect(gunzipSync(packed).toString()).toBe(html);
  });

  it('sends the page as it is to a client that does not accept gzip, still varying on it', async () => {
    for (const accept of [undefined, 'identity', 'gzip;q=0, identity', 'br']) {
      const res = await gzipFor(asking(accept), page());
      expect(res.headers.get('content-encoding'), String(accept)).toBeNull();
      expect(res.headers.get('vary')).toBe('Cookie, Accept-Encoding');
      expect(await res.text()).toBe(html);
    }
  });

  it('leaves small answers, other types and answers already encoded alone', async () => {
    expect((await gzipFor(asking('gzip'), page('<p>tiny</p>'))).headers.get('content-encoding')).toBeNull();
    const css = page(html, { 'content-type': 'text/css' });
    expect(await gzipFor(asking('gzip'), css)).toBe(css);
    const encoded = page(html, { 'content-encoding': 'br' });
    expect(await gzipFor(asking('gzip'), encoded)).toBe(encoded);
  });
});
