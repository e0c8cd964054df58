import type { Disaggregation, DisclosureFigure, IndicatorId } from '@fourp/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import {
  disclosureComponents,
  disclosureFamilies,
  disclosureRuns,
  disclosureStates,
  observations,
} from '../db/schema.js';
import { breakdownFromStored } from './observations.js';

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

/** Every published figure of these indicators (of one definition when given), as the attacker model reads it. */
export function listDisclosureFigures(
  db: DbOrTx,
  indicators: readonly IndicatorId[],
  definition?: string,
): DisclosureFigure[] {
  // Few distinct breakdowns, many rows: each is parsed and checked once.
  const breakdowns = new Map<string, Disaggregation>();
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
      and(
        eq(observations.workflowState, 'published'),
        inArray(observations.indicatorId, [...indicators]),
        definition === undefined ? undefined : eq(observations.definition, definition),
      ),
    )
    .orderBy(observations.id)
    .all()
    .map((row) => {
      let disaggregation = breakdowns.get(row.disaggregation);
      if (disaggregation === undefined) {
        disaggregation = breakdownFromStored(row.disaggregation, row.id);
        breakdowns.set(row.disaggregation, disaggregation);
      }
      return {
        id: row.id,
        indicator: row.indicatorId,
        jurisdiction: row.jurisdictionId,
        year: row.year,
        yearEnd: row.yearEnd,
        period: row.period === '' ? null : row.period,
        disaggregation,
        definition: row.definition,
        value: row.value,
        withheld: row.confStatus !== 'F',
      };
    });
}

const BATCH = 500;

export type FamilyOf = { indicator: IndicatorId; definition: string };

/** The indicator and definition of each published figure of these indicators, once each. */
export function listPublishedFamilies(db: DbOrTx, indicators: readonly IndicatorId[]): FamilyOf[] {
  return db
    .selectDistinct({ indicator: observations.indicatorId, definition: observations.definition })
    .from(observations)
    .where(
      and(eq(observations.workflowState, 'published'), inArray(observations.indicatorId, [...indicators])),
    )
    .all();
}

/** The indicator and definition of these figures, whatever their state. */
export function readFamiliesOf(db: DbOrTx, ids: readonly number[]): FamilyOf[] {
  const found: FamilyOf[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    found.push(
      ...db
        .selectDistinct({ indicator: observations.indicatorId, definition: observations.definition })
        .from(observations)
        .where(inArray(observations.id, ids.slice(i, i + BATCH)))
        .all(),
    );
  }
  return found;
}

/** Replaces the states of the figures of these indicators and definition, writing only those that changed. */
export function replaceFamilyStates(
  db: DbOrTx,
  indicators: readonly IndicatorId[],
  definition: string,
  states: ReadonlyMap<number, DisclosureState>,
): void {
  const rows = db
    .select({ observationId: disclosureStates.observationId, state: disclosureStates.state })
    .from(disclosureStates)
    .innerJoin(observations, eq(observations.id, disclosureStates.observationId))
    .where(and(inArray(observations.indicatorId, [...indicators]), eq(observations.definition, definition)))
    .all();
  writeStates(db, new Map(rows.map((row) => [row.observationId, row.state])), states);
}

/** Replaces the pattern, writing only the figures whose state changed. */
export function replaceDisclosureStates(db: DbOrTx, states: ReadonlyMap<number, DisclosureState>): void {
  writeStates(db, readAllDisclosureStates(db), states);
}

function writeStates(
  db: DbOrTx,
  stored: ReadonlyMap<number, DisclosureState>,
  states: ReadonlyMap<number, DisclosureState>,
): void {
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

export type FamilyRun = { family: string; fingerprint: string; primaryCells: number; pinned: unknown[] };

export function readFamilyRuns(db: DbOrTx): FamilyRun[] {
  return db
    .select()
    .from(disclosureFamilies)
    .orderBy(disclosureFamilies.family)
    .all()
    .map((row) => ({ ...row, pinned: JSON.parse(row.pinned) as unknown[] }));
}

export function writeFamilyRun(db: DbOrTx, run: FamilyRun): void {
  const row = { ...run, pinned: JSON.stringify(run.pinned) };
  db.insert(disclosureFamilies)
    .values(row)
    .onConflictDoUpdate({ target: disclosureFamilies.family, set: row })
    .run();
}

export function deleteFamilyRun(db: DbOrTx, family: string): void {
  db.delete(disclosureFamilies).where(eq(disclosureFamilies.family, family)).run();
}

export type ProtectedComponent = { hidden: number[]; pinned: unknown[] };

/** The family's protected components, by signature. */
export function readProtectedComponents(db: DbOrTx, family: string): Map<string, ProtectedComponent> {
  const rows = db.select().from(disclosureComponents).where(eq(disclosureComponents.family, family)).all();
  return new Map(
    rows.map((row) => [
      row.signature,
      { hidden: JSON.parse(row.hidden) as number[], pinned: JSON.parse(row.pinned) as unknown[] },
    ]),
  );
}

/** Replaces the family's protected components, writing only the signatures that changed. */
export function replaceProtectedComponents(
  db: DbOrTx,
  family: string,
  before: ReadonlyMap<string, ProtectedComponent>,
  after: ReadonlyMap<string, ProtectedComponent>,
): void {
  const gone = [...before.keys()].filter((signature) => !after.has(signature));
  for (let i = 0; i < gone.length; i += BATCH) {
    db.delete(disclosureComponents)
      .where(
        and(
          eq(disclosureComponents.family, family),
          inArray(disclosureComponents.signature, gone.slice(i, i + BATCH)),
        ),
      )
      .run();
  }
  const added = [...after]
    .filter(([signature]) => !before.has(signature))
    .map(([signature, c]) => ({
      family,
      signature,
      hidden: JSON.stringify(c.hidden),
      pinned: JSON.stringify(c.pinned),
    }));
  for (let i = 0; i < added.length; i += BATCH) {
    db.insert(disclosureComponents)
      .values(added.slice(i, i + BATCH))
      .run();
  }
}
