export type ImportFormat = 'csv' | 'xlsx';
export type ImportLayout = 'template' | 'reference';

/** One data row; `row` is the 1-based line (CSV) or row number (XLSX), the header being row 1. */
export type ImportRow = { row: number; values: Record<string, string> };

/** The header, known once a reader has passed it. */
export type RowSource = { header: string[] | null };
