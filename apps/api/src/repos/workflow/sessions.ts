import { randomUUID } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiTokens, sessions, users } from '../../db/schema-workflow.js';
import type { UserRecord } from './users.js';

export type SessionRecord = {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
};

export async function insertSession(
  db: Db,
  session: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string;
    userAgent: string | null;
  },
  now: Date,
): Promise<SessionRecord> {
  const [row] = await db
    .insert(sessions)
    .values({
      id: randomUUID(),
      tokenHash: session.tokenHash,
      userId: session.userId,
      csrfToken: session.csrfToken,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      ip: session.ip,
      userAgent: session.userAgent,
    })
    .returning();
  return row!;
}

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  jurisdictionId: users.jurisdictionId,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
};

const toUser = (row: { disabledAt: string | null } & Omit<UserRecord, 'disabled'>): UserRecord => {
  const { disabledAt, ...user } = row;
  return { ...user, disabled: disabledAt !== null };
};

/** The unrevoked session with this token hash and its user; expiry is the caller's decision. */
export async function findSessionByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<{ session: SessionRecord; user: UserRecord } | null> {
  const [row] = await db
    .select({
      session: {
        id: sessions.id,
        userId: sessions.userId,
        csrfToken: sessions.csrfToken,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
      },
      user: userColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
  return row ? { session: row.session, user: toUser(row.user) } : null;
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id));
}

export async function revokeSession(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Revokes every open session of the user except `keep` (the caller's own); returns how many. */
export async function revokeUserSessions(
  db: Db,
  userId: string,
  now: Date,
  keep: string | null = null,
): Promise<number> {
  const open = and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(keep === null ? open : and(open, ne(sessions.id, keep)))
    .returning({ id: sessions.id });
  return rows.length;
}

export type ApiTokenRecord = {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

const tokenColumns = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

export async function insertApiToken(
  db: Db,
  token: { userId: string; name: string; tokenHash: string; prefix: string; expiresAt: Date | null },
  now: Date,
): Promise<ApiTokenRecord> {
  const [row] = await db
    .insert(apiTokens)
    .values({
      id: randomUUID(),
      userId: token.userId,
      name: token.name,
      tokenHash: token.tokenHash,
      prefix: token.prefix,
      createdAt: now.toISOString(),
      expiresAt: token.expiresAt?.toISOString() ?? null,
    })
    .returning(tokenColumns);
  return row!;
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenRecord[]> {
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(apiTokens.createdAt);
}

export async function findApiToken(db: Db, id: string): Promise<ApiTokenRecord | null> {
  const [row] = await db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.id, id));
  return row ?? null;
}

export async function findApiTokenByHash(
  db: Db,
  tokenHash: string,
): Promise<{ token: ApiTokenRecord; user: UserRecord } | null> {
  const [row] = await db
    .select({ token: tokenColumns, user: userColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash));
  return row ? { token: row.token, user: toUser(row.user) } : null;
}

export async function touchApiToken(db: Db, id: string, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, id));
}

export async function markApiTokenRevoked(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
}

/** Revokes every unrevoked API token of the user; returns how many. */
export async function revokeUserApiTokens(db: Db, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}
