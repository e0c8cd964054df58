import type { WorkflowState } from '@fourp/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import {
  findOrCreateSource,
  insertObservation,
  setWorkflowState,
} from '../../repos/workflow/observations.js';
import {
  createTestUser,
  signIn,
  tableCounts,
  type TestUser,
  useWorkflowTestApp,
} from '../../test-support/workflow.js';

const ROLES = [
  'admin',
  'reviewer',
  'official',
  'officialElsewhere',
  'donor',
  'researcher',
  'anonymous',
] as const;
type Who = (typeof ROLES)[number];

const t = useWorkflowTestApp();
let elsewhere: TestUser;
let n = 0;
const nextYear = () => 1995 + (n++ % 30);
beforeAll(async () => {
  elsewhere = await createTestUser(t.db, 'district_official', 'PK-PB-GUJRANWALA', 'official-gujranwala');
});

/** Gujrat for everyone but the official from elsewhere, who tries to write to Pakistan (outside their scope). */
const jurisdictionFor = (who: Who) => (who === 'officialElsewhere' ? 'PK' : 'PK-PB-GUJRAT');
const headersFor = (who: Who): Record<string, string> => {
  if (who === 'anonymous') return {};
  const user = who === 'officialElsewhere' ? elsewhere : t[who];
  return user.bearer;
};

async function figure(db: Db, jurisdiction: string, state: WorkflowState, submittedBy: string | null = null) {
  const { source } = await findOrCreateSource(db, {
    title: `Matrix source ${n}`,
    publisher: 'Test',
    year: 2024,
    locator: null,
    kind: 'primary',
  });
  const now = new Date();
  const id = await insertObservation(
    db,
    {
      indicator: 'victims_identified',
      jurisdiction,
      year: nextYear(),
      yearEnd: 1995 + ((n - 1) % 30),
      disaggregation: {},
      definition: 'standard',
      value: 10,
      status: 'A',
      unitAsRead: null,
      valueAsRead: null,
      note: null,
      sourceId: source.id,
      workflowState: 'draft',
      createdBy: null,
    },
    now,
  );
  if (submittedBy) {
    const actor = { userId: submittedBy, email: 'someone', sessionId: null, tokenId: null, requestId: null };
    await appendAudit(
      db,
      actor,
      {
        action: 'observation.submit',
        entityType: 'observation',
        entityId: id,
        newValue: { workflowState: 'submitted' },
      },
      now,
    );
  }
  await setWorkflowState(
    db,
    id,
    { workflowState: state, locked: state === 'approved' || state === 'published' },
    now,
  );
  return id;
}

type Case = {
  route: string;
  request: (who: Who) => Promise<[string, RequestInit]>;
  expected: Record<Who, number>;
};

