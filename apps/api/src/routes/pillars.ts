import { createRoute } from '@hono/zod-openapi';
import {
  INDICATORS,
  ListQuerySchema,
  PillarListResponseSchema,
  PILLARS,
  localisePillar,
  POLICY_MEASURES,
  type PillarListResponse,
  type PillarSummary,
  type CsvColumn,
} from '@fourp/domain';
import { sendList } from '../csv.js';
import { listResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';

const columns: CsvColumn<PillarSummary>[] = [
  { header: 'id', value: (p) => p.id },
  { header: 'name', value: (p) => p.name },
  { header: 'scored', value: (p) => p.scored },
  { header: 'thesis_section', value: (p) => p.thesisSection },
  { header: 'indicator_count', value: (p) => p.indicatorCount },
  { header: 'measure_count', value: (p) => p.measureCount },
  { header: 'description', value: (p) => p.description },
];

const listPillars = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listPillars',
  summary: 'The four pillars plus context, with indicator and measure counts',
  tags: ['catalogue'],
  request: { query: ListQuerySchema },
  responses: { 200: listResponse(PillarListResponseSchema), 304: NOT_MODIFIED, ...problems() },
});

export const pillarRoutes = () =>
  createRouter().openapi(listPillars, (c) => {
    const { format } = c.req.valid('query');
    const rows: PillarSummary[] = PILLARS.map((pillar) => ({
      ...localisePillar(pillar, c.var.locale),
      indicatorCount: INDICATORS.filter((i) => i.pillar === pillar.id).length,
      measureCount: POLICY_MEASURES.filter((m) => m.pillar === pillar.id).length,
    }));
    const body: PillarListResponse = { data: rows, meta: { count: rows.length } };
    return sendList(c, { format, name: 'pillars', rows, columns, body });
  });
