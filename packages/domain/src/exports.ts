import { z } from 'zod';
import {
  DISAGGREGATION_DIMENSIONS,
  IndicatorIdSchema,
  JurisdictionIdSchema,
  MAX_YEAR,
  MIN_YEAR,
  TEXT_LIMITS,
  FROM_NOT_AFTER_TO,
} from './contracts.js';
import { releaseQuery } from './releases.js';

export const EXPORT_FORMAT_IDS = ['csv', 'sdmx-csv', 'datapackage', 'xlsx', 'json-stat', 'iati'] as const;
export const ExportFormatIdSchema = z.enum(EXPORT_FORMAT_IDS);
export type ExportFormatId = z.infer<typeof ExportFormatIdSchema>;

/** `total` selects the figures without a breakdown; a dimension, the figures broken down by it alone. */
export const EXPORT_BREAKDOWNS = ['total', ...DISAGGREGATION_DIMENSIONS] as const;
export type ExportBreakdown = (typeof EXPORT_BREAKDOWNS)[number];

const MAX_LISTED = 50;
const list = <T extends string>(item: z.ZodType<T, string>) =>
  z
    .string()
    .max(MAX_LISTED * (TEXT_LIMITS.id + 1))
    .transform((text) =>
      text
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    )
    .pipe(z.array(item).min(1).max(MAX_LISTED));
const year = z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR);

export const ExportParamsSchema = z.object({ format: ExportFormatIdSchema });

export const ExportQuerySchema = z
  .object({
    indicator: list(IndicatorIdSchema).optional().describe('comma-separated indicator ids'),
    jurisdiction: list(JurisdictionIdSchema).optional().describe('comma-separated jurisdiction ids'),
    from: year.optional().describe('first year (inclusive)'),
    to: year.optional().describe('last year (inclusive)'),
    breakdown: list(z.enum(EXPORT_BREAKDOWNS))
      .optional()
      .describe(
        'comma-separated: total (no breakdown) and/or dimensions (figures broken down by that one alone)',
      ),
    release: releaseQuery,
    bom: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true')
      .describe('csv only: start with a UTF-8 byte order mark, for Excel'),
  })
  .refine(...FROM_NOT_AFTER_TO);
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

/** A JSON-stat 2.0 dataset as the `json-stat` export writes it: values and statuses sparse, keyed by index. */
export const JsonStatDatasetSchema = z.object({
  version: z.literal('2.0'),
  class: z.literal('dataset'),
  label: z.string(),
  source: z.string(),
  updated: z.string(),
  note: z.array(z.string()),
  id: z.array(z.string()),
  size: z.array(z.number().int()),
  role: z.record(z.string(), z.array(z.string())),
  dimension: z.record(
    z.string(),
    z.object({
      label: z.string(),
      category: z.object({
        index: z.array(z.string()),
        label: z.record(z.string(), z.string()),
        unit: z.record(z.string(), z.object({ label: z.string() })).optional(),
      }),
    }),
  ),
  value: z.record(z.string(), z.number().nullable()),
  status: z.record(z.string(), z.string()),
});
export type JsonStatDataset = z.infer<typeof JsonStatDatasetSchema>;
