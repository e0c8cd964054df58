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
import type { Db, DbOrTx } from '../../db/client.js';
import type { Solver } from '../../disclosure/solver.js';
import { readDisclosureStates, type DisclosureState } from '../../repos/disclosure.js';
import {
  countPublishedObservations,
  figureBatches,
  type FigureBatch,
  listPublishedObservationsById,
  listPublishedObservationsNow,
  listPublishedOrOwnObservations,
  type ObservationFilter,
  type PagePosition,
} from '../../repos/observations.js';
import {
  countReleaseFigures,
  findRelease,
  type StoredRelease,
  listReleaseFigures,
  releaseFigureCells,
} from '../../repos/releases.js';
import { ApiError } from '../../errors.js';
import { say } from '../../i18n/messages.js';

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
  if (release !== undefined) return readRelease(db, release, filter);
  const stored = await listPublishedOrOwnObservations(db, ownedBy(filter, principal));
  return controlDisclosure(db, stored);
}

/**
 * At least as many figures as `readFigures` reads for the public, by one indexed COUNT, without reading them: a
 * release's figures are counted before the first-year and breakdown filters, which its stored figures carry inside.
 */
export function countPublicFigures({ db }: ReadDeps, { release, ...filter }: FigureFilter): number {
  return release === undefined
    ? countPublishedObservations(db, filter)
    : countReleaseFigures(db, release, filter);
}

/** The figures of a release as the public saw them when it was made, for everyone. */
function readRelease(db: Db, release: ReleaseId, filter: FigureFilter): Observation[] {
  requireRelease(db, release);
  return listReleaseFigures(db, release, filter);
}

/** The stored release; not_found for a release that does not exist. */
export function requireRelease(db: Db, release: ReleaseId): StoredRelease {
  const found = findRelease(db, release);
  if (found === null) throw new ApiError('not_found', say('release_not_found', { id: release }));
  return found;
}

const ownedBy = (filter: FigureFilter, principal: Principal | null): ObservationFilter => ({
  ...filter,
  draftsOf: principal === null ? null : draftAuthorOf(principal),
});

/** Published figures as the public sees them, synchronously: for the transactions that change them. */
export const readPublicFiguresNow = (db: DbOrTx, filter: Omit<ObservationFilter, 'draftsOf'>) =>
  controlDisclosure(db, listPublishedObservationsNow(db, filter));

/** These published figures (other ids are left out) as the public sees them, in the list order. */
export const readPublicFiguresById = ({ db }: ReadDeps, ids: readonly number[]) =>
  controlDisclosure(db, listPublishedObservationsById(db, ids));

function controlDisclosure(db: DbOrTx, stored: readonly Observation[]): Observation[] {
  const published = stored.filter((o) => o.workflowState === 'published').map((o) => o.id);
  const states = readDisclosureStates(db, published);
  return stored.map((o) => (o.workflowState === 'published' ? showForPublic(o, states.get(o.id)) : o));
}

export type { PagePosition };

export type FigurePage = { figures: Observation[]; more: boolean };

/** Where a page that ended with `figure` leaves off. */
export const positionOf = (figure: Observation): PagePosition => ({
  indicator: figure.indicator,
  jurisdiction: figure.jurisdiction,
  year: figure.year,
  id: figure.id,
});

type Position = Omit<PagePosition, 'id'> & { id?: number };

/** The order pages follow: indicator, jurisdiction, year, id (as the repository's keyset). */
export const byPosition = (a: Position, b: Position): number =>
  a.indicator < b.indicator
    ? -1
    : a.indicator > b.indicator
      ? 1
      : a.jurisdiction < b.jurisdiction
        ? -1
        : a.jurisdiction > b.jurisdiction
          ? 1
          : a.year - b.year || (a.id ?? 0) - (b.id ?? 0);

/** A page of what `readFigures` reads, in its order, after `after`: stable while figures are published. */
export function readFigurePage(
  { db }: ReadDeps,
  principal: Principal | null,
  filter: FigureFilter,
  page: { after: PagePosition | null; limit: number },
): FigurePage {
  const { release, ...rest } = filter;
  if (release !== undefined) {
    const after = page.after;
    const figures = readRelease(db, release, rest)
      .sort(byPosition)
      .filter((f) => after === null || byPosition(positionOf(f), after) > 0);
    return { figures: figures.slice(0, page.limit), more: figures.length > page.limit };
  }
  const first = figureBatches(db, ownedBy(rest, principal), page.limit + 1, page.after).next();
  const figures = first.done ? [] : disclosed(first.value);
  const more = figures.length > page.limit;
  return { figures: more ? figures.slice(0, page.limit) : figures, more };
}

const disclosed = ({ figures, states }: FigureBatch): Observation[] =>
  figures.map((o, i) => (o.workflowState === 'published' ? showForPublic(o, states[i] ?? undefined) : o));

/**
 * Every figure `readFigures` reads, in its order, in batches of `batch`: disclosure control applied from the
 * state read with each figure; each figure a new object the caller may extend. Each batch is read whole before
 * it is yielded, so no statement stays open on the shared connection while the caller awaits.
 */
export async function* streamFigures(
  deps: ReadDeps,
  principal: Principal | null,
  filter: FigureFilter,
  batch = 1024,
): AsyncGenerator<Observation[]> {
  const { release, ...rest } = filter;
  if (release !== undefined) {
    requireRelease(deps.db, release);
    const pending: Observation[] = [];
    for (const cell of releaseFigureCells(deps.db, release, rest)) {
      pending.push(...cell);
      if (pending.length >= batch) yield pending.splice(0);
    }
    if (pending.length > 0) yield pending;
    return;
  }
  for (const figures of figureBatches(deps.db, ownedBy(rest, principal), batch)) yield disclosed(figures);
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

/**
 * The published annual totals (standard definition, not superseded) of each indicator's cell in `jurisdiction` as
 * the public sees them, one per year, oldest first: one read for all the indicators, of the totals only.
 */
export async function readActuals(
  deps: ReadDeps,
  indicators: readonly IndicatorId[],
  jurisdiction: JurisdictionId,
  release?: ReleaseId,
): Promise<Map<IndicatorId, Actual[]>> {
  const byIndicator = new Map<IndicatorId, Observation[]>(indicators.map((id) => [id, []]));
  if (indicators.length > 0) {
    const figures = await readFigures(deps, null, {
      indicators,
      jurisdictions: [jurisdiction],
      annualTotals: true,
      ...(release === undefined ? {} : { release }),
    });
    for (const o of figures) byIndicator.get(o.indicator)?.push(o);
  }
  return new Map([...byIndicator].map(([id, figures]) => [id, actualsOf(figures)]));
}

/** Of one cell's figures as the public sees them: the annual totals a series shows, one per year, oldest first. */
export function actualsOf(figures: readonly Observation[]): Actual[] {
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
