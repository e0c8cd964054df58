import {
  draftAuthorOf,
  findIndicator,
  groupBy,
  isCurrentTotal,
  populationsFrom,
  isAnnual,
  STANDARD_DEFINITION,
  suppressSmallCounts,
  type IndicatorId,
  type JurisdictionId,
  type Observation,
  type Population,
  type Principal,
  type Source,
} from '@fourp/domain';
import type { Db } from '../../db/client.js';
import { listPublishedOrOwnObservations, type ObservationFilter } from '../../repos/observations.js';

export type ReadDeps = { db: Db; suppressionK: number };
export type FigureFilter = Omit<ObservationFilter, 'draftsOf'>;

/**
 * Observations as the public may see them: figures stored as not free (CONF_STATUS other than F) withheld, then
 * identifying counts suppressed (small counts C, then complementary S). Each source's figures are suppressed on
 * their own (within a source each cell is unique). A suppressed row also loses the text that could restate its
 * value (value as read, note).
 */
function suppressForPublic(observations: readonly Observation[], k: number): Observation[] {
  const groups = groupBy(observations, (o) => o.source.id);
  const shown = new Map<number, Observation>();
  for (const group of groups.values()) {
    const cells = group.map((o) => ({
      ...o,
      identifying: findIndicator(o.indicator)?.identifying ?? false,
      suppressed: o.suppressed || o.confStatus !== 'F',
    }));
    for (const { identifying: _i, suppressionReason, ...o } of suppressSmallCounts(cells, { k })) {
      const confStatus =
        o.confStatus !== 'F' || suppressionReason === null
          ? o.confStatus
          : suppressionReason === 'small_count'
            ? 'C'
            : 'S';
      shown.set(o.id, o.suppressed ? { ...o, confStatus, valueAsRead: null, note: null } : o);
    }
  }
  return observations.map((o) => shown.get(o.id) ?? o);
}

/**
 * The one read path for figures: published figures with disclosure control applied, plus, for a signed-in
 * official (`principal`), their own unpublished figures unsuppressed (the values are theirs).
 */
export async function readFigures(
  { db, suppressionK }: ReadDeps,
  principal: Principal | null,
  filter: FigureFilter = {},
): Promise<Observation[]> {
  const stored = await listPublishedOrOwnObservations(db, {
    ...filter,
    draftsOf: principal === null ? null : draftAuthorOf(principal),
  });
  const published = stored.filter((o) => o.workflowState === 'published');
  const shown = new Map(suppressForPublic(published, suppressionK).map((o) => [o.id, o]));
  return stored.map((o) => shown.get(o.id) ?? o);
}

/** Published population totals (persons), the denominators of per-resident figures. */
export async function readPopulations(
  deps: ReadDeps,
  jurisdictions: readonly JurisdictionId[],
): Promise<Population[]> {
  return populationsFrom(await readFigures(deps, null, { indicators: ['population'], jurisdictions }));
}

export type Actual = {
  observationId: number;
  year: number;
  /** Null when suppressed. */
  value: number | null;
  suppressed: boolean;
  source: Source;
};

/** The published annual totals (standard definition, not superseded) of the cell as the public sees them, one per year, oldest first. */
export async function readActuals(
  deps: ReadDeps,
  indicator: IndicatorId,
  jurisdiction: JurisdictionId,
): Promise<Actual[]> {
  const figures = await readFigures(deps, null, { indicators: [indicator], jurisdictions: [jurisdiction] });
  const byYear = new Map<number, Observation>();
  for (const o of figures) {
    if (!isCurrentTotal(o) || !isAnnual(o) || o.definition !== STANDARD_DEFINITION) continue;
    const kept = byYear.get(o.year);
    if (kept === undefined || o.id > kept.id) byYear.set(o.year, o);
  }
  return [...byYear.values()]
    .sort((a, b) => a.year - b.year)
    .map((o) => ({
      observationId: o.id,
      year: o.year,
      value: o.value,
      suppressed: o.suppressed,
      source: o.source,
    }));
}

/** Whether a published figure's value is suppressed for the public; false for a figure not published. */
export async function isSuppressedForPublic(
  deps: ReadDeps,
  figure: Pick<Observation, 'id' | 'indicator' | 'jurisdiction'>,
): Promise<boolean> {
  const figures = await readFigures(deps, null, {
    indicators: [figure.indicator],
    jurisdictions: [figure.jurisdiction],
  });
  return figures.some((o) => o.id === figure.id && o.suppressed);
}
