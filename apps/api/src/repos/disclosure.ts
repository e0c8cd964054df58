import type { DisclosureFigure, IndicatorId } from '@fourp/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { disclosureRuns, disclosureStates, observations } from '../db/schema.js';
import { cellFromRow } from './observations.js';

/*
 * The stored disclosure pattern. Synchronous: it is rewritten inside the transactions that change the
 * published figures (some of them better-sqlite3 transactions, which cannot await).
 */

export type DisclosureState = 'public' | 'small_count' | 'complementary';

export type DisclosureRun = {
  fingerprint: string;
  checkedAt: string;
  primaryCells: number;
  pinned: unknown[];
  millis: number;
};

/** Every published figure of these indicators, as the attacker model reads it. */
export function listDisclosureFigures(db: DbOrTx, indicators: readonly IndicatorId[]): DisclosureFigure[] {
  return db
    .select({
      id: observations.id,
      indicatorId: observations.indicatorId,
      jurisdictionId: observations.jurisdictionId,
      year: observations.year,
      yearEnd: observations.yearEnd,
      period: observations.period,
      disaggregation: observations.disaggregation,
      definition: observations.definition,
      value: observations.value,
      confStatus: observations.confStatus,
    })
    .from(observations)
    .where(
      and(eq(observations.workflowState, 'published'), inArray(observations.indicatorId, [...indicators])),
    )
    .orderBy(observations.id)
    .all()
    .map((row) => {
      const cell = cellFromRow(row);
      return {
        id: row.id,
        ...cell,
        period: cell.period ?? null,
        value: row.value,
        withheld: row.confStatus !== 'F',
      };
    });
}

const BATCH = 500;

/** Replaces the pattern, writing only the figures whose state changed. */
export function replaceDisclosureStates(db: DbOrTx, states: ReadonlyMap<number, DisclosureState>): void {
  const stored = readAllDisclosureStates(db);
  const gone = [...stored.keys()].filter((id) => !states.has(id));
  const changed = [...states]
    .filter(([id, state]) => stored.get(id) !== state)
    .map(([observationId, state]) => ({ observationId, state }));
  for (let i = 0; i < gone.length; i += BATCH) {
    db.delete(disclosureStates)
      .where(inArray(disclosureStates.observationId, gone.slice(i, i + BATCH)))
      .run();
  }
  for (let i = 0; i < changed.length; i += BATCH) {
    db.insert(disclosureStates)
      .values(changed.slice(i, i + BATCH))
      .onConflictDoUpdate({ target: disclosureStates.observationId, set: { state: sql`excluded.state` } })
      .run();
  }
}

/** The stored state of each of these figures that has one. */
export function readDisclosureStates(db: DbOrTx, ids: readonly number[]): Map<number, DisclosureState> {
  const states = new Map<number, DisclosureState>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = db
      .select()
      .from(disclosureStates)
      .where(inArray(disclosureStates.observationId, ids.slice(i, i + BATCH)))
      .all();
    for (const row of rows) states.set(row.observationId, row.state);
  }
  return states;
}

/** Every stored state, by figure id. */
export function readAllDisclosureStates(db: DbOrTx): Map<number, DisclosureState> {
  return new Map(
    db
      .select()
      .from(disclosureStates)
      .all()
      .map((row) => [row.observationId, row.state]),
  );
}

export function writeDisclosureRun(db: DbOrTx, run: DisclosureRun): void {
  const row = { ...run, pinned: JSON.stringify(run.pinned) };
  db.insert(disclosureRuns)
    .values({ id: 1, ...row })
    .onConflictDoUpdate({ target: disclosureRuns.id, set: row })
    .run();
}

export function readDisclosureRun(db: DbOrTx): DisclosureRun | null {
  const row = db.select().from(disclosureRuns).where(eq(disclosureRuns.id, 1)).get();
  return row ? { ...row, pinned: JSON.parse(row.pinned) as unknown[] } : null;
}
