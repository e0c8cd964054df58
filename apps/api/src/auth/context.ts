import type { Principal } from '@fourp/domain';

/** How the current request authenticated, for CSRF checks and the audit trail. */
export type AuthState =
  | { via: 'anonymous'; csrfRejected: boolean }
  | {
      via: 'session';
      userId: string;
      email: string;
      sessionId: string;
      csrfToken: string;
      expiresAt: string;
      csrfRejected: boolean;
    }
  | { via: 'token'; userId: string; email: string; tokenId: string; csrfRejected: false };

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by authMiddleware on every request: anonymous, or the signed-in user with role and jurisdiction. */
    principal: Principal;
    auth: AuthState;
  }
}

export const SESSION_COOKIE = 'fourp_session';
export const CSRF_HEADER = 'X-FourP-CSRF';
export const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so that reads do not all turn into writes. */
export const SESSION_TOUCH_MS = 60 * 1000;
