import { z } from 'zod';
import type { AsOf, JurisdictionTree } from './catalogue/jurisdiction-tree.js';
import { JurisdictionIdSchema, TEXT_LIMITS, type JurisdictionId, type WorkflowState } from './contracts.js';
import { sayError } from './i18n/message-locale.js';
import { reason, renderReason, type Reason } from './i18n/reasons.js';

export const ROLES = ['admin', 'provincial_reviewer', 'district_official', 'donor', 'researcher'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** A provincial reviewer without an explicit jurisdiction reviews for Punjab and everything under it. */
export const DEFAULT_REVIEWER_SCOPE = 'PK-PB' satisfies JurisdictionId;

export const ACTIONS = [
  'observation.read_unpublished',
  'observation.create',
  'observation.update',
  'observation.submit',
  'observation.approve',
  'observation.reject',
  'observation.publish',
  'observation.unlock',
  'observation.history',
  'import.run',
  'target.set',
  'user.manage',
  'token.manage',
  'audit.read',
  'jurisdiction.manage',
  'release.create',
] as const;
export const ActionSchema = z.enum(ACTIONS);
export type Action = z.infer<typeof ActionSchema>;

export const UserPrincipalSchema = z.object({
  kind: z.literal('user'),
  userId: z.string(),
  role: RoleSchema,
  /** The root of the user's jurisdiction scope; null for roles that are not scoped. */
  jurisdictionId: JurisdictionIdSchema.nullable(),
});
export type UserPrincipal = z.infer<typeof UserPrincipalSchema>;
export const AnonymousPrincipalSchema = z.object({ kind: z.literal('anonymous') });
export type AnonymousPrincipal = z.infer<typeof AnonymousPrincipalSchema>;
export const PrincipalSchema = z.discriminatedUnion('kind', [AnonymousPrincipalSchema, UserPrincipalSchema]);
export type Principal = z.infer<typeof PrincipalSchema>;

export const ANONYMOUS: AnonymousPrincipal = { kind: 'anonymous' };

/** `scope`: only at or below the principal's jurisdiction; `anywhere`: every jurisdiction. */
type Reach = 'scope' | 'anywhere';

const SCOPED_WRITER: Partial<Record<Action, Reach>> = {
  'observation.read_unpublished': 'scope',
  'observation.create': 'scope',
  'observation.update': 'scope',
  'observation.submit': 'scope',
  'observation.history': 'scope',
  'import.run': 'scope',
  'token.manage': 'anywhere',
};

/** The whole policy: which role may take which action, and how far its reach extends. */
export const POLICY: Record<Role, Partial<Record<Action, Reach>>> = {
  admin: Object.fromEntries(ACTIONS.map((action) => [action, 'anywhere'])),
  provincial_reviewer: {
    ...SCOPED_WRITER,
    'observation.approve': 'scope',
    'observation.reject': 'scope',
    'observation.publish': 'scope',
    'observation.unlock': 'scope',
    'target.set': 'scope',
    'audit.read': 'scope',
    'release.create': 'anywhere',
  },
  district_official: SCOPED_WRITER,
  donor: { 'observation.history': 'anywhere', 'audit.read': 'anywhere', 'token.manage': 'anywhere' },
  researcher: { 'observation.history': 'anywhere', 'token.manage': 'anywhere' },
};

/**
 * What an action is about. A jurisdiction comes with the tree to place it in and the year or day the figure
 * is for (the tree as it stood then decides whether it lies in the principal's scope; none: today's tree).
 */
export type AuthorizationTarget =
  { jurisdictionId?: undefined } | { jurisdictionId: JurisdictionId; tree: JurisdictionTree; asOf?: AsOf };
/** A refusal names its code, the reason it gives (to render in the reader's language) and that reason in English. */
export type Authorization =
  | { allowed: true }
  | { allowed: false; reason: 'unauthenticated' | 'forbidden'; message: string; why: Reason };

const refuse = (code: 'unauthenticated' | 'forbidden', why: Reason): Authorization => ({
  allowed: false,
  reason: code,
  message: renderReason(why),
  why,
});

/** The jurisdiction at the root of the principal's scope; null when it has none (or is not signed in). */
export function scopeOf(principal: Principal): JurisdictionId | null {
  if (principal.kind === 'anonymous') return null;
  if (principal.role === 'provincial_reviewer') return principal.jurisdictionId ?? DEFAULT_REVIEWER_SCOPE;
  return principal.jurisdictionId;
}

/**
 * Whether the principal may take the action on the target. A target without a jurisdiction asks whether
 * the role may take the action anywhere at all; the caller must then check each concrete jurisdiction.
 */
export function authorize(
  principal: Principal,
  action: Action,
  target: AuthorizationTarget = {},
): Authorization {
  if (principal.kind === 'anonymous') {
    return refuse('unauthenticated', reason('auth_sign_in', {}));
  }
  const reach = POLICY[principal.role][action];
  if (reach === undefined) {
    return refuse('forbidden', reason('auth_role_may_not', { role: principal.role, action }));
  }
  if (reach === 'anywhere' || target.jurisdictionId === undefined) {
    return reach === 'anywhere' || scopeOf(principal) !== null
      ? { allowed: true }
      : refuse('forbidden', reason('auth_no_jurisdiction', { action }));
  }
  const scope = scopeOf(principal);
  if (scope !== null && target.tree.isWithin(target.jurisdictionId, scope, target.asOf))
    return { allowed: true };
  return refuse(
    'forbidden',
    reason('auth_out_of_scope', { role: principal.role, scope, action, jurisdiction: target.jurisdictionId }),
  );
}

/** Shorthand for `authorize(...).allowed`. */
export function can(principal: Principal, action: Action, target: AuthorizationTarget = {}): boolean {
  return authorize(principal, action, target).allowed;
}

/** Workflow states of the figures for `jurisdictionId` the principal may read; everyone reads published ones. */
export function visibleStatesFor(
  principal: Principal,
  jurisdictionId: JurisdictionId,
  tree: JurisdictionTree,
): WorkflowState[] {
  return can(principal, 'observation.read_unpublished', { jurisdictionId, tree })
    ? ['draft', 'submitted', 'approved', 'published', 'rejected']
    : ['published'];
}

/**
 * The user whose own unpublished figures (draft, submitted, approved) public reads add for them; null for the
 * anonymous and for roles that never enter figures (donor, researcher), who read published figures only.
 */
export function draftAuthorOf(principal: Principal): string | null {
  if (principal.kind === 'anonymous') return null;
  return POLICY[principal.role]['observation.create'] === undefined ? null : principal.userId;
}

/**
 * What a principal may read, as data a repository can turn into a query: published figures everywhere, plus
 * every state at or below `unpublishedWithin` (`'*'` for everywhere, null for nowhere).
 */
export function readScopeOf(principal: Principal): { unpublishedWithin: JurisdictionId | '*' | null } {
  if (principal.kind === 'anonymous') return { unpublishedWithin: null };
  const reach = POLICY[principal.role]['observation.read_unpublished'];
  if (reach === 'anywhere') return { unpublishedWithin: '*' };
  return { unpublishedWithin: reach === 'scope' ? scopeOf(principal) : null };
}

// ---------- wire shapes of the accounts API ----------

export const MAX_PASSWORD_LENGTH = 1024;
/** Days an API token lives at most, and by default. */
export const MAX_TOKEN_DAYS = 90;

export const EmailSchema = z.email(sayError(reason('email_format', {}))).max(254);

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string().nullable(),
  role: RoleSchema,
  jurisdictionId: JurisdictionIdSchema.nullable(),
  createdAt: z.string(),
  disabled: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const LoginRequestSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, sayError(reason('field_required', { field: 'email' })))
    .max(254),
  password: z
    .string()
    .min(1, sayError(reason('field_required', { field: 'password' })))
    .max(MAX_PASSWORD_LENGTH),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const MeSchema = z.object({
  user: UserSchema,
  via: z.enum(['session', 'token']),
  /** Send this back in the X-FourP-CSRF header on every POST, PUT, PATCH and DELETE made with the cookie. */
  csrfToken: z.string().nullable(),
  sessionExpiresAt: z.string().nullable(),
  /** Actions the user may take somewhere (within their jurisdiction scope where the action is scoped). */
  actions: z.array(ActionSchema),
  scope: JurisdictionIdSchema.nullable(),
});
export type Me = z.infer<typeof MeSchema>;
export const MeResponseSchema = z.object({ data: MeSchema });
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const NewUserRequestSchema = z.object({
  email: EmailSchema,
  password: z.string().max(MAX_PASSWORD_LENGTH),
  role: RoleSchema,
  jurisdictionId: JurisdictionIdSchema.nullable().default(null),
  displayName: z.string().trim().min(1).max(TEXT_LIMITS.name).nullable().default(null),
});
export type NewUserRequest = z.infer<typeof NewUserRequestSchema>;

