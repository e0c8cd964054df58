/** Two years, the usual HSTS lifetime; only sent when the configured origin is https. */
const HSTS = 'max-age=63072000; includeSubDomains';
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

const FIXED = {
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Adds `names` to the response's Vary header, keeping what is there and listing each name once. */
export function addVary(headers: Headers, ...names: string[]): void {
  const listed = (headers.get('vary') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const known = new Set(listed.map((name) => name.toLowerCase()));
  const added = names.filter((name) => !known.has(name.toLowerCase()));
  if (added.length > 0) headers.set('vary', [...listed, ...added].join(', '));
}

/**
 * The headers every dashboard answer carries (the CSP itself comes from `kit.csp`). Pages depend on the
 * session cookie, so they vary on it; a signed-in answer is never stored, by shared caches or the browser.
 */
export function applySecurityHeaders(
  headers: Headers,
  { https, signedIn }: { https: boolean; signedIn: boolean },
) {
  for (const [name, value] of Object.entries(FIXED)) headers.set(name, value);
  if (https) headers.set('Strict-Transport-Security', HSTS);
  addVary(headers, 'Cookie');
  if (signedIn) headers.set('Cache-Control', 'private, no-store');
}