const send =
  (method: string, body?: unknown, contentType = 'application/json') =>
  (who: Who): RequestInit => ({
    method,
    headers: { ...headersFor(who), 'Content-Type': contentType },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

const sessions = new Map<Who, Record<string, string>>();
/** Cookie and CSRF headers of a signed-in session, for the routes an API token may not call. */
async function sessionHeadersFor(who: Who): Promise<Record<string, string>> {
  if (who === 'anonymous') return {};
  if (!sessions.has(who)) {
    const user = who === 'officialElsewhere' ? elsewhere : t[who];
    sessions.set(who, (await signIn(t.app, user.email)).csrf);
  }
  return sessions.get(who)!;
}
const sendInSession =
  (method: string, body?: unknown) =>
  async (who: Who): Promise<RequestInit> => ({
    method,
    headers: { ...(await sessionHeadersFor(who)), 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const FIGURE_WRITE = {
  admin: 201,
  reviewer: 201,
  official: 201,
  officialElsewhere: 403,
  donor: 403,
  researcher: 403,
  anonymous: 401,
};
const CORRECT = { ...FIGURE_WRITE, admin: 200, reviewer: 200, official: 200 };
const REVIEW = {
  admin: 200,
  reviewer: 200,
  official: 403,
  officialElsewhere: 403,
  donor: 403,
  researcher: 403,
  anonymous: 401,
};
const ADMIN_ONLY = {
  admin: 201,
  reviewer: 403,
  official: 403,
  officialElsewhere: 403,
  donor: 403,
  researcher: 403,
  anonymous: 401,
};
const ANY_USER = {
  admin: 201,
  reviewer: 201,
  official: 201,
  officialElsewhere: 201,
  donor: 201,
  researcher: 201,
  anonymous: 401,
};

const transition = (
  action: string,
  state: WorkflowState,
  body: unknown,
  expected: Record<Who, number>,
): Case => ({
  route: `POST /v1/observations/:id/${action}`,
  request: async (who) => {
    const id = await figure(t.db, jurisdictionFor(who), state, t.official.id);
    return [`/v1/observations/${id}/${action}`, send('POST', body)(who)];
  },
  expected,
});

const CASES: Case[] = [
  {
    route: 'POST /v1/observations',
    request: async (who) => [
      '/v1/observations',
      send('POST', {
        indicator: 'victims_identified',
        jurisdiction: jurisdictionFor(who),
        year: nextYear(),
        value: 3,
        source: { title: `Matrix entry ${n}`, publisher: 'Test' },
      })(who),
    ],
    expected: FIGURE_WRITE,
  },
  {
    route: 'PATCH /v1/observations/:id',
    request: async (who) => {
      const id = await figure(t.db, jurisdictionFor(who), 'draft');
      return [`/v1/observations/${id}`, send('PATCH', { value: 11 })(who)];
    },
    expected: CORRECT,
  },
  transition('submit', 'draft', {}, CORRECT),
  transition('approve', 'submitted', {}, REVIEW),
  transition('reject', 'submitted', { reason: 'wrong reference year' }, REVIEW),
  transition('publish', 'approved', {}, REVIEW),
  transition('unlock', 'approved', { reason: 'typo in the source table' }, REVIEW),
  {
    route: 'POST /v1/imports',
    request: async (who) => {
      const csv = `indicator,jurisdiction,year,value,source_title,source_publisher\r\nvictims_identified,${jurisdictionFor(who)},${nextYear()},5,Matrix import ${n},Test\r\n`;
      return ['/v1/imports', send('POST', csv, 'text/csv')(who)];
    },
    expected: FIGURE_WRITE,
  },
  {
    route: 'PUT /v1/targets',
    request: async (who) => [
      '/v1/targets',
      send('PUT', {
        indicator: 'victims_identified',
        jurisdiction: jurisdictionFor(who),
        baseline: { year: 2020, value: 10, source: { title: 'Baseline', publisher: 'Test' } },
        target: { year: 2030, value: 30, source: { title: 'District plan', publisher: 'Test' } },
      })(who),
    ],
    expected: REVIEW,
  },
  {
    route: 'POST /v1/users',
    request: async (who) => [
      '/v1/users',
      send('POST', {
        email: `new-${n++}@example.org`,
        password: 'a long enough password',
        role: 'researcher',
      })(who),
    ],
    expected: ADMIN_ONLY,
  },
  {
    route: 'PATCH /v1/users/:id',
    request: async (who) => [
      `/v1/users/${t.researcher.id}`,
      send('PATCH', { displayName: `Researcher ${n++}` })(who),
    ],
    expected: { ...ADMIN_ONLY, admin: 200 },
  },
  {
    route: 'POST /v1/tokens',
    request: async (who) => ['/v1/tokens', await sendInSession('POST', { name: 'matrix' })(who)],
    expected: ANY_USER,
  },
  {
    route: 'POST /v1/tokens with an API token',
    request: async (who) => ['/v1/tokens', send('POST', { name: 'minted by a token' })(who)],
    expected: { ...ADMIN_ONLY, admin: 403 },
  },
  {
    route: 'DELETE /v1/tokens/:id',
    request: async (who) => {
      if (who === 'anonymous') return ['/v1/tokens/none', send('DELETE')(who)];
      const res = await t.app.request('/v1/tokens', await sendInSession('POST', { name: 'to revoke' })(who));
      const { data } = (await res.json()) as { data: { id: string } };
      return [`/v1/tokens/${data.id}`, send('DELETE')(who)];
    },
    expected: {
      admin: 204,
      reviewer: 204,
      official: 204,
      officialElsewhere: 204,
      donor: 204,
      researcher: 204,
      anonymous: 401,
    },
  },
  {
    route: 'GET /v1/audit.csv',
    request: async (who) => ['/v1/audit.csv', { headers: headersFor(who) }],
    expected: {
      admin: 200,
      reviewer: 200,
      official: 403,
      officialElsewhere: 403,
      donor: 200,
      researcher: 403,
      anonymous: 401,
    },
  },
  {
    route: 'GET /v1/reviews',
    request: async (who) => ['/v1/reviews', { headers: headersFor(who) }],
    expected: {
      admin: 200,
      reviewer: 200,
      official: 200,
      officialElsewhere: 200,
      donor: 403,
      researcher: 403,
      anonymous: 401,
    },
  },
];

describe('authorisation matrix: every workflow route × every role', () => {
  for (const c of CASES) {
    for (const who of ROLES) {
      it(`${c.route} as ${who} → ${c.expected[who]}`, async () => {
        const [path, init] = await c.request(who);
        const before = await tableCounts(t.db);
        const res = await t.app.request(path, init);
        expect(res.status, await res.clone().text()).toBe(c.expected[who]);
        if (res.status >= 400) {
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          expect(await tableCounts(t.db)).toEqual(before);
        }
      });
    }
  }
});
