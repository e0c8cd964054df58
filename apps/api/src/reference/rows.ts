import type { LocalisedDetail } from '../errors.js';
import { say } from '../i18n/messages.js';
import { INDICATORS, type JurisdictionTree } from '@fourp/domain';
import { parseCsv } from '../csv-rows.js';
import {
  REFERENCE_MAPPINGS,
  resolveReferenceRow,
  type KeyMapping,
  type ReferenceRow,
  type ResolvedObservation,
} from './mapping.js';

export type Citation = { title: string; publisher: string; year: number | null; locator: string | null };

export const REFERENCE_COLUMNS = [
  'jurisdiction',
  'indicator',
  'pillar',
  'year',
  'value',
  'unit',
  'source_title',
  'source_publisher',
  'source_year',
  'source_locator',
  'note',
] as const;

export type ReferenceIssue = { line: number; message: string };

export class ReferenceDataError extends Error {
  constructor(readonly issues: ReferenceIssue[]) {
    super(
      `The reference CSV cannot be loaded: ${issues.map((i) => `line ${i.line}: ${i.message}`).join('; ')}`,
    );
    this.name = 'ReferenceDataError';
  }
}

const wholeNumber = (text: string): number | null =>
  /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null;

/** What is wrong with a reference row, and in which column. */
export type ReferenceRowIssue = { column: string; message: LocalisedDetail };

/** The fields of one reference CSV row, or the first problem that stops it from being read. */
export function toReferenceRow(
  line: number,
  values: Record<string, string>,
): ReferenceRow | ReferenceRowIssue {
  const get = (column: string) => (values[column] ?? '').trim();
  const year = wholeNumber(get('year'));
  if (year === null)
    return { column: 'year', message: say('reference_year', { column: 'year', text: get('year') }) };
  const sourceYearText = get('source_year');
  const sourceYear = sourceYearText === '' ? null : wholeNumber(sourceYearText);
  if (sourceYearText !== '' && sourceYear === null) {
    const column = 'source_year';
    return { column, message: say('reference_year', { column, text: sourceYearText }) };
  }
  if (get('source_title') === '' || get('source_publisher') === '') {
    return { column: 'source_title', message: say('reference_source_required') };
  }
  return {
    line,
    jurisdiction: get('jurisdiction'),
    key: get('indicator'),
    pillar: get('pillar'),
    year,
    valueAsRead: get('value'),
    unit: get('unit'),
    sourceTitle: get('source_title'),
    sourcePublisher: get('source_publisher'),
    sourceYear,
    sourceLocator: get('source_locator') || null,
    note: get('note'),
  };
}

export type MappedRow = { row: ReferenceRow; observation: ResolvedObservation; citation: Citation };

/** Parses and maps the whole CSV; throws ReferenceDataError listing every line that cannot be mapped. */
export function mapReferenceCsv(
  csvText: string,
  jurisdictions: JurisdictionTree,
  mappings: Readonly<Record<string, KeyMapping>> = REFERENCE_MAPPINGS,
): MappedRow[] {
  const { header, rows } = parseCsv(csvText);
  const missing = REFERENCE_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new ReferenceDataError([{ line: 1, message: `missing columns ${missing.join(', ')}` }]);
  const issues: ReferenceIssue[] = [];
  const mapped: MappedRow[] = [];
  for (const csvRow of rows) {
    const row = toReferenceRow(csvRow.line, csvRow.values);
    if ('message' in row) {
      issues.push({ line: csvRow.line, message: row.message.en });
      continue;
    }
    const resolved = resolveReferenceRow(row, mappings);
    if (!resolved.ok) {
      issues.push({ line: row.line, message: resolved.message.en });
      continue;
    }
    const o = resolved.value;
    if (!jurisdictions.find(o.jurisdiction)) {
      issues.push({ line: row.line, message: `jurisdiction "${o.jurisdiction}" is not in the catalogue` });
      continue;
    }
    if (!INDICATORS.some((i) => i.id === o.indicator)) {
      issues.push({
        line: row.line,
        message: `indicator "${o.indicator}" (from "${row.key}") is not in the catalogue`,
      });
      continue;
    }
    const citation = {
      title: row.sourceTitle,
      publisher: row.sourcePublisher,
      year: row.sourceYear,
      locator: row.sourceLocator,
    };
    mapped.push({ row, observation: o, citation });
  }
  if (issues.length > 0) throw new ReferenceDataError(issues);
  return mapped;
}
