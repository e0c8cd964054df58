import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_TOKEN_PREFIX = 'fourp_';

/** 32 random bytes, base64url: for session cookies, CSRF tokens and (with the prefix) API tokens. */
export const randomSecret = () => randomBytes(32).toString('base64url');
export const newApiToken = () => `${API_TOKEN_PREFIX}${randomSecret()}`;

/** Tokens carry 256 random bits, so a plain SHA-256 is enough to store them: there is nothing to guess. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
