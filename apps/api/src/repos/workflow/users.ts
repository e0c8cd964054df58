import { randomUUID } from 'node:crypto';
import type { JurisdictionId, Role } from '@fourp/domain';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema-workflow.js';

export type UserRecord = {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  jurisdictionId: JurisdictionId | null;
  createdAt: string;
  disabled: boolean;
};
export type UserWithHash = UserRecord & { passwordHash: string };

type UserRow = typeof users.$inferSelect;
const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  email: row.email,
  displayName: row.displayName,
  role: row.role,
  jurisdictionId: row.jurisdictionId,
  createdAt: row.createdAt,
  disabled: row.disabledAt !== null,
});

/** Emails are compared in lower case with surrounding spaces removed. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Db, email: string): Promise<UserWithHash | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return row ? { ...toUser(row), passwordHash: row.passwordHash } : null;
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ? toUser(row) : null;
}

export async function findUserWithHashById(db: Db, id: string): Promise<UserWithHash | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ? { ...toUser(row), passwordHash: row.passwordHash } : null;
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  return (await db.select().from(users).orderBy(asc(users.email))).map(toUser);
}

export type NewUser = {
  email: string;
  passwordHash: string;
  role: Role;
  jurisdictionId: JurisdictionId | null;
  displayName?: string | null;
};

export async function insertUser(db: Db, user: NewUser, now: Date): Promise<UserRecord> {
  const [row] = await db
    .insert(users)
    .values({
      id: randomUUID(),
      email: normaliseEmail(user.email),
      passwordHash: user.passwordHash,
      role: user.role,
      jurisdictionId: user.jurisdictionId,
      displayName: user.displayName ?? null,
      createdAt: now.toISOString(),
    })
    .returning();
  return toUser(row!);
}

export type UserChange = {
  role?: Role;
  jurisdictionId?: JurisdictionId | null;
  displayName?: string | null;
  disabled?: boolean;
  passwordHash?: string;
};

export async function updateUser(
  db: Db,
  id: string,
  change: UserChange,
  now: Date,
): Promise<UserRecord | null> {
  const { disabled, ...rest } = change;
  const values = {
    ...rest,
    ...(disabled === undefined ? {} : { disabledAt: disabled ? now.toISOString() : null }),
  };
  if (Object.keys(values).length === 0) return findUserById(db, id);
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  return row ? toUser(row) : null;
}
