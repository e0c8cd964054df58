import {
  ProblemSchema,
  type Problem,
  type Disaggregation,
  type ConfStatus,
  type ObsStatus,
  type WorkflowState,
} from '@fourp/domain';
import { afterEach, beforeEach } from 'vitest';
import type { z } from 'zod';
import { createApp } from '../app.js';
import type { AppDeps } from '../env.js';
import type { Db } from '../db/client.js';
import { measureAssessments, observations, sources } from '../db/schema.js';
import { syncCatalogue } from '../repos/catalogue.js';
import { bumpPublishGeneration } from '../repos/generation.js';
import { readJurisdictionFile } from '../seed/jurisdictions-file.js';
import { silentLogger } from '../middleware/logger.js';
import { storedBreakdown } from '../repos/observations.js';
import { createTestDb } from './db.js';
import { refreshPattern } from '../services/caller.js';

export type TestApp = { app: ReturnType<typeof createApp>; db: Db; close: () => void };

/** Catalogue rows the observations' foreign keys need; idempotent, so it also runs after a seed. */
export async function insertCatalogue(db: Db): Promise<void> {
  syncCatalogue(db, readJurisdictionFile());
}

export type TestAppOptions = { seed?: (db: Db) => Promise<unknown>; deps?: Partial<AppDeps> };

/** An app on a fresh migrated SQLite file, with the catalogue rows (and, when `seed` is given, the reference data). */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const testDb = createTestDb();
  if (options.seed) await options.seed(testDb.db);
  await insertCatalogue(testDb.db);
  const app = createApp({ db: testDb.db, logger: silentLogger, ...options.deps });
  return { app, db: testDb.db, close: testDb.close };
}

export type NewObservation = {
  indicator: string;
  jurisdiction: string;
  year: number;
  value: number;
  yearEnd?: number;
  disaggregation?: Disaggregation;
  definition?: string;
  status?: ObsStatus;
  confStatus?: ConfStatus;
  workflowState?: WorkflowState;
  sourceTitle?: string;
};

export async function insertSource(db: Db, title = 'Test source'): Promise<number> {
  const [row] = await db
    .insert(sources)
    .values({ title, publisher: 'Test publisher', year: 2024, locator: 'p. 1', kind: 'primary' })
    .onConflictDoNothing()
    .returning({ id: sources.id });
  if (row) return row.id;
  const existing = (await db.select().from(sources)).find((s) => s.title === title);
  if (!existing) throw new Error(`source ${title} neither inserted nor found`);
  return existing.id;
}

export async function insertObservations(db: Db, rows: readonly NewObservation[]): Promise<number[]> {
  const ids: number[] = [];
  for (const row of rows) {
    const sourceId = await insertSource(db, row.sourceTitle);
    const [inserted] = await db
      .insert(observations)
      .values({
        indicatorId: row.indicator,
        jurisdictionId: row.jurisdiction,
        year: row.year,
        yearEnd: row.yearEnd ?? row.year,
        disaggregation: storedBreakdown(row.disaggregation ?? {}),
        value: row.value,
        status: row.status ?? 'A',
        confStatus: row.confStatus ?? 'F',
        definition: row.definition ?? 'standard',
        unitAsRead: 'persons',
        valueAsRead: String(row.value),
        sourceId,
        workflowState: row.workflowState ?? 'published',
      })
      .returning({ id: observations.id });
    ids.push(inserted!.id);
  }
  db.transaction((tx) => {
    refreshPattern(tx, {}, new Date());
  });
  return ids;
}

export type NewAssessment = {
  measure: string;
  jurisdiction: string;
  year: number;
  level: number;
  evidence?: string;
};

export async function insertAssessment(db: Db, row: NewAssessment): Promise<void> {
  const sourceId = await insertSource(db, 'Assessment source');
  await db.insert(measureAssessments).values({
    measureId: row.measure,
    jurisdictionId: row.jurisdiction,
    year: row.year,
    level: row.level,
    evidence: row.evidence ?? `Evidence for ${row.measure} in ${row.jurisdiction} ${row.year}`,
    sourceId,
  });
  bumpPublishGeneration(db);
}

/** Runs `use` on a fresh app and closes the app afterwards, whether `use` passes or throws. */
export async function withTestApp<T>(options: TestAppOptions, use: (t: TestApp) => Promise<T>): Promise<T> {
  const t = await createTestApp(options);
  try {
    return await use(t);
  } finally {
    t.close();
  }
}

/**
 * Gives each test of the file a fresh app (closed after it) holding `observations`, then `assessments`.
 * The returned object is refilled before every test, so tests read `t.app` and `t.db` from it.
 */
export function useTestApp(
  options: TestAppOptions & {
    observations?: readonly NewObservation[];
    assessments?: readonly NewAssessment[];
  } = {},
): TestApp {
  const current = {} as TestApp;
  beforeEach(async () => {
    Object.assign(current, await createTestApp(options));
    await insertObservations(current.db, options.observations ?? []);
    for (const assessment of options.assessments ?? []) await insertAssessment(current.db, assessment);
  });
  afterEach(() => current.close());
  return current;
}

/** GET `path` and parse the JSON body with `schema` (the same contract the web uses). */
export async function getParsed<S extends z.ZodType>(
  app: TestApp['app'],
  path: string,
  schema: S,
  headers: Record<string, string> = {},
): Promise<{ res: Response; body: z.output<S> }> {
  const res = await app.request(path, { headers });
  const json: unknown = await res.json();
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${path} (${res.status}) does not match its schema: ${parsed.error.message}`);
  }
  return { res, body: parsed.data };
}

/** Asserts an RFC 9457 problem response and returns its body. */
export async function readProblem(res: Response, status: number): Promise<Problem> {
  if (res.status !== status)
    throw new Error(`expected status ${status}, got ${res.status}: ${await res.text()}`);
  if (!res.headers.get('content-type')?.startsWith('application/problem+json')) {
    throw new Error(`expected application/problem+json, got ${res.headers.get('content-type')}`);
  }
  const problem = ProblemSchema.parse(await res.json());
  if (problem.status !== status || problem.requestId !== res.headers.get('x-request-id')) {
    throw new Error(`problem body does not match the response: ${JSON.stringify(problem)}`);
  }
  return problem;
}
