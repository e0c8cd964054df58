/** The summaries aggregate reads answer from, kept in step with the published figures as the public sees them. */
import { disclosureIndicatorGroups, type IndicatorId, type JurisdictionId } from '@fourp/domain';
import type { DbOrTx } from '../../db/client.js';
import type { DisclosureScope } from '../../disclosure/pattern.js';
import { readFamiliesOf } from '../../repos/disclosure.js';
import {
  clearPublicAnnualTotals,
  insertPublicAnnualTotals,
  listCountedIndicators,
  listLatestPublicAnnualTotals,
  listPublishedCellCounts,
  recountPublishedCells,
} from '../../repos/summaries.js';
import { readPublicFiguresById, readPublicFiguresNow, type ReadDeps } from './read.js';

export { listPublishedCellCounts };

const GROUP_OF = new Map(
  disclosureIndicatorGroups().flatMap((group) => group.map((id) => [id as string, group] as const)),
);

/** The indicators whose public figures a change to these figures can touch: theirs and their disclosure groups'. */
function indicatorsTouched(db: DbOrTx, ids: readonly number[]): IndicatorId[] {
  const touched = new Set<IndicatorId>();
  for (const { indicator } of readFamiliesOf(db, ids)) {
    for (const id of GROUP_OF.get(indicator) ?? [indicator]) touched.add(id);
  }
  return [...touched];
}

/**
 * Rewrites the summaries of the indicators the figures in `scope` belong to (all when not given). Call inside the
 * transaction that changed the published figures, after their disclosure pattern was refreshed.
 */
export function refreshSummaries(db: DbOrTx, scope?: DisclosureScope): void {
  const touched = scope === undefined ? null : indicatorsTouched(db, scope.observationIds);
  recountPublishedCells(db, touched);
  clearPublicAnnualTotals(db, touched);
  const indicators = touched ?? listCountedIndicators(db);
  for (const indicator of indicators) {
    const figures = readPublicFiguresNow(db, { indicators: [indicator], annualTotals: true })
      .filter((figure) => figure.value !== null)
      .map(({ id, indicator, jurisdiction, year }) => ({ observationId: id, indicator, jurisdiction, year }));
    insertPublicAnnualTotals(db, figures);
  }
}

/**
 * Per indicator, the jurisdiction's newest whole-year current total up to `year` whose value the public sees,
 * read through the public read path: what a scorecard scores.
 */
export function readScoredFigures(deps: ReadDeps, jurisdiction: JurisdictionId, year: number) {
  return readPublicFiguresById(deps, listLatestPublicAnnualTotals(deps.db, jurisdiction, year));
}
