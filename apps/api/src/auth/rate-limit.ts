import type { Db } from '../db/client.js';
import { ApiError, type LocalisedDetail } from '../errors.js';
import { reserveLoginAttempt, type RecentFailures } from '../repos/workflow/login-attempts.js';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures per email from one address, and from one address over all emails, before it waits out the window. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_MAX_ADDRESS_FAILURES = 30;
/** Failures per email from all addresses before each further attempt waits 1, 2, 4 … at most 60 seconds. */
export const ACCOUNT_FREE_FAILURES = 10;
export const ACCOUNT_MAX_BACKOFF_S = 60;

const secondsUntil = (moment: number, now: Date) => Math.max(1, Math.ceil((moment - now.getTime()) / 1000));

/** Seconds to wait before the next attempt given the recent failures (oldest first), or null to go ahead. */
export function loginRetryAfter(failures: RecentFailures, now: Date): number | null {
  const waits: number[] = [];
  const windowFull = (times: Date[], max: number) => {
    if (times.length >= max)
      waits.push(secondsUntil(times[times.length - max]!.getTime() + LOGIN_WINDOW_MS, now));
  };
  windowFull(failures.pair, LOGIN_MAX_FAILURES);
  windowFull(failures.address, LOGIN_MAX_ADDRESS_FAILURES);
  const beyond = failures.account.length - ACCOUNT_FREE_FAILURES;
  if (beyond >= 0) {
    const backoffMs = Math.min(2 ** beyond, ACCOUNT_MAX_BACKOFF_S) * 1000;
    const until = failures.account.at(-1)!.getTime() + backoffMs;
    if (until > now.getTime()) waits.push(secondsUntil(until, now));
  }
  return waits.length === 0 ? null : Math.max(...waits);
}

/** Records the attempt as failed before the password is checked (the caller marks it succeeded), or refuses it. */
export function reserveLogin(db: Db, email: string, ip: string, now: Date) {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  return reserveLoginAttempt(db, { email, ip, at: now, since }, (failures) => loginRetryAfter(failures, now));
}

/** Too many recent failures to check a password now; `retryAfter` is in seconds (the Retry-After header). */
export class RateLimitedError extends ApiError {
  constructor(
    readonly retryAfter: number,
    detail: LocalisedDetail,
  ) {
    super('rate_limited', detail);
  }
}
