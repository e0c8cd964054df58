import { createRoute } from '@hono/zod-openapi';
import {
  DEFAULT_COVERAGE_LIMIT,
  MAX_COVERAGE_LIMIT,
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
import { decodeCursor, encodeCursor, linkNextPage } from '../openapi/paging.js';
import { createRouter } from '../openapi/router.js';
import { countFigures } from '../services/published/counts.js';
import { requireJurisdiction } from '../services/lookup.js';
import { byPosition, readPopulations } from '../services/published/read.js';
import { z } from 'zod';

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
  description:
    `Rows come ordered by indicator, jurisdiction and year (an indicator without data: one row, jurisdiction and ` +
    `year null), at most \`limit\` (default ${DEFAULT_COVERAGE_LIMIT}, at most ${MAX_COVERAGE_LIMIT}) per page. ` +
    'While more remain, the answer carries `Link: <…>; rel="next"` (JSON: `meta.next`), the same query with an ' +
    'opaque `cursor`; follow it until there is none. No row appears twice. `meta.missingDenominators` is of the ' +
    "page's rows; the other `meta` fields are of the whole selection.",
  tags: ['data'],
  request: { query: CoverageQuerySchema },
  responses: { 200: listResponse(CoverageResponseSchema), 304: NOT_MODIFIED, ...problems(404) },
});

/** A row's place in the list: the no-data row of an indicator sorts before any cell (it has none). */
const PositionSchema = z.tuple([z.string(), z.string(), z.number().int()]);
const positionOf = (row: CoverageCell) => ({
  indicator: row.indicator,
  jurisdiction: row.jurisdiction ?? '',
  year: row.year ?? 0,
});

export const coverageRoutes = ({ db, suppressionK }: RouteDeps) =>
  createRouter().openapi(getCoverage, async (c) => {
    const { pillar, jurisdiction, release, format, limit, cursor } = c.req.valid('query');
    if (jurisdiction !== undefined) requireJurisdiction(jurisdictionTree(db), jurisdiction);
    const position = decodeCursor(cursor, PositionSchema);
    const after = position && { indicator: position[0], jurisdiction: position[1], year: position[2] };
    const indicators = INDICATORS.filter((i) => pillar === undefined || i.pillar === pillar);
    const {
      cells: counted,
      withData,
      totals,
      lastUpdated,
    } = await countFigures(
      { db, suppressionK },
      {
        indicators: indicators.map((i) => i.id),
        ...(jurisdiction === undefined ? {} : { jurisdictions: [jurisdiction] }),
        ...(release === undefined ? {} : { release }),
      },
      { after, limit: limit + 1 },
    );
    const pillarOf = new Map(indicators.map((i) => [i.id as string, i.pillar]));
    const withoutData = indicators.filter((i) => !withData.has(i.id)).map((i) => i.id);
    const empty = withoutData
      .filter((id) => after === null || id > after.indicator)
      .map((id): CoverageCell => ({
        indicator: id,
        pillar: pillarOf.get(id)!,
        jurisdiction: null,
        year: null,
        observations: 0,
      }));
    const merged = [
      ...counted.map((cell): CoverageCell => ({ ...cell, pillar: pillarOf.get(cell.indicator)! })),
      ...empty,
    ].sort((a, b) => byPosition(positionOf(a), positionOf(b)));
    const rows = merged.slice(0, limit);
    const last = rows.at(-1);
    const at = last && positionOf(last);
    const next =
      merged.length > limit && at
        ? linkNextPage(c, encodeCursor([at.indicator, at.jurisdiction, at.year]))
        : null;
    const rated = new Set(indicators.filter(isNormalisable).map((i) => i.id));
    const needing = rows.flatMap(({ indicator, jurisdiction, year }) =>
      jurisdiction !== null && year !== null && rated.has(indicator)
        ? [{ indicator, jurisdiction, year }]
        : [],
    );
    const populations = await readPopulations(
      { db, suppressionK },
      [...new Set(needing.map((cell) => cell.jurisdiction))],
      release,
    );
    const body: CoverageResponse = {
      data: rows,
      meta: {
        count: rows.length,
        limit,
        next,
        indicators: indicators.length,
        indicatorsWithData: indicators.length - withoutData.length,
        indicatorsWithoutData: withoutData,
        missingDenominators: missingDenominators(needing, populations, c.var.locale),
        observations: totals.observations,
        latestYear: totals.latestYear,
        lastUpdated,
      },
    };
    return sendList(c, { format, name: 'coverage', rows, columns, body });
  });
