import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client.js';
import { syncCatalogue } from '../repos/catalogue.js';
import { countObservations } from '../repos/observations.js';
import { loadReferenceData, type LoadCounts } from './load-reference.js';
import { readJurisdictionFile } from './jurisdictions-file.js';

/** src/seed and dist/seed both sit two levels below apps/api, where the seed data lives. */
export const REFERENCE_CSV_PATH = fileURLToPath(
  new URL('../../seed/reference-observations.csv', import.meta.url),
);
export const ADDITIONS_CSV_PATH = fileURLToPath(new URL('../../seed/additions-2026-11.csv', import.meta.url));

/**
 * Keeps the catalogue tables in step with the domain on every start, and loads the reference dataset
 * when the database holds no observations yet. Returns the load counts, or null when nothing was loaded.
 */
export async function seedIfEmpty(db: Db, csvPath: string = REFERENCE_CSV_PATH): Promise<LoadCounts | null> {
  db.transaction((tx) => syncCatalogue(tx, readJurisdictionFile()));
  if ((await countObservations(db)).all > 0) return null;
  const additions = csvPath === REFERENCE_CSV_PATH ? await readFile(ADDITIONS_CSV_PATH, 'utf8') : undefined;
  return loadReferenceData(db, await readFile(csvPath, 'utf8'), { additions });
}
