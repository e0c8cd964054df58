import { createRoute } from '@hono/zod-openapi';
import {
  breakdownKey,
  findIndicator,
  carriesInterval,
  poissonInterval,
  ObservationListResponseSchema,
  ObservationsQuerySchema,
  ObservationsBulkQuerySchema,
  ListedObservationSchema,
  DEFAULT_OBSERVATIONS_LIMIT,
  MAX_OBSERVATIONS_LIMIT,
  boundedMemo,
  csvLine,
  csvLinePieces,
  textPieces,
  type Observation,
  type ListedObservation,
  type ObservationListResponse,
  type ObservationsBulkQuery,
  type CsvColumn,
  type Interval,
  type Source,
} from '@fourp/domain';
import { jurisdictionTree } from '../repos/jurisdictions.js';
import type { RouteDeps } from '../env.js';
import { stream } from 'hono/streaming';
import { sendList } from '../csv.js';
import { ANYONE, listResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { decodeCursor, encodeCursor, linkNextPage } from '../openapi/paging.js';
import { createRouter } from '../openapi/router.js';
import { byBreakdown, bySource } from '../services/exports/tidy.js';
import { requireIndicator, requireJurisdiction } from '../services/lookup.js';
import { z } from 'zod';
import { positionOf, readFigurePage, streamFigures, type FigureFilter } from '../services/published/read.js';

/** A listed figure's interval, shared by the figures of one count (`intervalOf`). */
const byInterval = (o: ListedObservation) => o.interval;

const figureCsvColumns: CsvColumn<ListedObservation>[] = [
  { header: 'id', value: (o) => o.id },
  { header: 'indicator', value: (o) => o.indicator },
  { header: 'jurisdiction', value: (o) => o.jurisdiction },
  { header: 'year', value: (o) => o.year },
  { header: 'year_end', value: (o) => o.yearEnd },
  { header: 'disaggregation', value: (o) => breakdownKey(o.disaggregation), key: byBreakdown },
  { header: 'value', value: (o) => o.value },
  { header: 'suppressed', value: (o) => o.suppressed },
  { header: 'interval_low', value: (o) => o.interval?.low ?? null, key: byInterval },
  { header: 'interval_high', value: (o) => o.interval?.high ?? null, key: byInterval },
  { header: 'status', value: (o) => o.status },
  { header: 'period', value: (o) => o.period },
  { header: 'partial_period', value: (o) => o.partialPeriod },
  { header: 'conf_status', value: (o) => o.confStatus },
  { header: 'workflow_state', value: (o) => o.workflowState },
  { header: 'definition', value: (o) => o.definition },
  { header: 'superseded', value: (o) => o.superseded },
  { header: 'unit_as_read', value: (o) => o.unitAsRead },
  { header: 'value_as_read', value: (o) => o.valueAsRead },
  { header: 'note', value: (o) => o.note },
];

const sourceCsvColumns: CsvColumn<Source>[] = [
  { header: 'source_id', value: (s) => s.id },
  { header: 'source_title', value: (s) => s.title },
  { header: 'source_publisher', value: (s) => s.publisher },
  { header: 'source_year', value: (s) => s.year },
  { header: 'source_locator', value: (s) => s.locator },
  { header: 'source_kind', value: (s) => s.kind },
];

export const observationCsvColumns: CsvColumn<ListedObservation>[] = [
  ...figureCsvColumns,
  ...sourceCsvColumns.map(({ header, value }) => ({
    header,
    value: (o: ListedObservation) => value(o.source),
    key: bySource,
  })),
];

const listObservations = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listObservations',
  summary: 'Published figures with their source, a page at a time; identifying small counts are suppressed',
  description:
    'A signed-in official, reviewer or admin also gets their own unpublished figures (unsuppressed, with their ' +
    '`workflowState`); such answers are `Cache-Control: private, no-store`. Every count carries `interval`, its ' +
    'exact (Garwood) Poisson 95 % interval, null when suppressed or not a count; the CSV gives it as ' +
    '`interval_low` and `interval_high`, empty when there is none.\n\n' +
    `Paging: figures come ordered by indicator, jurisdiction, year and id, at most \`limit\` (default ${DEFAULT_OBSERVATIONS_LIMIT}, at most ` +
    `${MAX_OBSERVATIONS_LIMIT}) per page. While more remain, the answer carries \`Link: <…>; rel="next"\` ` +
    '(JSON: `meta.next`), the same query with an opaque `cursor`; follow it until there is none. A figure ' +
    'published while a client pages appears if it sorts after the page being read; none appears twice. ' +
    'For everything at once, use `/v1/observations/bulk`.',
  tags: ['data'],
  security: ANYONE,
  request: { query: ObservationsQuerySchema },
  responses: { 200: listResponse(ObservationListResponseSchema), 304: NOT_MODIFIED, ...problems(404) },
});

