import { UserChangeRequestSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import {
  PASSWORD,
  auditSince,
  callerFor,
  lastAuditId,
  sessionCallerFor,
  tableCounts,
  serviceDeps,
  useWorkflowTestApp,
} from '../../test-support/workflow.js';
import { hashSecret } from '../../auth/secrets.js';
import { findApiToken, findSessionByTokenHash } from '../../repos/workflow/sessions.js';
import { createApiToken } from '../api-token/create.js';
import { OPERATOR } from '../caller.js';
import { logIn } from '../session/login.js';
import { changeUser } from './change.js';
import { createUser } from './create.js';

const t = useWorkflowTestApp();
const deps = () => serviceDeps(t.db);
const account = (email: string) => ({
  email,
  password: PASSWORD,
  role: 'district_official' as const,
  jurisdictionId: 'PK-PB-GUJRAT',
  displayName: 'New official',
});

describe('createUser', () => {
  it('creates an account for an admin and for the operator, auditing it without the password', async () => {
    const since = await lastAuditId(t.db);
    const user = await createUser(deps(), callerFor(t.admin), account('new@example.org'));
    expect(user).toMatchObject({ email: 'new@example.org', role: 'district_official', disabled: false });
    const operator = {
      principal: OPERATOR,
      actor: { userId: null, email: 'cli:ops', sessionId: null, tokenId: null, requestId: null },
    };
    await createUser(deps(), operator, account('cli@example.org'));
    const entries = await auditSince(t.db, since);
    expect(entries.map((e) => [e.action, e.actorId, e.actorEmail])).toEqual([
      ['user.create', t.admin.id, t.admin.email],
      ['user.create', null, 'cli:ops'],
    ]);
    expect(entries[0]).toMatchObject({
      entityType: 'user',
      entityId: user.id,
      oldValue: null,
      newValue: {
        email: 'new@example.org',
        role: 'district_official',
        jurisdictionId: 'PK-PB-GUJRAT',
        displayName: 'New official',
      },
    });
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
  });

  it('refuses a non-admin, a weak password and a second account for an email', async () => {
    const before = await tableCounts(t.db);
    await expect(createUser(deps(), callerFor(t.reviewer), account('x@example.org'))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      createUser(deps(), callerFor(t.admin), { ...account('y@example.org'), password: 'short' }),
    ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'password' }] });
    await expect(
      createUser(deps(), callerFor(t.admin), account(t.official.email.toUpperCase())),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it.each([
    ['repeated characters', 'aaaaaaaaaaaa', /too easy to guess.*Repeated characters/],
    ['a common password', 'Password1234!', /too easy to guess/],
    ['the email name', 'Strong-Zebra-newcomer-42', /must not contain the account's email name "newcomer"/],
  ])('refuses a password made of %s, saying why', async (_name, password, why) => {
    const before = await tableCounts(t.db);
    await expect(
      createUser(deps(), callerFor(t.admin), { ...account('Newcomer@example.org'), password }),
    ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'password', message: why }] });
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe('changeUser', () => {
  it('changes an account and audits the old values and what changed, never the password', async () => {
    const user = await createUser(deps(), callerFor(t.admin), account('change@example.org'));
    const since = await lastAuditId(t.db);
    const change = UserChangeRequestSchema.parse({ disabled: true, password: 'another long passphrase' });
    const changed = await changeUser(deps(), callerFor(t.admin), { ...change, id: user.id });
    expect(changed).toMatchObject({ id: user.id, disabled: true });
    const [entry] = await auditSince(t.db, since);
    expect(entry).toMatchObject({
      action: 'user.update',
      entityType: 'user',
      entityId: user.id,
      jurisdictionId: 'PK-PB-GUJRAT',
      oldValue: { role: 'district_official', jurisdictionId: 'PK-PB-GUJRAT', disabled: false },
      newValue: { disabled: true, password: 'changed' },
    });
  });

  it('refuses a non-admin, an unknown user and an official without a jurisdiction', async () => {
    await expect(
      changeUser(deps(), callerFor(t.reviewer), { id: t.official.id, disabled: true }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      changeUser(deps(), callerFor(t.admin), { id: 'nobody', disabled: true }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      changeUser(deps(), callerFor(t.admin), { id: t.official.id, jurisdictionId: null }),
    ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'jurisdictionId' }] });
  });

  it('ends every session and revokes every API token of a user whose password an admin resets', async () => {
    const user = await createUser(deps(), callerFor(t.admin), account('reset@example.org'));
    const signIn = () =>
      logIn(deps(), {
        email: user.email,
        password: PASSWORD,
        ip: '192.0.2.5',
        userAgent: null,
        requestId: null,
      });
    const [first, second] = [await signIn(), await signIn()];
    const owner = { ...t.official, id: user.id, email: user.email };
    const { token } = await createApiToken(deps(), sessionCallerFor(owner, first.session.id), {
      name: 'script',
      expiresInDays: 30,
    });
    await changeUser(deps(), callerFor(t.admin), { id: user.id, displayName: 'Renamed' });
    expect(await findSessionByTokenHash(t.db, hashSecret(first.cookieSecret))).not.toBeNull();

    const since = await lastAuditId(t.db);
    await changeUser(deps(), callerFor(t.admin), { id: user.id, password: 'lantern orbit cactus minnow' });
    expect(await findSessionByTokenHash(t.db, hashSecret(first.cookieSecret))).toBeNull();
    expect(await findSessionByTokenHash(t.db, hashSecret(second.cookieSecret))).toBeNull();
    expect((await findApiToken(t.db, token.id))?.revokedAt).not.toBeNull();
    const [entry] = await auditSince(t.db, since);
    expect(entry?.newValue).toEqual({ password: 'changed', revoked: { sessions: 2, tokens: 1 } });
  });

  it('refuses an admin reset to a weak password or one containing the email name', async () => {
    const user = await createUser(deps(), callerFor(t.admin), account('resetweak@example.org'));
    for (const [password, why] of [
      ['aaaaaaaaaaaa', /too easy to guess/],
      ['my-resetweak-passphrase', /email name "resetweak"/],
    ] as const)
      await expect(changeUser(deps(), callerFor(t.admin), { id: user.id, password })).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'password', message: why }],
      });
  });
});
