import type { JurisdictionId, Role } from '@fourp/domain';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { AppDeps } from '../env.js';
import { hashSecret, newApiToken } from '../auth/secrets.js';
import type { Db } from '../db/client.js';
import { observationRevisions, observations, sources, targets } from '../db/schema.js';
import { apiTokens, auditLog, importBatches, sessions, users } from '../db/schema-workflow.js';
import { insertApiToken } from '../repos/workflow/sessions.js';
import { listAudit } from '../repos/workflow/audit.js';
import { OPERATOR, type Caller } from '../services/caller.js';
import { createUser } from '../services/user/create.js';
import { createTestApp, type TestApp } from './api.js';

export const PASSWORD = 'correct horse battery staple';
const SETUP = {
  principal: OPERATOR,
  actor: { userId: null, email: 'test-setup', sessionId: null, tokenId: null, requestId: null },
};

export type TestUser = {
  id: string;
  email: string;
  role: Role;
  jurisdictionId: JurisdictionId | null;
  bearer: Record<string, string>;
};

/** An account with PASSWORD and an API token, made through the same path as the CLI. */
export async function createTestUser(
  db: Db,
  role: Role,
  jurisdictionId: JurisdictionId | null,
  name: string = role,
): Promise<TestUser> {
  const user = await createUser({ db, now: () => new Date() }, SETUP, {
    email: `${name}@example.org`,
    password: PASSWORD,
    role,
    jurisdictionId,
  });
  const secret = newApiToken();
  await insertApiToken(
    db,
    {
      userId: user.id,
      name: 'test',
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 12),
      expiresAt: null,
    },
    new Date(),
  );
  return {
    id: user.id,
    email: user.email,
    role,
    jurisdictionId,
    bearer: { Authorization: `Bearer ${secret}` },
  };
}

export type WorkflowTestApp = TestApp & {
  admin: TestUser;
  reviewer: TestUser;
  reviewer2: TestUser;
  official: TestUser;
  donor: TestUser;
  researcher: TestUser;
};

/** A test app with one account per role: the official enters figures for Gujrat district. */
export async function createWorkflowTestApp(deps: Partial<AppDeps> = {}): Promise<WorkflowTestApp> {
  const base = await createTestApp({ deps });
  const [admin, reviewer, reviewer2, official, donor, researcher] = await Promise.all([
    createTestUser(base.db, 'admin', null),
    createTestUser(base.db, 'provincial_reviewer', null, 'reviewer'),
    createTestUser(base.db, 'provincial_reviewer', null, 'reviewer2'),
    createTestUser(base.db, 'district_official', 'PK-PB-GUJRAT', 'official'),
    createTestUser(base.db, 'donor', null),
    createTestUser(base.db, 'researcher', null),
  ]);
  return {
    ...base,
    admin: admin!,
    reviewer: reviewer!,
    reviewer2: reviewer2!,
    official: official!,
    donor: donor!,
    researcher: researcher!,
  };
}

/** One workflow app shared by the tests of the file, made before the first and closed after the last. */
export function useWorkflowTestApp(): WorkflowTestApp {
  const current = {} as WorkflowTestApp;
  beforeAll(async () => {
    Object.assign(current, await createWorkflowTestApp());
  });
  afterAll(() => current.close());
  return current;
}

/** Signs in through the API; returns the headers a browser (cookie) and the dashboard (CSRF header) would send. */
export async function signIn(app: TestApp['app'], email: string, password = PASSWORD) {
  const res = await app.request('/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const body = (await res.json()) as { data: { csrfToken: string } };
  return { cookie: { Cookie: cookie }, csrf: { Cookie: cookie, 'X-FourP-CSRF': body.data.csrfToken }, res };
}

/** Row counts of every table a write can touch, to prove a refused request changed nothing. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = {
    observations,
    observationRevisions,
    sources,
    targets,
    users,
    apiTokens,
    auditLog,
    importBatches,
    sessions,
  };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    counts[name] = row!.n;
  }
  return counts;
}

export const json = (headers: Record<string, string>, body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { ...headers, 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export const gujratFigure = (overrides: Record<string, unknown> = {}) => ({
  indicator: 'victims_identified',
  jurisdiction: 'PK-PB-GUJRAT',
  year: 2022,
  value: 40,
  source: {
    title: 'District police annual report',
    publisher: 'Punjab Police, Gujrat',
    year: 2023,
    locator: 'table 4',
    kind: 'primary',
  },
  ...overrides,
});

/** The caller a service sees when `user` asks through the API with their token. */
export const callerFor = (user: TestUser, requestId = 'test-request'): Caller => ({
  principal: { kind: 'user', userId: user.id, role: user.role, jurisdictionId: user.jurisdictionId },
  actor: { userId: user.id, email: user.email, sessionId: null, tokenId: 'test-token', requestId },
});

/** The same caller signed in with a session (`sessionId`) instead of an API token. */
export const sessionCallerFor = (user: TestUser, sessionId = 'test-session'): Caller => {
  const { principal, actor } = callerFor(user);
  return { principal, actor: { ...actor, sessionId, tokenId: null } };
};

/** The audit entries written since `afterId`, oldest first. */
export async function auditSince(db: Db, afterId: number) {
  return (await listAudit(db)).filter((entry) => entry.id > afterId);
}

export async function lastAuditId(db: Db): Promise<number> {
  return (await listAudit(db)).at(-1)?.id ?? 0;
}

/** What a service needs, with a fixed clock. */
export const serviceDeps = (db: Db, at = new Date('2025-03-01T10:00:00Z')) => ({ db, now: () => at });
