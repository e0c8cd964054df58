export { loadReferenceData, type LoadCounts } from './load-reference.js';
export { MEASURE_ASSESSMENTS, loadMeasureAssessments } from './measure-assessments.js';
export { REFERENCE_CSV_PATH, seedIfEmpty } from './seed.js';
