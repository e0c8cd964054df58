import type { Db } from '../db/client.js';
import { recentFailures } from '../repos/workflow/login-attempts.js';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;

/** Seconds to wait before the next login attempt for email + IP, or null when one may be made now. */
export async function loginRetryAfter(db: Db, email: string, ip: string, now: Date): Promise<number | null> {
  const failures = await recentFailures(db, email, ip, new Date(now.getTime() - LOGIN_WINDOW_MS));
  if (failures.length < LOGIN_MAX_FAILURES) return null;
  const oldestCounted = failures[failures.length - LOGIN_MAX_FAILURES]!;
  return Math.max(1, Math.ceil((oldestCounted.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 1000));
}
