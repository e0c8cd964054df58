import { UserChangeRequestSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import {
  PASSWORD,
  auditSince,
  callerFor,
  lastAuditId,
  tableCounts,
  serviceDeps,
  useWorkflowTestApp,
} from '../../test-support/workflow.js';
import { OPERATOR } from '../caller.js';
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
});
