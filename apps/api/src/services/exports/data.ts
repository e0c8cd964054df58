import {
  breakdownEntries,
  breakdownKey,
  type ExportBreakdown,
  type IndicatorId,
  type JurisdictionId,
  type Observation,
  type ReleaseId,
  type Target,
} from '@fourp/domain';
import { findRelease } from '../../repos/releases.js';
import { lastPublishedChange } from '../published/counts.js';
import { readFigures, type ReadDeps } from '../published/read.js';
import { readTargets } from '../published/targets.js';

/** What an export covers: the filters of `/v1/observations`, lists allowed, and the breakdowns wanted. */
export type ExportSelection = {
  indicators?: readonly IndicatorId[] | undefined;
  jurisdictions?: readonly JurisdictionId[] | undefined;
  from?: number | undefined;
  to?: number | undefined;
  breakdowns?: readonly ExportBreakdown[] | undefined;
  /** As that release stood; its files are dated by the release. */
  release?: ReleaseId | undefined;
};

/**
 * Everything a writer needs, read as the public sees it. `stamp` is the time written into files that carry one
 * (zip entries, workbook properties, IATI): taken from the data, so the same figures give the same bytes.
 */
export type ExportData = {
  figures: readonly Observation[];
  targets: readonly Target[];
  stamp: Date;
};

const EPOCH_OF_NO_DATA = new Date('2000-01-01T00:00:00Z');

const breakdownOf = (o: Observation): ExportBreakdown | null => {
  const dimensions = breakdownEntries(o.disaggregation).map(([dimension]) => dimension);
  if (dimensions.length === 0) return 'total';
  return dimensions.length === 1 ? dimensions[0]! : null;
};

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order of every export: by cell, then oldest figure first. */
export const byCell = (a: Observation, b: Observation): number =>
  compareText(a.indicator, b.indicator) ||
  compareText(a.jurisdiction, b.jurisdiction) ||
  a.year - b.year ||
  a.yearEnd - b.yearEnd ||
  compareText(a.period ?? '', b.period ?? '') ||
  compareText(breakdownKey(a.disaggregation), breakdownKey(b.disaggregation)) ||
  compareText(a.definition, b.definition) ||
  a.id - b.id;

/** The published figures of a selection with disclosure control applied (as for the public), and their targets. */
export async function readExportData(deps: ReadDeps, selection: ExportSelection): Promise<ExportData> {
  const figures = await readFigures(deps, null, {
    indicators: selection.indicators,
    jurisdictions: selection.jurisdictions,
    from: selection.from,
    to: selection.to,
    ...(selection.release === undefined ? {} : { release: selection.release }),
  });
  const wanted = selection.breakdowns === undefined ? null : new Set(selection.breakdowns);
  const kept = figures.filter((o) => {
    if (wanted === null) return true;
    const breakdown = breakdownOf(o);
    return breakdown !== null && wanted.has(breakdown);
  });
  const inSelection = (target: Target) =>
    (selection.indicators?.includes(target.indicator) ?? true) &&
    (selection.jurisdictions?.includes(target.jurisdiction) ?? true);
  const targets = (await readTargets(deps, null)).filter(inSelection);
  const changed =
    selection.release === undefined
      ? await lastPublishedChange(deps.db)
      : (findRelease(deps.db, selection.release)?.createdAt ?? null);
  return {
    figures: kept.sort(byCell),
    targets: targets.sort((a, b) => a.id - b.id),
    stamp: changed === null ? EPOCH_OF_NO_DATA : new Date(changed),
  };
}
