export { loadReferenceData, type LoadCounts } from './load-reference.js';
export { MEASURE_ASSESSMENTS, loadMeasureAssessments } from './measure-assessments.js';
export { REFERENCE_CSV_PATH, seedIfEmpty } from './seed.js';
export { JURISDICTIONS_JSON_PATH, readJurisdictionFile } from './jurisdictions-file.js';
