import { createHash } from 'node:crypto';
import {
  breakdownEntries,
  type ExportBreakdown,
  type IndicatorId,
  type JurisdictionId,
  type Observation,
  type ReleaseId,
  type Target,
} from '@fourp/domain';
import { readPublishGeneration } from '../../repos/generation.js';
import { findRelease } from '../../repos/releases.js';
import { lastPublishedChange } from '../published/counts.js';
import {
  countPublicFigures,
  readFigures,
  streamFigures,
  type FigureFilter,
  type ReadDeps,
} from '../published/read.js';
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

/** The read path's filter of a selection; only totals in SQL when only totals are wanted. */
const filterOf = (selection: ExportSelection): FigureFilter => ({
  indicators: selection.indicators,
  jurisdictions: selection.jurisdictions,
  from: selection.from,
  to: selection.to,
  ...(selection.breakdowns?.length === 1 && selection.breakdowns[0] === 'total'
    ? { breakdown: 'total' as const }
    : {}),
  ...(selection.release === undefined ? {} : { release: selection.release }),
});

/** Whether a figure is in the selection's breakdowns; null when every figure is. */
function breakdownTest(selection: ExportSelection): ((o: Observation) => boolean) | null {
  if (selection.breakdowns === undefined) return null;
  const wanted = new Set(selection.breakdowns);
  return (o) => {
    const breakdown = breakdownOf(o);
    return breakdown !== null && wanted.has(breakdown);
  };
}

/**
 * The published figures of a selection as the public sees them, in batches, in the order of `/v1/observations`
 * (indicator, jurisdiction, first year, id: the order an index gives), so memory holds one batch at a time.
 */
export async function* streamExportFigures(
  deps: ReadDeps,
  selection: ExportSelection,
): AsyncGenerator<Observation[]> {
  const keep = breakdownTest(selection);
  for await (const batch of streamFigures(deps, null, filterOf(selection)))
    yield keep === null ? batch : batch.filter(keep);
}

/** The time a selection's files carry: the last published change, or the release's making. */
export async function exportStamp(deps: ReadDeps, selection: ExportSelection): Promise<Date> {
  const changed =
    selection.release === undefined
      ? await lastPublishedChange(deps.db)
      : (findRelease(deps.db, selection.release)?.createdAt ?? null);
  return changed === null ? EPOCH_OF_NO_DATA : new Date(changed);
}

/** At least the number of figures in the selection, by one indexed COUNT (breakdowns other than the total not told apart). */
export const countExportFigures = (deps: ReadDeps, selection: ExportSelection): number =>
  countPublicFigures(deps, filterOf(selection));

/**
 * The tag of an export, known without reading a figure: the publish generation (or the release, which never
 * changes), the format, its options and the selection.
 */
export function exportTag(
  deps: ReadDeps,
  format: string,
  options: Record<string, unknown>,
  selection: ExportSelection,
): string {
  const basis =
    selection.release === undefined
      ? { generation: readPublishGeneration(deps.db) }
      : { release: selection.release };
  const hash = createHash('sha256').update(JSON.stringify([basis, format, options, selection]));
  return `"${hash.digest('base64url')}"`;
}

/** The published figures of a selection with disclosure control applied (as for the public), and their targets. */
export async function readExportData(deps: ReadDeps, selection: ExportSelection): Promise<ExportData> {
  const keep = breakdownTest(selection);
  const figures = await readFigures(deps, null, filterOf(selection));
  const inSelection = (target: Target) =>
    (selection.indicators?.includes(target.indicator) ?? true) &&
    (selection.jurisdictions?.includes(target.jurisdiction) ?? true);
  const targets = (await readTargets(deps, null)).filter(inSelection);
  return {
    figures: keep === null ? figures : figures.filter(keep),
    targets: targets.sort((a, b) => a.id - b.id),
    stamp: await exportStamp(deps, selection),
  };
}
