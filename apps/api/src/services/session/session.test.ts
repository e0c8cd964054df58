import { describe, expect, it } from 'vitest';
import { findSessionByTokenHash } from '../../repos/workflow/sessions.js';
import { hashSecret } from '../../auth/secrets.js';
import {
  PASSWORD,
  auditSince,
  callerFor,
  createTestUser,
  sessionCallerFor,
  tableCounts,
  lastAuditId,
  serviceDeps,
  useWorkflowTestApp,
} from '../../test-support/workflow.js';
import { changePassword } from './change-password.js';
import { LoginRateLimitedError, logIn } from './login.js';
import { logOut } from './logout.js';

const t = useWorkflowTestApp();
const at = new Date('2025-03-01T10:00:00Z');
const deps = () => serviceDeps(t.db, at);
const IP = '192.0.2.1';
const attempt = (email: string, password: string, ip = IP) =>
  logIn(deps(), { email, password, ip, userAgent: 'test', requestId: 'req-1' });

describe('logIn and logOut', () => {
  it('opens a session for the right password, audits it, and closes it with an audit entry', async () => {
    const since = await lastAuditId(t.db);
    const { user, session, cookieSecret } = await attempt(` ${t.official.email.toUpperCase()} `, PASSWORD);
    expect(user).toMatchObject({ id: t.official.id, role: 'district_official' });
    expect(user).not.toHaveProperty('passwordHash');
    expect((await findSessionByTokenHash(t.db, hashSecret(cookieSecret)))?.session.id).toBe(session.id);
    const actor = {
      userId: user.id,
      email: user.email,
      sessionId: session.id,
      tokenId: null,
      requestId: 'req-2',
    };
    const principal = {
      kind: 'user' as const,
      userId: user.id,
      role: user.role,
      jurisdictionId: user.jurisdictionId,
    };
    await logOut(deps(), { principal, actor });
    expect(await findSessionByTokenHash(t.db, hashSecret(cookieSecret))).toBeNull();
    const entries = await auditSince(t.db, since);
    expect(
      entries.map((e) => [e.action, e.entityType, e.entityId, e.actorId, e.sessionId, e.requestId]),
    ).toEqual([
      ['auth.login', 'session', session.id, user.id, session.id, 'req-1'],
      ['auth.logout', 'session', session.id, user.id, session.id, 'req-2'],
    ]);
  });

  it('refuses a wrong password, and after five failures refuses even the right one for a while', async () => {
    const since = await lastAuditId(t.db);
    for (let i = 0; i < 5; i++)
      await expect(attempt(t.donor.email, 'wrong password!', '192.0.2.9')).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    const refused = attempt(t.donor.email, PASSWORD, '192.0.2.9');
    await expect(refused).rejects.toBeInstanceOf(LoginRateLimitedError);
    await expect(refused).rejects.toMatchObject({ code: 'rate_limited', retryAfter: 900 });
    expect(await auditSince(t.db, since)).toEqual([]);
    await expect(attempt(t.donor.email, PASSWORD, '192.0.2.10')).resolves.toMatchObject({
      user: { id: t.donor.id },
    });
  });
});

describe('changePassword', () => {
  const NEW_PASSWORD = 'lantern orbit cactus minnow';

  it('changes the password, ends the other sessions but not this one, and audits it without secrets', async () => {
    const user = await createTestUser(t.db, 'researcher', null, 'changer');
    const here = await attempt(user.email, PASSWORD);
    const elsewhere = await attempt(user.email, PASSWORD, '198.51.100.7');
    const since = await lastAuditId(t.db);
    expect(
      await changePassword(deps(), sessionCallerFor(user, here.session.id), {
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
        ip: IP,
      }),
    ).toEqual({ revokedSessions: 1 });
    expect((await findSessionByTokenHash(t.db, hashSecret(here.cookieSecret)))?.session.id).toBe(
      here.session.id,
    );
    expect(await findSessionByTokenHash(t.db, hashSecret(elsewhere.cookieSecret))).toBeNull();
    await expect(attempt(user.email, PASSWORD, '198.51.100.8')).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect((await attempt(user.email, NEW_PASSWORD)).user.id).toBe(user.id);
    const entries = await auditSince(t.db, since);
    expect(entries[0]).toMatchObject({
      action: 'auth.password_change',
      entityType: 'user',
      entityId: user.id,
      sessionId: here.session.id,
      newValue: { password: 'changed', revoked: { sessions: 1 } },
    });
    expect(JSON.stringify(entries)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password, a weak or unchanged new one, and a caller using an API token', async () => {
    const user = await createTestUser(t.db, 'donor', null, 'keeper');
    const caller = sessionCallerFor(user);
    const before = await tableCounts(t.db);
    await expect(
      changePassword(deps(), caller, {
        currentPassword: 'not my password',
        newPassword: NEW_PASSWORD,
        ip: IP,
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'currentPassword', message: 'The current password is wrong.' }],
    });
    await expect(
      changePassword(deps(), caller, { currentPassword: PASSWORD, newPassword: 'aaaaaaaaaaaa', ip: IP }),
    ).rejects.toMatchObject({
      errors: [{ path: 'newPassword', message: expect.stringMatching(/too easy/) }],
    });
    await expect(
      changePassword(deps(), caller, {
        currentPassword: PASSWORD,
        newPassword: 'keeper of the orbit lanterns',
        ip: IP,
      }),
    ).rejects.toMatchObject({
      errors: [{ path: 'newPassword', message: expect.stringMatching(/"keeper"/) }],
    });
    await expect(
      changePassword(deps(), caller, { currentPassword: PASSWORD, newPassword: PASSWORD, ip: IP }),
    ).rejects.toMatchObject({ errors: [{ path: 'newPassword', message: expect.stringMatching(/differ/) }] });
    await expect(
      changePassword(deps(), callerFor(user), {
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
        ip: IP,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
