export * from './pillars.js';
export * from './jurisdictions.js';
export * from './jurisdiction-tree.js';
export * from './indicators.js';
export * from './measures.js';
export * from './jurisdiction-context.js';
