import { describe, expect, it } from 'vitest';
import { findSessionByTokenHash } from '../../repos/workflow/sessions.js';
import { hashSecret } from '../../auth/secrets.js';
import {
  PASSWORD,
  auditSince,
  lastAuditId,
  serviceDeps,
  useWorkflowTestApp,
} from '../../test-support/workflow.js';
import { LoginRateLimitedError, logIn } from './login.js';
import { logOut } from './logout.js';

const t = useWorkflowTestApp();
const at = new Date('2025-03-01T10:00:00Z');
const deps = () => serviceDeps(t.db, at);
const attempt = (email: string, password: string, ip = '192.0.2.1') =>
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
