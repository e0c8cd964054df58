import { createRoute } from '@hono/zod-openapi';
import {
  findMeasure,
  MeasureListResponseSchema,
  MeasureParamsSchema,
  MeasureResponseSchema,
  MeasuresQuerySchema,
  POLICY_MEASURES,
  localiseMeasure,
  RUBRIC,
  localiseRubric,
  type MeasureDetail,
  type MeasureJurisdiction,
  type MeasureListResponse,
  type MeasureResponse,
  type PolicyMeasure,
  type CsvColumn,
} from '@fourp/domain';
import type { RouteDeps } from '../env.js';
import { sendList } from '../csv.js';
import { ApiError } from '../errors.js';
import { jsonResponse, listResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';
import { listMeasureAssessments, type StoredMeasureAssessment } from '../repos/measures.js';

const columns: CsvColumn<MeasureDetail>[] = [
  { header: 'id', value: (m) => m.id },
  { header: 'pillar', value: (m) => m.pillar },
  { header: 'name', value: (m) => m.name },
  { header: 'model', value: (m) => m.model },
  { header: 'model_countries', value: (m) => m.modelCountries.join('; ') },
  { header: 'thesis_ref', value: (m) => m.thesisRef },
  { header: 'related_indicators', value: (m) => m.relatedIndicators.join('; ') },
  {
    header: 'latest_levels',
    value: (m) =>
      m.jurisdictions.map((j) => `${j.jurisdiction}=${j.latest.level} (${j.latest.year})`).join('; '),
  },
  { header: 'description', value: (m) => m.description },
];

function withAssessments(
  measure: PolicyMeasure,
  assessments: readonly StoredMeasureAssessment[],
): MeasureDetail {
  const byJurisdiction = new Map<string, MeasureJurisdiction>();
  for (const { measure: measureId, jurisdiction, ...assessment } of assessments) {
    if (measureId !== measure.id) continue;
    const entry = byJurisdiction.get(jurisdiction) ?? { jurisdiction, latest: assessment, history: [] };
    entry.history.push(assessment);
    if (assessment.year >= entry.latest.year) entry.latest = assessment;
    byJurisdiction.set(jurisdiction, entry);
  }
  return { ...measure, jurisdictions: [...byJurisdiction.values()] };
}

const listMeasures = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listMeasures',
  summary: 'Policy measures with each jurisdiction’s rubric level over time, and the rubric',
  tags: ['measures'],
  request: { query: MeasuresQuerySchema },
  responses: { 200: listResponse(MeasureListResponseSchema), 304: NOT_MODIFIED, ...problems() },
});

const getMeasure = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getMeasure',
  summary: 'One policy measure with its assessments and evidence',
  tags: ['measures'],
  request: { params: MeasureParamsSchema },
  responses: { 200: jsonResponse(MeasureResponseSchema), 304: NOT_MODIFIED, ...problems(404) },
});

export const measureRoutes = ({ db }: RouteDeps) =>
  createRouter()
    .openapi(listMeasures, async (c) => {
      const { pillar, format } = c.req.valid('query');
      const assessments = await listMeasureAssessments(db);
      const rows = POLICY_MEASURES.filter((m) => pillar === undefined || m.pillar === pillar).map((m) =>
        withAssessments(localiseMeasure(m, c.var.locale), assessments),
      );
      const body: MeasureListResponse = {
        data: rows,
        meta: { count: rows.length, rubric: localiseRubric(RUBRIC, c.var.locale) },
      };
      return sendList(c, { format, name: 'measures', rows, columns, body });
    })
    .openapi(getMeasure, async (c) => {
      const { id } = c.req.valid('param');
      const measure = findMeasure(id);
      if (!measure)
        throw new ApiError('unknown_measure', {
          en: `There is no policy measure "${id}".`,
          ur: `"${id}" نام کا کوئی پالیسی اقدام نہیں۔`,
        });
      const body: MeasureResponse = {
        data: withAssessments(localiseMeasure(measure, c.var.locale), await listMeasureAssessments(db, id)),
        meta: { rubric: localiseRubric(RUBRIC, c.var.locale) },
      };
      return c.json(body, 200);
    });
