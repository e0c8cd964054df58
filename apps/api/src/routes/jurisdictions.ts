import { Hono } from 'hono';
import {
  JURISDICTIONS,
  ListQuerySchema,
  type Jurisdiction,
  type JurisdictionListResponse,
  type JurisdictionNode,
} from '@fourp/domain';
import type { AppEnv } from '../env.js';
import { sendList, type CsvColumn } from '../csv.js';
import { validQuery } from '../middleware/validate.js';

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

export const jurisdictionRoutes = () =>
  new Hono<AppEnv>().get('/', validQuery(ListQuerySchema), (c) => {
    const { format } = c.req.valid('query');
    const tree = JURISDICTIONS.filter((j) => j.parentId === null).map(nodeOf);
    const items = flatten(tree);
    const body: JurisdictionListResponse = { data: { tree, items }, meta: { count: items.length } };
    return sendList(c, { format, name: 'jurisdictions', rows: items, columns, body });
  });
