export { syncCatalogue } from './catalogue.js';
export { parseCsv, CsvParseError, type CsvRow, type ParsedCsv } from './csv.js';
export { loadReferenceData, mapReferenceCsv, ReferenceDataError, type LoadCounts } from './load-reference.js';
export { MEASURE_ASSESSMENTS, loadMeasureAssessments } from './measure-assessments.js';
export { REFERENCE_MAPPINGS } from './reference-mapping.js';
export { REFERENCE_CSV_PATH, seedIfEmpty } from './seed.js';
export { classifySourceKind, statusFor } from './source-kind.js';
