import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { jurisdictions, sources, targets } from './schema.js';

const isoNow = () => new Date().toISOString();

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', {
      enum: ['admin', 'provincial_reviewer', 'district_official', 'donor', 'researcher'],
    }).notNull(),
    jurisdictionId: text('jurisdiction_id').references(() => jurisdictions.id),
    createdAt: text('created_at').notNull().$defaultFn(isoNow),
    disabledAt: text('disabled_at'),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(t.email),
    check(
      'users_role_ck',
      sql`${t.role} in ('admin', 'provincial_reviewer', 'district_official', 'donor', 'researcher')`,
    ),
    check(
      'users_official_jurisdiction_ck',
      sql`${t.role} <> 'district_official' or ${t.jurisdictionId} is not null`,
    ),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_hash_uq').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the token, so its owner can recognise it in a list. */
    prefix: text('prefix').notNull(),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
    expiresAt: text('expires_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_token_hash_uq').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    at: text('at').notNull(),
    succeeded: integer('succeeded').notNull(),
  },
  (t) => [
    index('login_attempts_email_ip_at_idx').on(t.email, t.ip, t.at),
    check('login_attempts_succeeded_ck', sql`${t.succeeded} in (0, 1)`),
  ],
);

/** Append-only: a later migration adds triggers that abort any UPDATE or DELETE. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    actorEmail: text('actor_email'),
    sessionId: text('session_id'),
    tokenId: text('token_id'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    jurisdictionId: text('jurisdiction_id'),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    reason: text('reason'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_at_idx').on(t.at),
    uniqueIndex('audit_log_prev_hash_idx').on(t.prevHash),
  ],
);

export const importBatches = sqliteTable(
  'import_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contentHash: text('content_hash').notNull(),
    filename: text('filename'),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    layout: text('layout', { enum: ['template', 'reference'] }).notNull(),
    importedBy: text('imported_by')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
    rowsTotal: integer('rows_total').notNull(),
    rowsInserted: integer('rows_inserted').notNull(),
    rowsUpdated: integer('rows_updated').notNull(),
    rowsUnchanged: integer('rows_unchanged').notNull(),
  },
  (t) => [index('import_batches_content_hash_idx').on(t.contentHash)],
);

/** The source behind a target's baseline; `targets.source_id` is the source of the target itself. */
export const targetBaselineSources = sqliteTable('target_baseline_sources', {
  targetId: integer('target_id')
    .primaryKey()
    .references(() => targets.id),
  sourceId: integer('source_id')
    .notNull()
    .references(() => sources.id),
});
