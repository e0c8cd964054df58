import { IMPORT_COLUMNS, INDICATORS, POLICY_MEASURES, ProblemSchema } from '@fourp/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.js';
import { insertObservations, readProblem } from '../test-support/api.js';
import { FuzzGenerator, type FuzzRequest, type OpenApiDoc } from '../test-support/fuzz.js';
import {
  createWorkflowTestApp,
  signIn,
  useWorkflowTestApp,
  type WorkflowTestApp,
} from '../test-support/workflow.js';
import { readJurisdictionFile } from '../seed/jurisdictions-file.js';

const SEED = 20261130;
const RUNS_PER_CALLER = 7;
const PROXY_SECRET = 'fuzz-proxy-secret';
/** A refused sign-in records the attempt before the password is checked (the rate limit counts it): that write is meant. */
const ENDS_SESSION = new Set(['/v1/auth/logout', '/v1/auth/password']);
const WRITTEN_BY_REFUSALS = new Set(['login_attempts']);

function tableCounts(db: Db): Record<string, number> {
  const sqlite = db.$client;
  const names = sqlite
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    names
      .filter((name) => !WRITTEN_BY_REFUSALS.has(name))
      .map((name) => [name, sqlite.prepare(`select count(*) from "${name}"`).pluck().get() as number]),
  );
}

type Caller = { name: string; headers: () => Record<string, string> };

describe('OpenAPI fuzz', () => {
  let t: WorkflowTestApp;
  let session: Record<string, string> = {};
  let signIns = 0;
  const renewSession = async () => {
    signIns += 1;
    const forwarded = { 'X-FourP-Proxy': PROXY_SECRET, 'X-Forwarded-For': `10.0.0.${signIns}` };
    const app = {
      request: (url: string, init: RequestInit) =>
        t.app.request(url, { ...init, headers: { ...init.headers, ...forwarded } }),
    };
    session = (await signIn(app as WorkflowTestApp['app'], t.admin.email)).csrf;
  };

  beforeAll(async () => {
    t = await createWorkflowTestApp({ proxySecret: PROXY_SECRET });
    await insertObservations(t.db, [
      { indicator: 'victims_identified', jurisdiction: 'PK-PB-GUJRAT', year: 2021, value: 40 },
      { indicator: 'victims_identified', jurisdiction: 'IT', year: 2021, value: 900 },
      {
        indicator: 'victims_identified',
        jurisdiction: 'PK-PB-GUJRAT',
        year: 2022,
        value: 41,
        workflowState: 'draft',
      },
    ]);
    await renewSession();
  });
  afterAll(() => t.close());

  it('answers ≥ 1,000 generated requests without a 5xx, every error a problem, nothing written by a refusal', async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as OpenApiDoc;
    const generator = new FuzzGenerator(doc, {
      indicator: INDICATORS.map((i) => i.id),
      pillar: ['prosecution', 'protection', 'prevention', 'partnership'],
      jurisdiction: readJurisdictionFile().units.map((j) => j.id),
      jurisdictionId: ['PK-PB-GUJRAT', 'PK-PB'],
      base: ['PK-PB-GUJRAT', 'PK'],
      year: [2021, 2022, 2023],
      from: [2015, 2021],
      to: [2022, 2030],
      yearEnd: [2022, 2023],
      with: ['IT,ES', 'IT'],
      id: ['1', '2', '3', '999999', INDICATORS[0]!.id, POLICY_MEASURES[0]!.id, t.researcher.id],
      email: [t.donor.email, 'new-user@example.org'],
      import_header: [IMPORT_COLUMNS.join(','), 'indicator,jurisdiction'],
    });
    const callers: Caller[] = [
      { name: 'anonymous', headers: () => ({}) },
      { name: 'admin session', headers: () => session },
      { name: 'admin bearer', headers: () => t.admin.bearer },
      { name: 'official bearer', headers: () => t.official.bearer },
    ];
    const failures: string[] = [];
    const seen = new Map<number, number>();
    let sent = 0;
    let opIndex = 0;
    for (const { method, path } of generator.operations()) {
      opIndex += 1;
      const requests = fc.sample(generator.operation(method, path), {
        seed: SEED + opIndex,
        numRuns: RUNS_PER_CALLER * callers.length,
      });
      for (const [i, request] of requests.entries()) {
        const caller = callers[i % callers.length]!;
        const problem = await check(t, request, caller.headers());
        sent += 1;
        seen.set(problem.status, (seen.get(problem.status) ?? 0) + 1);
        if (problem.failure) failures.push(`${caller.name} ${describeRequest(request)}: ${problem.failure}`);
        if (caller.name === 'admin session' && problem.status < 300 && ENDS_SESSION.has(path))
          await renewSession();
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect([...seen.keys()].filter((status) => status >= 400).length).toBeGreaterThan(3);
    expect(seen.get(200) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});

describe('fuzz findings', () => {
  const t = useWorkflowTestApp();
  const upload = (contentType: string, body: string) =>
    t.app.request('/v1/imports?dryRun=1', {
      method: 'POST',
      headers: { ...t.official.bearer, 'Content-Type': contentType },
      body,
    });

  it('answers a multipart upload it cannot read with 400, not 500', async () => {
    const before = tableCounts(t.db);
    const broken = await readProblem(await upload('multipart/form-data; boundary=x', '--x\r\nbroken'), 400);
    expect(broken.detail).toMatch(/multipart form cannot be read/);
    await readProblem(await upload('multipart/form-data', 'no boundary'), 400);
    expect(tableCounts(t.db)).toEqual(before);
  });

  it('still answers an oversized multipart upload with 413', async () => {
    const boundary = 'big';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.csv"\r\n\r\n${'a'.repeat(21 * 1024 * 1024)}\r\n--${boundary}--\r\n`;
    await readProblem(await upload(`multipart/form-data; boundary=${boundary}`, body), 413);
  });
});

function describeRequest(request: FuzzRequest) {
  const body = request.body ? ` [${request.body.label}, ${request.body.payload.length} bytes]` : '';
  return `${request.method} ${request.url.slice(0, 160)}${body}`;
}

async function check(t: WorkflowTestApp, request: FuzzRequest, headers: Record<string, string>) {
  const before = tableCounts(t.db);
  const res = await t.app.request(request.url, {
    method: request.method,
    headers: {
      ...headers,
      ...(request.body?.contentType ? { 'Content-Type': request.body.contentType } : {}),
    },
    ...(request.body ? { body: request.body.payload } : {}),
  });
  const status = res.status;
  const text = await res.text();
  if (status >= 500) return { status, failure: `${status} ${text.slice(0, 300)}` };
  if (status < 400) return { status, failure: null };
  if (!res.headers.get('content-type')?.startsWith('application/problem+json'))
    return { status, failure: `${status} as ${res.headers.get('content-type')}` };
  const problem = ProblemSchema.safeParse(JSON.parse(text));
  if (
    !problem.success ||
    problem.data.status !== status ||
    problem.data.requestId !== res.headers.get('x-request-id')
  )
    return { status, failure: `${status} with a body that is not its problem: ${text.slice(0, 300)}` };
  const after = tableCounts(t.db);
  if (JSON.stringify(after) !== JSON.stringify(before))
    return {
      status,
      failure: `${status} changed table counts ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
    };
  return { status, failure: null };
}
