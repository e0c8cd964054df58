import { PassThrough, Readable } from 'node:stream';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  EXPORT_FORMAT_IDS,
  MAX_WHOLE_FILE_EXPORT_FIGURES,
  ExportParamsSchema,
  ExportQuerySchema,
  DEFAULT_LOCALE,
  JsonStatDatasetSchema,
  type ExportFormatId,
} from '@fourp/domain';
import type { RouteDeps } from '../env.js';
import { ANYONE, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';
import { ApiError } from '../errors.js';
import { say } from '../i18n/messages.js';
import { ifNoneMatchLists } from '../middleware/cache.js';
import { jurisdictionTree } from '../repos/jurisdictions.js';
import {
  countExportFigures,
  EXPORT_FORMATS,
  exportTag,
  writeExport,
  type ExportSelection,
  type WriteOptions,
} from '../services/exports/index.js';
import { writeSdmxCodeLists } from '../services/exports/sdmx.js';
import { requireIndicator, requireJurisdiction } from '../services/lookup.js';
import { requireRelease } from '../services/published/read.js';

const REQUEST_ID = { 'X-Request-Id': { $ref: '#/components/headers/RequestId' } };
const file = { schema: { type: 'string' as const, format: 'binary' } };
const mediaType = (id: ExportFormatId) => EXPORT_FORMATS[id].mediaType.split(';')[0]!;

const exportRoute = createRoute({
  method: 'get',
  path: '/{format}',
  operationId: 'exportFigures',
  summary:
    'Published figures of a selection as a file: tidy CSV, SDMX-CSV, Data Package, XLSX, JSON-stat or IATI',
  description:
    `Formats: ${EXPORT_FORMAT_IDS.join(', ')}. The same filters as /v1/observations, each taking a ` +
    'comma-separated list, plus `breakdown`. Always the public view: published figures only, identifying small ' +
    'counts withheld (empty value, CONF_STATUS C or S) in every format. Figures come in the order of ' +
    '/v1/observations (indicator, jurisdiction, first year, id).\n\n' +
    'csv, sdmx-csv and datapackage are written as the figures are read, in constant memory, for any size. ' +
    `xlsx, json-stat and iati hold the selection while they are written: above ${MAX_WHOLE_FILE_EXPORT_FIGURES.toLocaleString('en')} ` +
    'figures they are refused (422, code `selection_too_large`, nothing read); narrow the selection, or use csv, ' +
    'sdmx-csv or /v1/observations/bulk.\n\n' +
    'The ETag comes from the publish generation (or the release), the format, its options and the selection: a ' +
    'revalidation answers 304 without reading a figure.',
  tags: ['data'],
  security: ANYONE,
  request: { params: ExportParamsSchema, query: ExportQuerySchema },
  responses: {
    200: {
      description: 'The file, as an attachment',
      headers: REQUEST_ID,
      content: {
        ...Object.fromEntries(EXPORT_FORMAT_IDS.map((id) => [mediaType(id), file])),
        'application/json': { schema: JsonStatDatasetSchema },
      },
    },
    304: NOT_MODIFIED,
    ...problems(404, 422),
  },
});

const codeListsRoute = createRoute({
  method: 'get',
  path: '/sdmx-csv/code-lists',
  operationId: 'exportSdmxCodeLists',
  summary: 'The code lists the SDMX-CSV export uses, as CSV (CODELIST, CODE, NAME)',
  tags: ['data'],
  security: ANYONE,
  responses: {
    200: { description: 'OK', headers: REQUEST_ID, content: { 'text/csv': file } },
    304: NOT_MODIFIED,
    ...problems(),
  },
});

/** Streams what `write` writes as the response body, as an attachment named `fileName`. */
function streamed(
  c: Context,
  fileName: string,
  mediaTypeHeader: string,
  write: (sink: PassThrough) => Promise<void>,
  headers: Record<string, string> = {},
) {
  const sink = new PassThrough();
  write(sink).catch((error: unknown) => {
    c.var.logger.error('export failed while streaming', { error: String(error) });
    sink.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return c.body(Readable.toWeb(sink) as ReadableStream, 200, {
    'Content-Type': mediaTypeHeader,
    'Content-Disposition': `attachment; filename="${fileName}"`,
    ...headers,
  });
}

export const exportRoutes = (deps: RouteDeps) =>
  createRouter()
    .openapi(codeListsRoute, (c) =>
      streamed(c, 'fourp-sdmx-code-lists.csv', 'text/csv; charset=utf-8; header=present', (sink) =>
        writeSdmxCodeLists(jurisdictionTree(deps.db), sink),
      ),
    )
    .openapi(exportRoute, async (c) => {
      const { format } = c.req.valid('param');
      const { indicator, jurisdiction, from, to, breakdown, release, bom } = c.req.valid('query');
      for (const id of indicator ?? []) requireIndicator(id);
      const tree = jurisdictionTree(deps.db);
      for (const id of jurisdiction ?? []) requireJurisdiction(tree, id);
      const selection: ExportSelection = {
        indicators: indicator,
        jurisdictions: jurisdiction,
        from,
        to,
        breakdowns: breakdown,
        release,
      };
      if (release !== undefined) requireRelease(deps.db, release);
      const locale = c.var.locale;
      const options: WriteOptions = {
        ...(format === 'csv' ? { bom } : {}),
        ...(locale === DEFAULT_LOCALE ? {} : { locale }),
      };
      const tag = exportTag(deps, format, options, selection);
      if (ifNoneMatchLists(c.req.header('If-None-Match'), tag)) return c.body(null, 304, { ETag: tag });
      const exported = EXPORT_FORMATS[format];
      if (!exported.streamed) {
        const count = countExportFigures(deps, selection);
        if (count > MAX_WHOLE_FILE_EXPORT_FIGURES)
          throw new ApiError(
            'selection_too_large',
            say('export_too_large', { format, count, max: MAX_WHOLE_FILE_EXPORT_FIGURES }),
          );
      }
      return streamed(
        c,
        exported.fileName,
        exported.mediaType,
        (sink) => writeExport(format, { deps, selection }, sink, options),
        { ETag: tag },
      );
    });
