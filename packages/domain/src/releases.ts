import { z } from 'zod';
import {
  IndicatorIdSchema,
  JurisdictionIdSchema,
  TEXT_LIMITS,
  YearSchema,
  type Observation,
} from './contracts.js';

/** `YYYY.MM` for a month's first release, then `YYYY.MM.1`, `YYYY.MM.2`, … for later ones in the same month. */
export const ReleaseIdSchema = z
  .string()
  .max(TEXT_LIMITS.id)
  .regex(/^\d{4}\.(0[1-9]|1[0-2])(\.[1-9]\d*)?$/, 'a release id such as 2026.12 or 2026.12.1');
export type ReleaseId = z.infer<typeof ReleaseIdSchema>;

/** The id of a release made at `at` (UTC month), after the releases `existing` already made. */
export function nextReleaseId(at: Date, existing: readonly string[]): ReleaseId {
  const month = `${at.getUTCFullYear()}.${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
  if (!existing.includes(month)) return month;
  let n = 1;
  while (existing.includes(`${month}.${n}`)) n += 1;
  return `${month}.${n}`;
}

/** What a release did to a figure since the previous release. */
export const RELEASE_CHANGES = ['added', 'corrected', 'withdrawn'] as const;
export const ReleaseChangeKindSchema = z.enum(RELEASE_CHANGES);
export type ReleaseChangeKind = z.infer<typeof ReleaseChangeKindSchema>;

export const ManifestEntrySchema = z.object({
  observation: z.number().int(),
  indicator: IndicatorIdSchema,
  jurisdiction: JurisdictionIdSchema,
  year: YearSchema,
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

/** One figure of a release's manifest: what the release did to it, and its cell. */
export const ReleaseChangeSchema = ManifestEntrySchema.extend({ change: ReleaseChangeKindSchema });
export type ReleaseChange = z.infer<typeof ReleaseChangeSchema>;

/** What changed since the previous release: figures new to the public, shown differently, or no longer shown. */
export const ReleaseManifestSchema = z.object({
  added: z.array(ManifestEntrySchema),
  corrected: z.array(ManifestEntrySchema),
  withdrawn: z.array(ManifestEntrySchema),
});
export type ReleaseManifest = z.infer<typeof ReleaseManifestSchema>;

const entryOf = (o: Observation): ManifestEntry => ({
  observation: o.id,
  indicator: o.indicator,
  jurisdiction: o.jurisdiction,
  year: o.year,
});

/**
 * The manifest between two public views of the published figures (as released, disclosure control applied):
 * a figure is corrected when anything the public sees of it differs, including whether it is suppressed.
 */
export function diffReleases(
  previous: readonly Observation[],
  current: readonly Observation[],
): ReleaseManifest {
  const before = new Map(previous.map((o) => [o.id, o]));
  const now = new Set(current.map((o) => o.id));
  const manifest: ReleaseManifest = { added: [], corrected: [], withdrawn: [] };
  for (const o of current) {
    const old = before.get(o.id);
    if (old === undefined) manifest.added.push(entryOf(o));
    else if (JSON.stringify(old) !== JSON.stringify(o)) manifest.corrected.push(entryOf(o));
  }
  for (const o of previous) if (!now.has(o.id)) manifest.withdrawn.push(entryOf(o));
  return manifest;
}

export const ReleaseChecksumSchema = z.object({
  name: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ReleaseChecksum = z.infer<typeof ReleaseChecksumSchema>;

export const CITATION_FORMATS = ['text', 'bibtex', 'ris', 'csl-json'] as const;
export const CitationFormatSchema = z.enum(CITATION_FORMATS);
export type CitationFormat = z.infer<typeof CitationFormatSchema>;

/** A citation as one CSL-JSON item (Citation Style Language); wrap it in an array for a CSL-JSON file. */
export const CslJsonSchema = z.looseObject({ id: z.string(), type: z.string(), title: z.string() });

export const ReleaseSchema = z.object({
  id: ReleaseIdSchema,
  createdAt: z.string(),
  /** The release this one's manifest is counted from; null for the first. */
  previous: ReleaseIdSchema.nullable(),
  note: z.string().nullable(),
  counts: z.object({
    figures: z.number().int(),
    added: z.number().int(),
    corrected: z.number().int(),
    withdrawn: z.number().int(),
  }),
  /** Its manifest since the previous release, paged: `GET` this path (one entry a figure, in cell order). */
  changes: z.string(),
  /** SHA-256 of every export file of the release, as downloaded with `?release=`. */
  checksums: z.array(ReleaseChecksumSchema),
  /** The release's landing page on the dashboard, and its citation as plain text (other formats: `/citation`). */
  citation: z.object({ url: z.string(), text: z.string() }),
});
export type Release = z.infer<typeof ReleaseSchema>;

export const ReleaseResponseSchema = z.object({ data: ReleaseSchema });
export type ReleaseResponse = z.infer<typeof ReleaseResponseSchema>;
export const ReleaseListResponseSchema = z.object({
  data: z.array(ReleaseSchema),
  meta: z.object({ count: z.number().int() }),
});
export type ReleaseListResponse = z.infer<typeof ReleaseListResponseSchema>;

export const NewReleaseRequestSchema = z.object({
  note: z.string().trim().min(1).max(TEXT_LIMITS.text).nullable().default(null),
});
export type NewReleaseRequest = z.infer<typeof NewReleaseRequestSchema>;

export const ReleaseParamsSchema = z.object({ id: ReleaseIdSchema.describe('release id, e.g. 2026.12') });
export const CitationQuerySchema = z.object({
  format: CitationFormatSchema.default('text').describe('text, bibtex, ris or csl-json'),
});

/** The `release` query parameter of the public reads: answer as that release stood. */
export const releaseQuery = ReleaseIdSchema.optional().describe(
  'answer exactly as this release stood, e.g. 2026.12 (default: the figures published now)',
);
