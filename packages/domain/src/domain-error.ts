import type { Reason } from './i18n/reasons.js';

/** Domain failures are values, with codes from a closed set. */
export const DOMAIN_ERROR_CODES = [
  'invalid_observation',
  'unknown_indicator',
  'unknown_jurisdiction',
  'missing_population',
  'not_derivable',
  'no_baseline',
  'insufficient_data',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];
export type DomainError = {
  code: DomainErrorCode;
  message: string;
  issues?: { path: string; message: string }[];
  /** The reason behind `message`, to write it in the reader's language; absent when the message says it all. */
  why?: Reason;
};
export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: DomainError): Result<T> => ({ ok: false, error });
