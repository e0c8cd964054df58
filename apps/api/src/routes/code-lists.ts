import { createRoute } from '@hono/zod-openapi';
import {
  CODE_LISTS,
  CodeListResponseSchema,
  ListQuerySchema,
  localiseCodeList,
  type CodeListResponse,
  type CodedDimension,
  type Code,
  type CsvColumn,
} from '@fourp/domain';
import { sendList } from '../csv.js';
import { listResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';

type CodeRow = Code & { dimension: CodedDimension; sdmxCodeList: string };

const columns: CsvColumn<CodeRow>[] = [
  { header: 'dimension', value: (r) => r.dimension },
  { header: 'code', value: (r) => r.code },
  { header: 'label', value: (r) => r.label },
  { header: 'sdmx', value: (r) => r.sdmx },
  { header: 'sdmx_code_list', value: (r) => r.sdmxCodeList },
];

const listCodeLists = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listCodeLists',
  summary:
    'The code lists of the coded breakdown dimensions (sex, age group, form of exploitation, citizenship)',
  description:
    'Each code with its label and its SDMX/Eurostat equivalent. A breakdown in these dimensions takes only these ' +
    'codes; the total is the figure without a breakdown. As CSV: one row per code.',
  tags: ['catalogue'],
  request: { query: ListQuerySchema },
  responses: { 200: listResponse(CodeListResponseSchema), 304: NOT_MODIFIED, ...problems() },
});

export const codeListRoutes = () =>
  createRouter().openapi(listCodeLists, (c) => {
    const { format } = c.req.valid('query');
    const lists = CODE_LISTS.map((list) => localiseCodeList(list, c.var.locale));
    const rows: CodeRow[] = lists.flatMap((list) =>
      list.codes.map((code) => ({ ...code, dimension: list.dimension, sdmxCodeList: list.sdmxCodeList })),
    );
    const body: CodeListResponse = { data: lists, meta: { count: lists.length } };
    return sendList(c, { format, name: 'code-lists', rows, columns, body });
  });