const bulkObservations = createRoute({
  method: 'get',
  path: '/bulk',
  operationId: 'exportObservations',
  summary: 'Every figure of the selection in one streamed answer: NDJSON (one figure per line) or CSV',
  description:
    'The same figures, disclosure control and columns as `/v1/observations`, written as they are read, in the ' +
    'same order, so any size is answered in constant memory.',
  tags: ['data'],
  security: ANYONE,
  request: { query: ObservationsBulkQuerySchema },
  responses: {
    200: {
      description: 'OK',
      content: {
        'application/x-ndjson': { schema: ListedObservationSchema },
        'text/csv': { schema: { type: 'string' as const, description: 'header row, one row per figure' } },
      },
    },
    304: NOT_MODIFIED,
    ...problems(404),
  },
});

const PositionSchema = z.tuple([z.string(), z.string(), z.number().int(), z.number().int()]);

/** Beyond this many remembered values a memo starts afresh, so its memory stays bounded. */
const MEMO_LIMIT = 65_536;
/** A count's interval depends on its value alone, so one memo serves every indicator, page and stream. */
const countIntervals = boundedMemo<number, Interval | null>(MEMO_LIMIT);

/** `observationInterval`, each count's remembered. */
function intervalOf(o: Observation): Interval | null {
  if (o.suppressed || o.value === null || !carriesInterval(findIndicator(o.indicator))) return null;
  return countIntervals(o.value, poissonInterval, o.value);
}

/** A figure the read path yielded afresh, with its interval, in place. */
const withInterval = (o: Observation): ListedObservation => Object.assign(o, { interval: intervalOf(o) });

/** `make` of a key, remembered: for text of what repeats across a stream's figures (a source, a breakdown). */
function remember<K, V>(make: (key: K) => V): (key: K) => V {
  const made = boundedMemo<K, V>(MEMO_LIMIT);
  return (key) => made(key, make, key);
}

const text = (value: string | null): string => (value === null ? 'null' : JSON.stringify(value));
const number = (value: number | null): string =>
  value !== null && Number.isFinite(value) ? `${value}` : 'null';

/**
 * The NDJSON line of a listed figure: the bytes `JSON.stringify` writes (in the contract's key order, the order
 * the read path builds), with the text of each source, breakdown, interval and repeated id made once per stream.
 */
function ndjsonWriter(): (o: ListedObservation) => string {
  const id = remember(JSON.stringify);
  const shared = remember(JSON.stringify);
  return (o) =>
    `{"id":${o.id},"indicator":${id(o.indicator)},"jurisdiction":${id(o.jurisdiction)},"year":${o.year}` +
    `,"yearEnd":${o.yearEnd},"period":${text(o.period)},"partialPeriod":${o.partialPeriod}` +
    `,"disaggregation":${shared(o.disaggregation)},"value":${number(o.value)},"suppressed":${o.suppressed}` +
    `,"status":${id(o.status)},"confStatus":${id(o.confStatus)},"definition":${id(o.definition)}` +
    `,"unitAsRead":${text(o.unitAsRead)},"valueAsRead":${text(o.valueAsRead)}` +
    `,"workflowState":${id(o.workflowState)},"superseded":${o.superseded},"note":${text(o.note)}` +
    `,"source":${shared(o.source)},"interval":${o.interval === null ? 'null' : shared(o.interval)}}\n`;
}

