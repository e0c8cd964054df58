// What a browser page may load: no zod and no catalogue texts (held to that by
// tests/src/integration/domain-client-entry.test.ts). Types come from the main entry; validation stays on the server.
export * from './vocabulary.js';
export * from './domain-error.js';
export * from './catalogue/benchmarks.js';
export * from './catalogue/jurisdiction-tree.js';
export * from './cell.js';
export * from './period.js';
export * from './normalise.js';
export * from './csv.js';
export * from './licences.js';
export * from './export-limits.js';
export * from './i18n/locale.js';
