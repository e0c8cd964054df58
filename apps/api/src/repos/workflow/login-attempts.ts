import { and, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginAttempts } from '../../db/schema-workflow.js';

export async function recordLoginAttempt(
  db: Db,
  attempt: { email: string; ip: string; succeeded: boolean },
  now: Date,
): Promise<void> {
  await db
    .insert(loginAttempts)
    .values({ ...attempt, succeeded: attempt.succeeded ? 1 : 0, at: now.toISOString() });
}

/** Times of failed attempts for email + IP since `since` and after the last success, oldest first. */
export async function recentFailures(db: Db, email: string, ip: string, since: Date): Promise<Date[]> {
  const rows = await db
    .select({ at: loginAttempts.at, succeeded: loginAttempts.succeeded })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.ip, ip),
        gt(loginAttempts.at, since.toISOString()),
      ),
    )
    .orderBy(desc(loginAttempts.at), desc(loginAttempts.id));
  const failures: Date[] = [];
  for (const row of rows) {
    if (row.succeeded === 1) break;
    failures.push(new Date(row.at));
  }
  return failures.reverse();
}
