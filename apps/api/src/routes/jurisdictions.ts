import { createRoute } from '@hono/zod-openapi';
import {
  JURISDICTIONS,
  JurisdictionListResponseSchema,
  ListQuerySchema,
  type Jurisdiction,
  type JurisdictionListResponse,
  type JurisdictionNode,
  type CsvColumn,
} from '@fourp/domain';
import { sendList } from '../csv.js';
import { listResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';

const columns: CsvColumn<Jurisdiction>[] = [
  { header: 'id', value: (j) => j.id },
  { header: 'kind', value: (j) => j.kind },
  { header: 'parent_id', value: (j) => j.parentId },
  { header: 'name_en', value: (j) => j.name.en },
  { header: 'name_ur', value: (j) => j.name.ur },
  { header: 'role', value: (j) => j.role },
];

const nodeOf = (jurisdiction: Jurisdiction): JurisdictionNode => ({
  ...jurisdiction,
  children: JURISDICTIONS.filter((child) => child.parentId === jurisdiction.id).map(nodeOf),
});

const flatten = (nodes: readonly JurisdictionNode[]): Jurisdiction[] =>
  nodes.flatMap(({ children, ...jurisdiction }) => [jurisdiction, ...flatten(children)]);

const listJurisdictions = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listJurisdictions',
  summary: 'Jurisdictions as a tree and as a flat list',
  tags: ['catalogue'],
  request: { query: ListQuerySchema },
  responses: { 200: listResponse(JurisdictionListResponseSchema), 304: NOT_MODIFIED, ...problems() },
});

export const jurisdictionRoutes = () =>
  createRouter().openapi(listJurisdictions, (c) => {
    const { format } = c.req.valid('query');
    const tree = JURISDICTIONS.filter((j) => j.parentId === null).map(nodeOf);
    const items = flatten(tree);
    const body: JurisdictionListResponse = { data: { tree, items }, meta: { count: items.length } };
    return sendList(c, { format, name: 'jurisdictions', rows: items, columns, body });
  });