/** A batch of figures as pieces of the bulk answer's lines; the text of each source is built once per stream. */
function bulkWriter(format: 'csv' | 'ndjson'): (figures: readonly Observation[]) => Iterable<string> {
  if (format === 'ndjson') {
    const line = ndjsonWriter();
    return (figures) => textPieces(figures, (o) => line(withInterval(o)));
  }
  const lines = csvLinePieces(observationCsvColumns);
  return (figures) => lines(figures.map(withInterval));
}

function selectionOf(
  deps: RouteDeps,
  query: Omit<ObservationsBulkQuery, 'format'> & { release?: string },
): FigureFilter {
  const { indicator, jurisdiction, jurisdictions, breakdown, from, to, release } = query;
  if (indicator !== undefined) requireIndicator(indicator);
  const listed = [...(jurisdiction === undefined ? [] : [jurisdiction]), ...(jurisdictions ?? [])];
  if (listed.length > 0) {
    const tree = jurisdictionTree(deps.db);
    for (const id of new Set(listed)) requireJurisdiction(tree, id);
  }
  return {
    indicators: indicator === undefined ? undefined : [indicator],
    jurisdictions:
      jurisdictions === undefined
        ? jurisdiction === undefined
          ? undefined
          : [jurisdiction]
        : jurisdictions.filter((id) => jurisdiction === undefined || id === jurisdiction),
    breakdown,
    from,
    to,
    ...(release === undefined ? {} : { release }),
  };
}

/**
 * Published figures for everyone, suppressed as for the public. A signed-in official also gets their own
 * unpublished figures, each with its `workflowState` and unsuppressed (the value is theirs); the auth middleware
 * marks every signed-in answer `private, no-store` and varies all answers on Cookie and Authorization.
 */
export const observationRoutes = (deps: RouteDeps) =>
  createRouter()
    .openapi(listObservations, async (c) => {
      const query = c.req.valid('query');
      const position = decodeCursor(query.cursor, PositionSchema);
      const after = position && {
        indicator: position[0],
        jurisdiction: position[1],
        year: position[2],
        id: position[3],
      };
      const page = readFigurePage(deps, c.var.principal, selectionOf(deps, query), {
        after,
        limit: query.limit,
      });
      const rows = page.figures.map(withInterval);
      const last = page.figures.at(-1);
      const at = last && positionOf(last);
      const next =
        page.more && at
          ? linkNextPage(c, encodeCursor([at.indicator, at.jurisdiction, at.year, at.id]))
          : null;
      const body: ObservationListResponse = {
        data: rows,
        meta: { count: rows.length, limit: query.limit, next, suppressionThreshold: deps.suppressionK },
      };
      return sendList(c, {
        format: query.format,
        name: 'observations',
        rows,
        columns: observationCsvColumns,
        body,
      });
    })
    .openapi(bulkObservations, (c) => {
      const { format, ...query } = c.req.valid('query');
      const figures = streamFigures(deps, c.var.principal, selectionOf(deps, query));
      const csv = format === 'csv';
      const lines = bulkWriter(format);
      c.header('Content-Type', csv ? 'text/csv; charset=utf-8; header=present' : 'application/x-ndjson');
      c.header('Content-Disposition', `attachment; filename="fourp-observations.${format}"`);
      return stream(c, async (out) => {
        if (csv) await out.write(csvLine(observationCsvColumns.map((column) => column.header)));
        for await (const batch of figures)
          for (const piece of lines(batch)) {
            if (out.aborted) return;
            await out.write(piece);
          }
      });
    });
