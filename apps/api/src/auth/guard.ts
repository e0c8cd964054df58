import {
  authorize,
  type Action,
  type AuthorizationTarget,
  type Principal,
  type UserPrincipal,
} from '@fourp/domain';
import type { Context } from 'hono';
import { ApiError } from '../errors.js';
import type { Actor } from '../repos/workflow/audit.js';
import { CSRF_HEADER } from './context.js';

/** The signed-in principal; 401 when anonymous, 403 when a cookie request lacks the CSRF header. */
export function requireUser(c: Context): UserPrincipal {
  const auth = c.get('auth');
  if (auth.csrfRejected) {
    throw new ApiError('forbidden', `Send the ${CSRF_HEADER} header with the token from GET /v1/auth/me.`);
  }
  const principal: Principal = c.get('principal');
  if (principal.kind === 'anonymous') {
    throw new ApiError('unauthenticated', 'Sign in or send an API token to do this.');
  }
  return principal;
}

/** The one check every write route makes: role × action × jurisdiction, decided by the domain's `authorize`. */
export function requireAllowed(c: Context, action: Action, target: AuthorizationTarget = {}): UserPrincipal {
  const principal = requireUser(c);
  const decision = authorize(principal, action, target);
  if (!decision.allowed) throw new ApiError(decision.reason, decision.message);
  return principal;
}

/** The audit trail's view of who is acting in this request. */
export function actorOf(c: Context): Actor {
  const auth = c.get('auth');
  if (auth.via === 'anonymous') throw new Error('actorOf called for an anonymous request');
  return {
    userId: auth.userId,
    email: auth.email,
    sessionId: auth.via === 'session' ? auth.sessionId : null,
    tokenId: auth.via === 'token' ? auth.tokenId : null,
    requestId: (c.get('requestId' as never) as string | undefined) ?? null,
  };
}
