import { type JurisdictionId, type Source, type SourceKind, type Target } from '@fourp/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.js';
import { preparedOn } from '../../db/prepared.js';
import { sources, targets } from '../../db/schema.js';
import { targetBaselineSources } from '../../db/schema-workflow.js';

const baselineSources = alias(sources, 'baseline_sources');

type SourceRow = {
  id: number | null;
  title: string | null;
  publisher: string | null;
  year: number | null;
  locator: string | null;
  kind: string | null;
};
const toSource = (row: SourceRow | null): Source | null =>
  row === null || row.id === null
    ? null
    : {
        id: row.id,
        title: row.title!,
        publisher: row.publisher!,
        year: row.year,
        locator: row.locator,
        kind: row.kind as SourceKind,
      };

const sourceColumns = (table: typeof sources | typeof baselineSources) => ({
  id: table.id,
  title: table.title,
  publisher: table.publisher,
  year: table.year,
  locator: table.locator,
  kind: table.kind,
});

/** The targets query for the filter's shape, prepared once per database handle. */
const targetsWhere = (db: Db, byJurisdiction: boolean, byIndicator: boolean) =>
  preparedOn(db, `targets by ${byJurisdiction} ${byIndicator}`, (db) =>
    db
      .select({
        target: targets,
        targetSource: sourceColumns(sources),
        baselineSource: sourceColumns(baselineSources),
      })
      .from(targets)
      .leftJoin(sources, eq(sources.id, targets.sourceId))
      .leftJoin(targetBaselineSources, eq(targetBaselineSources.targetId, targets.id))
      .leftJoin(baselineSources, eq(baselineSources.id, targetBaselineSources.sourceId))
      .where(
        and(
          byJurisdiction ? eq(targets.jurisdictionId, sql.placeholder('jurisdiction')) : undefined,
          byIndicator ? eq(targets.indicatorId, sql.placeholder('indicator')) : undefined,
        ),
      )
      .orderBy(asc(targets.jurisdictionId), asc(targets.indicatorId))
      .prepare(),
  );

export async function listTargets(
  db: Db,
  filter: { jurisdiction?: JurisdictionId; indicator?: string } = {},
): Promise<Target[]> {
  const rows = targetsWhere(db, Boolean(filter.jurisdiction), Boolean(filter.indicator)).all({
    jurisdiction: filter.jurisdiction,
    indicator: filter.indicator,
  });
  return rows.map(({ target, targetSource, baselineSource }) => ({
    id: target.id,
    indicator: target.indicatorId,
    jurisdiction: target.jurisdictionId,
    baseline: {
      year: target.baselineYear ?? target.targetYear,
      value: target.baselineValue ?? 0,
      source: toSource(baselineSource),
      suppressed: false,
    },
    target: { year: target.targetYear, value: target.targetValue, source: toSource(targetSource) },
    note: target.note,
    setBy: target.setBy,
    setAt: target.createdAt,
  }));
}

export type TargetValues = {
  indicator: string;
  jurisdiction: JurisdictionId;
  baseline: { year: number; value: number; sourceId: number };
  target: { year: number; value: number; sourceId: number };
  note: string | null;
  setBy: string;
};

/** Creates or replaces the target for indicator × jurisdiction; returns its id. */
export async function upsertTarget(db: Db, t: TargetValues, now: Date): Promise<number> {
  const values = {
    indicatorId: t.indicator,
    jurisdictionId: t.jurisdiction,
    baselineYear: t.baseline.year,
    baselineValue: t.baseline.value,
    targetYear: t.target.year,
    targetValue: t.target.value,
    sourceId: t.target.sourceId,
    note: t.note,
    setBy: t.setBy,
    createdAt: now.toISOString(),
  };
  const [row] = await db
    .insert(targets)
    .values(values)
    .onConflictDoUpdate({ target: [targets.indicatorId, targets.jurisdictionId], set: values })
    .returning({ id: targets.id });
  const id = row!.id;
  await db
    .insert(targetBaselineSources)
    .values({ targetId: id, sourceId: t.baseline.sourceId })
    .onConflictDoUpdate({ target: targetBaselineSources.targetId, set: { sourceId: t.baseline.sourceId } });
  return id;
}
