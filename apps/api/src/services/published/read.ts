import {
  draftAuthorOf,
  findIndicator,
  isCurrentTotal,
  populationsFrom,
  isAnnual,
  STANDARD_DEFINITION,
  type IndicatorId,
  type JurisdictionId,
  type Observation,
  type Population,
  type Principal,
  type ReleaseId,
  type Source,
} from '@fourp/domain';
import type { Db } from '../../db/client.js';
import type { Solver } from '../../disclosure/solver.js';
import { readDisclosureStates, type DisclosureState } from '../../repos/disclosure.js';
import { listPublishedOrOwnObservations, type ObservationFilter } from '../../repos/observations.js';
import { findRelease, listReleaseFigures } from '../../repos/releases.js';
import { ApiError } from '../../errors.js';

export type ReadDeps = { db: Db; suppressionK: number; solver?: Solver };
export type FigureFilter = Omit<ObservationFilter, 'draftsOf'> & {
  /** Answer as this release stood: its figures as the public saw them then, for everyone. */
  release?: ReleaseId;
};

const WITHHELD_AS: Record<Exclude<DisclosureState, 'public'>, 'C' | 'S'> = {
  small_count: 'C',
  complementary: 'S',
};

/**
 * A published figure as the public may see it: a figure stored as not free (CONF_STATUS other than F) is
 * withheld; an identifying figure is shown only when the stored disclosure pattern says `public` (a figure
 * without a state is withheld, C). A withheld figure also loses the text that could restate its value.
 */
function showForPublic(o: Observation, state: DisclosureState | undefined): Observation {
  const identifying = findIndicator(o.indicator)?.identifying ?? true;
  const hidden = o.suppressed || o.confStatus !== 'F' || (identifying && state !== 'public');
  if (!hidden) return o;
  const confStatus =
    o.confStatus !== 'F' || !identifying
      ? o.confStatus
      : WITHHELD_AS[state === 'complementary' ? state : 'small_count'];
  return { ...o, value: null, suppressed: true, confStatus, valueAsRead: null, note: null };
}

/**
 * The one read path for figures: published figures with disclosure control applied, plus, for a signed-in
 * official (`principal`), their own unpublished figures unsuppressed (the values are theirs).
 */
export async function readFigures(
  { db }: ReadDeps,
  principal: Principal | null,
  { release, ...filter }: FigureFilter = {},
): Promise<Observation[]> {
  if (release !== undefined) {
    if (findRelease(db, release) === null) throw new ApiError('not_found', `No release ${release}.`);
    return listReleaseFigures(db, release, filter);
  }
  const stored = await listPublishedOrOwnObservations(db, {
    ...filter,
    draftsOf: principal === null ? null : draftAuthorOf(principal),
  });
  const published = stored.filter((o) => o.workflowState === 'published').map((o) => o.id);
  const states = readDisclosureStates(db, published);
  return stored.map((o) => (o.workflowState === 'published' ? showForPublic(o, states.get(o.id)) : o));
}

/** Published population totals (persons), the denominators of per-resident figures; as of `release` when given. */
export async function readPopulations(
  deps: ReadDeps,
  jurisdictions: readonly JurisdictionId[],
  release?: ReleaseId,
): Promise<Population[]> {
  return populationsFrom(
    await readFigures(deps, null, { indicators: ['population'], jurisdictions, release }),
  );
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
