import { NewApiTokenRequestSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { findApiToken } from '../../repos/workflow/sessions.js';
import {
  auditSince,
  callerFor,
  lastAuditId,
  sessionCallerFor,
  tableCounts,
  serviceDeps,
  useWorkflowTestApp,
} from '../../test-support/workflow.js';
import { createApiToken } from './create.js';
import { revokeApiToken } from './revoke.js';

const t = useWorkflowTestApp();
const at = new Date('2025-03-01T10:00:00Z');
const deps = () => serviceDeps(t.db, at);

describe('createApiToken and revokeApiToken', () => {
  it('issues a token that expires when asked, then revokes it, auditing both without the secret', async () => {
    const since = await lastAuditId(t.db);
    const { token, secret } = await createApiToken(deps(), sessionCallerFor(t.researcher), {
      name: 'notebook',
      expiresInDays: 30,
    });
    expect(token).toMatchObject({
      name: 'notebook',
      userId: t.researcher.id,
      expiresAt: '2025-03-31T10:00:00.000Z',
    });
    expect(secret.startsWith(token.prefix)).toBe(true);
    await revokeApiToken(deps(), callerFor(t.researcher), { id: token.id });
    expect((await findApiToken(t.db, token.id))?.revokedAt).toBe(at.toISOString());
    const entries = await auditSince(t.db, since);
    expect(entries.map((e) => [e.action, e.entityType, e.entityId, e.newValue])).toEqual([
      ['token.create', 'api_token', token.id, { name: 'notebook', expiresAt: '2025-03-31T10:00:00.000Z' }],
      ['token.revoke', 'api_token', token.id, null],
    ]);
    expect(JSON.stringify(entries)).not.toContain(secret);
  });

  it('does not let anyone but its owner or an admin revoke a token', async () => {
    const { token } = await createApiToken(deps(), sessionCallerFor(t.donor), {
      name: 'reports',
      expiresInDays: 90,
    });
    const before = await tableCounts(t.db);
    await expect(revokeApiToken(deps(), callerFor(t.researcher), { id: token.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await tableCounts(t.db)).toEqual(before);
    await revokeApiToken(deps(), callerFor(t.admin), { id: token.id });
    expect((await findApiToken(t.db, token.id))?.revokedAt).not.toBeNull();
  });

  it('gives a token 90 days by default, and lets only a session, never another token, create one', async () => {
    const { token } = await createApiToken(deps(), sessionCallerFor(t.official), {
      name: 'default lifetime',
      expiresInDays: NewApiTokenRequestSchema.parse({ name: 'x' }).expiresInDays,
    });
    expect(token.expiresAt).toBe('2025-05-30T10:00:00.000Z');
    const before = await tableCounts(t.db);
    await expect(
      createApiToken(deps(), callerFor(t.official), { name: 'minted', expiresInDays: 30 }),
    ).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/token cannot create/) });
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
