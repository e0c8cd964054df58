import { createRoute } from '@hono/zod-openapi';
import {
  JurisdictionListResponseSchema,
  JurisdictionsQuerySchema,
  type CsvColumn,
  type Jurisdiction,
  type JurisdictionListResponse,
  type JurisdictionNode,
} from '@fourp/domain';
import { sendList } from '../csv.js';
import type { RouteDeps } from '../env.js';
import { listResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';
import { jurisdictionTree } from '../repos/jurisdictions.js';

const periods = (j: Jurisdiction) =>
  j.parents.map((p) => `${p.parentId} ${p.from ?? '…'}/${p.to ?? '…'}`).join('; ');

const columns: CsvColumn<Jurisdiction>[] = [
  { header: 'id', value: (j) => j.id },
  { header: 'kind', value: (j) => j.kind },
  { header: 'parent_id', value: (j) => j.parentId },
  { header: 'name_en', value: (j) => j.name.en },
  { header: 'name_ur', value: (j) => j.name.ur },
  { header: 'role', value: (j) => j.role },
  { header: 'valid_from', value: (j) => j.validFrom },
  { header: 'valid_to', value: (j) => j.validTo },
  { header: 'parents', value: periods },
];

const flatten = (nodes: readonly JurisdictionNode[]): Jurisdiction[] =>
  nodes.flatMap(({ children, ...jurisdiction }) => [jurisdiction, ...flatten(children)]);

const listJurisdictions = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listJurisdictions',
  summary: 'Jurisdictions as a tree and as a flat list, today or as they stood at a date',
  description:
    'With `asOf`, the units that existed then, each under its parent of that time. Without it, today’s tree, ' +
    'plus units that no longer exist as roots of their own; every unit carries its validity and parent periods.',
  tags: ['catalogue'],
  request: { query: JurisdictionsQuerySchema },
  responses: { 200: listResponse(JurisdictionListResponseSchema), 304: NOT_MODIFIED, ...problems() },
});

export const jurisdictionRoutes = ({ db }: RouteDeps) =>
  createRouter().openapi(listJurisdictions, (c) => {
    const { format, asOf } = c.req.valid('query');
    const tree = jurisdictionTree(db);
    const roots = tree.treeAt(asOf);
    const closed = asOf === undefined ? tree.units.filter((unit) => !tree.existsAt(unit.id)) : [];
    const nodes = [...roots, ...closed.map((unit) => ({ ...unit, children: [] }))];
    const items = flatten(nodes);
    const body: JurisdictionListResponse = {
      data: { tree: nodes, items },
      meta: { count: items.length, asOf: asOf ?? null },
    };
    return sendList(c, { format, name: 'jurisdictions', rows: items, columns, body });
  });
