import { createRoute } from '@hono/zod-openapi';
import {
  CoverageQuerySchema,
  CoverageResponseSchema,
  INDICATORS,
  isNormalisable,
  missingDenominators,
  type CoverageCell,
  type CoverageResponse,
  type CsvColumn,
} from '@fourp/domain';
import { jurisdictionTree } from '../repos/jurisdictions.js';
import type { RouteDeps } from '../env.js';
import { sendList } from '../csv.js';
import { listResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';
import { countFigures } from '../services/published/counts.js';
import { requireJurisdiction } from '../services/lookup.js';
import { readPopulations } from '../services/published/read.js';

const columns: CsvColumn<CoverageCell>[] = [
  { header: 'indicator', value: (cell) => cell.indicator },
  { header: 'pillar', value: (cell) => cell.pillar },
  { header: 'jurisdiction', value: (cell) => cell.jurisdiction },
  { header: 'year', value: (cell) => cell.year },
  { header: 'observations', value: (cell) => cell.observations },
];

const getCoverage = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getCoverage',
  summary: 'Which indicator × jurisdiction × year has published data, including indicators with none',
  tags: ['data'],
  request: { query: CoverageQuerySchema },
  responses: { 200: listResponse(CoverageResponseSchema), 304: NOT_MODIFIED, ...problems(404) },
});

export const coverageRoutes = ({ db, suppressionK }: RouteDeps) =>
  createRouter().openapi(getCoverage, async (c) => {
    const { pillar, jurisdiction, release, format } = c.req.valid('query');
    if (jurisdiction !== undefined) requireJurisdiction(jurisdictionTree(db), jurisdiction);
    const indicators = INDICATORS.filter((i) => pillar === undefined || i.pillar === pillar);
    const { cells: counted, lastUpdated } = await countFigures(
      { db, suppressionK },
      {
        indicators: indicators.map((i) => i.id),
        ...(jurisdiction === undefined ? {} : { jurisdictions: [jurisdiction] }),
        ...(release === undefined ? {} : { release }),
      },
    );
    const rated = new Set(indicators.filter(isNormalisable).map((i) => i.id));
    const needing = counted.filter((cell) => rated.has(cell.indicator));
    const populations = await readPopulations(
      { db, suppressionK },
      [...new Set(needing.map((cell) => cell.jurisdiction))],
      release,
    );
    const withoutData: string[] = [];
    const rows = indicators.flatMap((indicator): CoverageCell[] => {
      const cells = counted.filter((cell) => cell.indicator === indicator.id);
      if (cells.length > 0) return cells.map((cell) => ({ ...cell, pillar: indicator.pillar }));
      withoutData.push(indicator.id);
      return [
        {
          indicator: indicator.id,
          pillar: indicator.pillar,
          jurisdiction: null,
          year: null,
          observations: 0,
        },
      ];
    });
    const body: CoverageResponse = {
      data: rows,
      meta: {
        count: rows.length,
        indicators: indicators.length,
        indicatorsWithData: indicators.length - withoutData.length,
        indicatorsWithoutData: withoutData,
        missingDenominators: missingDenominators(needing, populations, c.var.locale),
        lastUpdated,
      },
    };
    return sendList(c, { format, name: 'coverage', rows, columns, body });
  });
