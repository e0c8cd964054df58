import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { MAX_PASSWORD_LENGTH } from '@fourp/domain';
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { translations } from '@zxcvbn-ts/language-en';
import type { LocalisedDetail } from '../errors.js';
import { say } from '../i18n/messages.js';

export type ScryptParams = { logN: number; r: number; p: number };

/** 2^15 × 8 × 128 bytes = 32 MiB per hash; the parameters are stored with each hash so they can be raised. */
export const SCRYPT_PARAMS: ScryptParams = { logN: 15, r: 8, p: 1 };
export const MIN_PASSWORD_LENGTH = 12;
export const MIN_PASSWORD_SCORE = 3;
const KEY_LENGTH = 32;
const MIN_EMAIL_PART_LENGTH = 3;

zxcvbnOptions.setOptions({ dictionary, graphs: adjacencyGraphs, translations });
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, { logN, r, p }: ScryptParams): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/**
 * A message saying why the password is too weak to accept (too short or long, contains the local part
 * of the account's email, or a zxcvbn score below 3 of 4); null when it is acceptable.
 */
export function passwordProblem(password: string, email: string): LocalisedDetail | null {
  if (password.length < MIN_PASSWORD_LENGTH) return say('password_too_short', { min: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH) return say('password_too_long', { max: MAX_PASSWORD_LENGTH });
  const localPart = email.trim().split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= MIN_EMAIL_PART_LENGTH && password.toLowerCase().includes(localPart))
    return say('password_contains_email', { part: localPart });
  const { score, feedback } = zxcvbn(password, localPart ? [localPart] : []);
  if (score >= MIN_PASSWORD_SCORE) return null;
  const why = [feedback.warning, ...feedback.suggestions].filter(Boolean).join(' ');
  return say('password_too_easy', { score, min: MIN_PASSWORD_SCORE, why });
}

/** `scrypt$ln=15,r=8,p=1$<salt base64>$<key base64>` with a fresh random salt. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params);
  return `scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function parseHash(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const match = /^scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(encoded);
  if (!match) return null;
  const [, logN, r, p, salt, key] = match;
  const params = { logN: Number(logN), r: Number(r), p: Number(p) };
  if (params.logN < 10 || params.logN > 22) return null;
  return { params, salt: Buffer.from(salt!, 'base64'), key: Buffer.from(key!, 'base64') };
}

/** Constant-time check of a password against a stored hash; false for a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with weaker parameters than the current ones. */
export function needsRehash(encoded: string, params: ScryptParams = SCRYPT_PARAMS): boolean {
  const parsed = parseHash(encoded);
  return (
    !parsed || parsed.params.logN < params.logN || parsed.params.r < params.r || parsed.params.p < params.p
  );
}

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when the email is unknown, so that the response takes as long either way. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}
