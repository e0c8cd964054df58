import { zodToOpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  ComparisonSchema,
  CompareResponseSchema,
  CoverageResponseSchema,
  HealthResponseSchema,
  IndicatorDetailResponseSchema,
  IndicatorListResponseSchema,
  IndicatorSchema,
  JurisdictionListResponseSchema,
  JurisdictionNodeSchema,
  JurisdictionSchema,
  MeasureDetailSchema,
  MeasureListResponseSchema,
  MeasureResponseSchema,
  ObservationListResponseSchema,
  ObservationSchema,
  PillarListResponseSchema,
  ProblemSchema,
  ScorecardResponseSchema,
  ScorecardSchema,
  SourceListResponseSchema,
  SourceResponseSchema,
  SourceSchema,
} from '@fourp/domain';
import type { ZodType } from 'zod';

/** Domain schemas emitted under `components.schemas` and referred to wherever they occur. */
export const COMPONENT_SCHEMAS: Record<string, ZodType> = {
  Problem: ProblemSchema,
  Source: SourceSchema,
  Observation: ObservationSchema,
  Indicator: IndicatorSchema,
  Jurisdiction: JurisdictionSchema,
  JurisdictionNode: JurisdictionNodeSchema,
  Comparison: ComparisonSchema,
  Scorecard: ScorecardSchema,
  MeasureDetail: MeasureDetailSchema,
  HealthResponse: HealthResponseSchema,
  PillarListResponse: PillarListResponseSchema,
  IndicatorListResponse: IndicatorListResponseSchema,
  IndicatorDetailResponse: IndicatorDetailResponseSchema,
  JurisdictionListResponse: JurisdictionListResponseSchema,
  ObservationListResponse: ObservationListResponseSchema,
  CompareResponse: CompareResponseSchema,
  ScorecardResponse: ScorecardResponseSchema,
  MeasureListResponse: MeasureListResponseSchema,
  MeasureResponse: MeasureResponseSchema,
  CoverageResponse: CoverageResponseSchema,
  SourceListResponse: SourceListResponseSchema,
  SourceResponse: SourceResponseSchema,
};

/**
 * Names the domain's own schema instances, so nested uses become `$ref`s too. `.openapi(name)` would name a
 * copy, and zod-to-openapi 9 ignores a bare `.meta({ id })`; the domain stays free of OpenAPI imports.
 */
export function nameComponentSchemas() {
  for (const [refId, schema] of Object.entries(COMPONENT_SCHEMAS)) {
    zodToOpenAPIRegistry.add(schema, { ...zodToOpenAPIRegistry.get(schema), _internal: { refId } });
  }
}
