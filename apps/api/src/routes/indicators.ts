import { createRoute } from '@hono/zod-openapi';
import {
  IndicatorDetailResponseSchema,
  IndicatorListResponseSchema,
  INDICATORS,
  IndicatorParamsSchema,
  IndicatorsQuerySchema,
  localiseIndicator,
  placeYearKey,
  type Indicator,
  type IndicatorDetailResponse,
  type IndicatorListResponse,
  type JurisdictionCoverage,
  type Locale,
  type PillarId,
  type CsvColumn,
} from '@fourp/domain';
import type { RouteDeps } from '../env.js';
import { sendList } from '../csv.js';
import type { Db } from '../db/client.js';
import { jsonResponse, listResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';
import { countPublishedByCell, type CoverageRow } from '../services/published/counts.js';
import { requireIndicator } from '../services/lookup.js';

const columns: CsvColumn<Indicator>[] = [
  { header: 'id', value: (i) => i.id },
  { header: 'pillar', value: (i) => i.pillar },
  { header: 'name', value: (i) => i.name },
  { header: 'measure_type', value: (i) => i.measureType },
  { header: 'unit', value: (i) => i.unit },
  { header: 'direction', value: (i) => i.direction },
  { header: 'per_capita', value: (i) => i.perCapita },
  { header: 'identifying', value: (i) => i.identifying },
  { header: 'headline', value: (i) => i.headline },
  {
    header: 'formula',
    value: (i) =>
      i.formula ? `${i.formula.numerator} / ${i.formula.denominator} × ${i.formula.factor}` : null,
  },
  { header: 'variants', value: (i) => i.variants.map((v) => v.id).join('; ') },
  { header: 'crosswalks', value: (i) => i.crosswalks.map((x) => `${x.framework} ${x.reference}`).join('; ') },
  { header: 'thesis_refs', value: (i) => i.thesisRefs.join('; ') },
  { header: 'definition', value: (i) => i.definition },
];

function coverageByJurisdiction(rows: readonly CoverageRow[]): JurisdictionCoverage[] {
  const byJurisdiction = new Map<string, JurisdictionCoverage>();
  for (const row of rows) {
    const entry = byJurisdiction.get(row.jurisdiction) ?? {
      jurisdiction: row.jurisdiction,
      years: [],
      observations: 0,
    };
    entry.years.push(row.year);
    entry.observations += row.observations;
    byJurisdiction.set(row.jurisdiction, entry);
  }
  return [...byJurisdiction.values()];
}

/** Stored figures for a read indicator; for a derived one, the places and years both inputs cover. */
async function coverageOf(db: Db, indicator: Indicator): Promise<JurisdictionCoverage[]> {
  if (!indicator.formula)
    return coverageByJurisdiction(await countPublishedByCell(db, { indicators: [indicator.id] }));
  const [numerator, denominator] = await Promise.all([
    countPublishedByCell(db, { indicators: [indicator.formula.numerator] }),
    countPublishedByCell(db, { indicators: [indicator.formula.denominator] }),
  ]);
  const denominatorCells = new Set(denominator.map(placeYearKey));
  const derivable = numerator
    .filter((row) => denominatorCells.has(placeYearKey(row)))
    .map((row) => ({ ...row, observations: 0 }));
  return coverageByJurisdiction(derivable);
}

type Catalogue = { rows: Indicator[]; json: Uint8Array<ArrayBuffer> };
const catalogues = new Map<string, Catalogue>();

/**
 * The catalogue (of one pillar) in a language, and its JSON answer as bytes: built once, as the catalogue is
 * constant (a string would be measured and encoded again for each answer).
 */
function catalogueIn(locale: Locale, pillar: PillarId | undefined): Catalogue {
  const key = `${locale} ${pillar ?? ''}`;
  let catalogue = catalogues.get(key);
  if (catalogue === undefined) {
    const rows = INDICATORS.filter((i) => pillar === undefined || i.pillar === pillar).map((i) =>
      localiseIndicator(i, locale),
    );
    const body: IndicatorListResponse = { data: rows, meta: { count: rows.length } };
    catalogues.set(key, (catalogue = { rows, json: Buffer.from(JSON.stringify(body)) }));
  }
  return catalogue;
}

const listIndicators = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listIndicators',
  summary: 'The indicator catalogue',
  tags: ['catalogue'],
  request: { query: IndicatorsQuerySchema },
  responses: { 200: listResponse(IndicatorListResponseSchema), 304: NOT_MODIFIED, ...problems() },
});

const getIndicator = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getIndicator',
  summary: 'One indicator: definition, formula, crosswalks, definition variants and data coverage',
  tags: ['catalogue'],
  request: { params: IndicatorParamsSchema },
  responses: { 200: jsonResponse(IndicatorDetailResponseSchema), 304: NOT_MODIFIED, ...problems(404) },
});

export const indicatorRoutes = ({ db }: RouteDeps) =>
  createRouter()
    .openapi(listIndicators, (c) => {
      const { pillar, format } = c.req.valid('query');
      const { rows, json } = catalogueIn(c.var.locale, pillar);
      return sendList(c, { format, name: 'indicators', rows, columns, json });
    })
    .openapi(getIndicator, async (c) => {
      const { id } = c.req.valid('param');
      const indicator = requireIndicator(id);
      const body: IndicatorDetailResponse = {
        data: {
          ...localiseIndicator(indicator, c.var.locale),
          derived: indicator.formula !== undefined,
          coverage: await coverageOf(db, indicator),
        },
      };
      return c.json(body, 200);
    });
