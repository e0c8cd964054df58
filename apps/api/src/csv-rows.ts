import { CsvError, type Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { LocalisedDetail } from './errors.js';
import { say, textIn } from './i18n/messages.js';

export type CsvRow = { line: number; values: Record<string, string> };
export type ParsedCsv = { header: string[]; rows: CsvRow[] };

export class CsvParseError extends Error {
  /** What is wrong, without the line: in every language when the API wrote it, as csv-parse wrote it otherwise. */
  readonly reason: string | LocalisedDetail;

  constructor(
    readonly line: number,
    reason: string | LocalisedDetail,
  ) {
    const english = typeof reason === 'string' ? reason : reason.en;
    super(textIn('en', 'csv_line', { line, message: english }));
    this.name = 'CsvParseError';
    this.reason = reason;
  }
}

/**
 * RFC 4180 with a BOM allowed and any line ending, mixed too (csv-parse would otherwise keep the first
 * one it sees); blank lines and field counts are left to CsvRows, which names the line.
 */
export const CSV_OPTIONS = {
  bom: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: false,
} as const satisfies Options;

const newlinesIn = (field: string) => {
  let count = 0;
  for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) count++;
  return count;
};

/**
 * Turns csv-parse records, fed in order, into rows keyed by the trimmed header. `line` is the 1-based
 * physical line where a record starts (only quoted fields span lines); blank lines are skipped.
 */
export class CsvRows {
  header: string[] | null = null;
  /** The line where the next record starts, which is where a parse error lies. */
  line = 1;

  /** The row of one record; null for the header and blank lines. Throws on a wrong field count. */
  read(fields: string[]): CsvRow | null {
    const line = this.line;
    this.line += 1 + fields.reduce((n, field) => n + newlinesIn(field), 0);
    if (fields.length === 1 && fields[0] === '') return null;
    if (this.header === null) {
      this.header = fields.map((name) => name.trim());
      return null;
    }
    if (fields.length !== this.header.length) {
      throw new CsvParseError(
        line,
        say('import_csv_fields', { expected: this.header.length, found: fields.length }),
      );
    }
    const values: Record<string, string> = {};
    this.header.forEach((name, i) => {
      values[name] = fields[i] ?? '';
    });
    return { line, values };
  }

  /** A csv-parse failure as a CsvParseError at the line of the record it stopped in. */
  failure(error: unknown): unknown {
    if (!(error instanceof CsvError)) return error;
    const message = error.code === 'CSV_QUOTE_NOT_CLOSED' ? say('import_csv_quote') : error.message;
    return new CsvParseError(this.line, message);
  }
}

/** Parses a whole CSV text held in memory (the reference data); imports stream instead. */
export function parseCsv(text: string): ParsedCsv {
  const reader = new CsvRows();
  const rows: CsvRow[] = [];
  try {
    parse(text, {
      ...CSV_OPTIONS,
      on_record: (fields: string[]) => {
        const row = reader.read(fields);
        if (row) rows.push(row);
        return null;
      },
    });
  } catch (error) {
    throw reader.failure(error);
  }
  return { header: reader.header ?? [], rows };
}