export const UserChangeRequestSchema = z
  .object({
    role: RoleSchema,
    jurisdictionId: JurisdictionIdSchema.nullable(),
    displayName: z.string().trim().min(1).max(TEXT_LIMITS.name).nullable(),
    disabled: z.boolean(),
    password: z.string().max(MAX_PASSWORD_LENGTH),
  })
  .partial();
export type UserChangeRequest = z.infer<typeof UserChangeRequestSchema>;

export const UserResponseSchema = z.object({ data: UserSchema });
export const UserListResponseSchema = z.object({
  data: z.array(UserSchema),
  meta: z.object({ count: z.number().int() }),
});

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the secret, to recognise it. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const NewApiTokenRequestSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, sayError(reason('token_name_required', {})))
    .max(TEXT_LIMITS.short),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_TOKEN_DAYS, sayError(reason('token_too_long', { days: MAX_TOKEN_DAYS })))
    .default(MAX_TOKEN_DAYS),
});

/** A password change by the signed-in user; the current password proves it is them. */
export const PasswordChangeRequestSchema = z.object({
  currentPassword: z
    .string()
    .min(1, sayError(reason('field_required', { field: 'currentPassword' })))
    .max(MAX_PASSWORD_LENGTH),
  newPassword: z
    .string()
    .min(1, sayError(reason('field_required', { field: 'newPassword' })))
    .max(MAX_PASSWORD_LENGTH),
});
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequestSchema>;
export const NewApiTokenResponseSchema = z.object({
  /** Shown once: only its hash is stored. */
  data: ApiTokenSchema.extend({ secret: z.string() }),
});
export const ApiTokenListResponseSchema = z.object({
  data: z.array(ApiTokenSchema),
  meta: z.object({ count: z.number().int() }),
});
