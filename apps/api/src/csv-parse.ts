export type CsvRow = { line: number; values: Record<string, string> };
export type ParsedCsv = { header: string[]; rows: CsvRow[] };

export class CsvParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvParseError';
  }
}

type RawRecord = { line: number; fields: string[] };

function splitRecords(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedAt = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quotedAt = line;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (inQuotes) throw new CsvParseError(quotedAt, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/**
 * Parses RFC 4180 CSV (quoted fields with embedded commas, quotes and newlines; LF or CRLF; optional BOM).
 * `line` is the 1-based physical line where each record starts; blank lines are skipped.
 */
export function parseCsv(text: string): ParsedCsv {
  const records = splitRecords(text.startsWith('\uFEFF') ? text.slice(1) : text).filter(
    (r) => !(r.fields.length === 1 && r.fields[0] === ''),
  );
  const [first, ...rest] = records;
  if (first === undefined) return { header: [], rows: [] };
  const header = first.fields.map((h) => h.trim());
  const rows = rest.map(({ line, fields }) => {
    if (fields.length !== header.length) {
      throw new CsvParseError(line, `expected ${header.length} fields, found ${fields.length}`);
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = fields[i] ?? '';
    });
    return { line, values };
  });
  return { header, rows };
}
