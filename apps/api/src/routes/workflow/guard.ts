import type { Action, AuthorizationTarget, Locale, Principal, UserPrincipal } from '@fourp/domain';
import type { Context } from 'hono';
import { ApiError } from '../../errors.js';
import type { Actor } from '../../repos/workflow/audit.js';
import { permit, type Caller } from '../../services/caller.js';
import { CSRF_HEADER } from '../../auth/context.js';
import { say } from '../../i18n/messages.js';

/** The signed-in principal; 401 when anonymous, 403 when a cookie request lacks the CSRF header. */
export function requireUser(c: Context): UserPrincipal {
  const auth = c.get('auth');
  if (auth.csrfRejected) {
    throw new ApiError('forbidden', say('csrf_missing', { header: CSRF_HEADER }));
  }
  const principal: Principal = c.get('principal');
  if (principal.kind === 'anonymous') {
    throw new ApiError('unauthenticated', say('sign_in_required'));
  }
  return principal;
}

/** The signed-in principal, when the domain's `authorize` lets it take `action` on `target`; for reads. */
export function requireAllowed(c: Context, action: Action, target: AuthorizationTarget = {}): UserPrincipal {
  const principal = requireUser(c);
  permit(principal, action, target);
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

/** Who is asking, as the services take it: the signed-in principal and the audit trail's actor. */
export const callerOf = (c: Context): Caller => ({
  principal: requireUser(c),
  actor: actorOf(c),
  locale: c.get('locale') as Locale,
});
