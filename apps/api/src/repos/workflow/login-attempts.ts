import { and, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginAttempts } from '../../db/schema-workflow.js';

/** Times of failed attempts since `since`, oldest first, for one address, one account and both together. */
export type RecentFailures = { pair: Date[]; address: Date[]; account: Date[] };

type Row = { email: string; ip: string; at: string; succeeded: number };

function failuresAfterLastSuccess(rows: Row[]): Date[] {
  const failures: Date[] = [];
  for (const row of rows) {
    if (row.succeeded === 1) break;
    failures.push(new Date(row.at));
  }
  return failures.reverse();
}

/**
 * Records a failed attempt for email + ip unless `refuse` (given the recent failures) says how long to wait.
 * Reading and recording are one synchronous immediate transaction, so parallel attempts cannot all slip past.
 * Returns the id of the recorded attempt, or the seconds to wait.
 */
export function reserveLoginAttempt(
  db: Db,
  attempt: { email: string; ip: string; at: Date; since: Date },
  refuse: (failures: RecentFailures) => number | null,
): { id: number } | { retryAfter: number } {
  return db.transaction(
    (tx) => {
      const since = attempt.since.toISOString();
      const recent = (column: typeof loginAttempts.email | typeof loginAttempts.ip, value: string) =>
        tx
          .select()
          .from(loginAttempts)
          .where(and(eq(column, value), gt(loginAttempts.at, since)))
          .orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
          .all();
      const byAccount = recent(loginAttempts.email, attempt.email);
      const byAddress = recent(loginAttempts.ip, attempt.ip);
      const retryAfter = refuse({
        pair: failuresAfterLastSuccess(byAccount.filter((row) => row.ip === attempt.ip)),
        address: byAddress
          .filter((row) => row.succeeded === 0)
          .map((row) => new Date(row.at))
          .reverse(),
        account: failuresAfterLastSuccess(byAccount),
      });
      if (retryAfter !== null) return { retryAfter };
      const [recorded] = tx
        .insert(loginAttempts)
        .values({ email: attempt.email, ip: attempt.ip, succeeded: 0, at: attempt.at.toISOString() })
        .returning({ id: loginAttempts.id })
        .all();
      return { id: recorded!.id };
    },
    { behavior: 'immediate' },
  );
}

export async function markLoginSucceeded(db: Db, id: number): Promise<void> {
  await db.update(loginAttempts).set({ succeeded: 1 }).where(eq(loginAttempts.id, id));
}
