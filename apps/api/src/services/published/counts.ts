/** Reads about published figures that reveal no value: how many there are per cell, which years, when last changed. */
export {
  countPublishedByCell,
  lastPublishedChange,
  listPublishedYears,
  type CoverageRow,
} from '../../repos/observations.js';
