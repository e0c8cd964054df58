import { Hono } from 'hono';
import {
  INDICATORS,
  ListQuerySchema,
  PILLARS,
  POLICY_MEASURES,
  type PillarListResponse,
  type PillarSummary,
} from '@fourp/domain';
import type { AppEnv } from '../env.js';
import { sendList, type CsvColumn } from '../csv.js';
import { validQuery } from '../middleware/validate.js';

const columns: CsvColumn<PillarSummary>[] = [
  { header: 'id', value: (p) => p.id },
  { header: 'name', value: (p) => p.name },
  { header: 'scored', value: (p) => p.scored },
  { header: 'thesis_section', value: (p) => p.thesisSection },
  { header: 'indicator_count', value: (p) => p.indicatorCount },
  { header: 'measure_count', value: (p) => p.measureCount },
  { header: 'description', value: (p) => p.description },
];

export const pillarRoutes = () =>
  new Hono<AppEnv>().get('/', validQuery(ListQuerySchema), (c) => {
    const { format } = c.req.valid('query');
    const rows: PillarSummary[] = PILLARS.map((pillar) => ({
      ...pillar,
      indicatorCount: INDICATORS.filter((i) => i.pillar === pillar.id).length,
      measureCount: POLICY_MEASURES.filter((m) => m.pillar === pillar.id).length,
    }));
    const body: PillarListResponse = { data: rows, meta: { count: rows.length } };
    return sendList(c, { format, name: 'pillars', rows, columns, body });
  });
