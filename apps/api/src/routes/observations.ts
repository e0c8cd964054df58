import { createRoute } from '@hono/zod-openapi';
import {
  breakdownKey,
  findIndicator,
  observationInterval,
  ObservationListResponseSchema,
  ObservationsQuerySchema,
  type ListedObservation,
  type ObservationListResponse,
  type CsvColumn,
} from '@fourp/domain';
import { jurisdictionTree } from '../repos/jurisdictions.js';
import type { RouteDeps } from '../env.js';
import { sendList } from '../csv.js';
import { ANYONE, listResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';
import { requireIndicator, requireJurisdiction } from '../services/lookup.js';
import { readFigures } from '../services/published/read.js';

export const observationCsvColumns: CsvColumn<ListedObservation>[] = [
  { header: 'id', value: (o) => o.id },
  { header: 'indicator', value: (o) => o.indicator },
  { header: 'jurisdiction', value: (o) => o.jurisdiction },
  { header: 'year', value: (o) => o.year },
  { header: 'year_end', value: (o) => o.yearEnd },
  { header: 'disaggregation', value: (o) => breakdownKey(o.disaggregation) },
  { header: 'value', value: (o) => o.value },
  { header: 'suppressed', value: (o) => o.suppressed },
  { header: 'interval_low', value: (o) => o.interval?.low ?? null },
  { header: 'interval_high', value: (o) => o.interval?.high ?? null },
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
  { header: 'source_id', value: (o) => o.source.id },
  { header: 'source_title', value: (o) => o.source.title },
  { header: 'source_publisher', value: (o) => o.source.publisher },
  { header: 'source_year', value: (o) => o.source.year },
  { header: 'source_locator', value: (o) => o.source.locator },
  { header: 'source_kind', value: (o) => o.source.kind },
];

const listObservations = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listObservations',
  summary: 'Published figures with their source; identifying small counts are suppressed',
  description:
    'A signed-in official, reviewer or admin also gets their own unpublished figures (unsuppressed, with their ' +
    '`workflowState`); such answers are `Cache-Control: private, no-store`. Every count carries `interval`, its ' +
    'exact (Garwood) Poisson 95 % interval, null when suppressed or not a count; the CSV gives it as ' +
    '`interval_low` and `interval_high`, empty when there is none.',
  tags: ['data'],
  security: ANYONE,
  request: { query: ObservationsQuerySchema },
  responses: { 200: listResponse(ObservationListResponseSchema), 304: NOT_MODIFIED, ...problems(404) },
});

/**
 * Published figures for everyone, suppressed as for the public. A signed-in official also gets their own
 * unpublished figures, each with its `workflowState` and unsuppressed (the value is theirs); the auth middleware
 * marks every signed-in answer `private, no-store` and varies all answers on Cookie and Authorization.
 */
export const observationRoutes = (deps: RouteDeps) =>
  createRouter().openapi(listObservations, async (c) => {
    const { indicator, jurisdiction, from, to, release, format } = c.req.valid('query');
    if (indicator !== undefined) requireIndicator(indicator);
    if (jurisdiction !== undefined) requireJurisdiction(jurisdictionTree(deps.db), jurisdiction);
    const figures = await readFigures(deps, c.var.principal, {
      indicators: indicator === undefined ? undefined : [indicator],
      jurisdictions: jurisdiction === undefined ? undefined : [jurisdiction],
      from,
      to,
      release,
    });
    const rows = figures.map((o) => ({ ...o, interval: observationInterval(o, findIndicator(o.indicator)) }));
    const body: ObservationListResponse = {
      data: rows,
      meta: { count: rows.length, suppressionThreshold: deps.suppressionK },
    };
    return sendList(c, { format, name: 'observations', rows, columns: observationCsvColumns, body });
  });
