/** The bulk formats of `GET /v1/exports/{format}`, in the order the download menu offers them. */
export const EXPORT_FORMATS = [
  { id: 'csv', label: 'Tidy CSV' },
  { id: 'sdmx-csv', label: 'SDMX-CSV 2.0' },
  { id: 'datapackage', label: 'Data Package (zip)' },
  { id: 'xlsx', label: 'Excel workbook (XLSX)' },
  { id: 'json-stat', label: 'JSON-stat 2.0' },
  { id: 'iati', label: 'IATI 2.03 activity XML' },
] as const;

export type ExportFilters = Record<string, string | number | undefined>;

/** The query string of an export: the filters that are set, in the `/v1/observations` names. */
export function exportQuery(filters: ExportFilters): `?${string}` | '' {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
