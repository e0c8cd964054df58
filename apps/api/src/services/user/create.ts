import { EmailSchema, type JurisdictionId, type JurisdictionTree, type Role } from '@fourp/domain';
import { hashPassword, passwordProblem } from '../../auth/password.js';
import { ApiError, type LocalisableIssue } from '../../errors.js';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { findUserByEmail, insertUser, normaliseEmail, type UserRecord } from '../../repos/workflow/users.js';
import { permit, type Caller, type OperatorCaller, type ServiceDeps } from '../caller.js';
import { say } from '../../i18n/messages.js';

export type NewAccount = {
  email: string;
  password: string;
  role: Role;
  jurisdictionId: JurisdictionId | null;
  displayName?: string | null;
};

/** Problems with a role and jurisdiction pair, by field. */
export function roleScopeIssues(
  role: Role,
  jurisdictionId: JurisdictionId | null,
  tree: JurisdictionTree,
): LocalisableIssue[] {
  if (jurisdictionId !== null && !tree.find(jurisdictionId)) {
    return [{ path: 'jurisdictionId', message: say('user_unknown_jurisdiction', { id: jurisdictionId }) }];
  }
  if (role === 'district_official' && jurisdictionId === null) {
    return [
      {
        path: 'jurisdictionId',
        message: say('user_official_needs_jurisdiction'),
      },
    ];
  }
  return [];
}

/** Checks and stores a new account (password hashed with scrypt) and audits it; the CLI and the API share it. */
export async function createUser(
  { db, now }: ServiceDeps,
  { principal, actor }: Caller | OperatorCaller,
  account: NewAccount,
): Promise<UserRecord> {
  permit(principal, 'user.manage');
  const issues: LocalisableIssue[] = [];
  if (!EmailSchema.safeParse(account.email.trim()).success) {
    issues.push({ path: 'email', message: say('email_invalid', { email: account.email }) });
  }
  const weak = passwordProblem(account.password, account.email);
  if (weak) issues.push({ path: 'password', message: weak });
  issues.push(...roleScopeIssues(account.role, account.jurisdictionId, jurisdictionTree(db)));
  if (issues.length > 0) throw ApiError.invalid(issues);
  if (await findUserByEmail(db, account.email)) {
    throw new ApiError('conflict', say('account_exists', { email: normaliseEmail(account.email) }));
  }
  const passwordHash = await hashPassword(account.password);
  const at = now();
  return inTransaction(db, async (tx) => {
    const user = await insertUser(tx, { ...account, passwordHash }, at);
    const { id, email, role, jurisdictionId, displayName } = user;
    await appendAudit(
      tx,
      actor,
      {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        newValue: { email, role, jurisdictionId, displayName },
      },
      at,
    );
    return user;
  });
}
