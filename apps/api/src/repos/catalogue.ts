import { INDICATORS, type JurisdictionFile } from '@fourp/domain';
import type { DbOrTx } from '../db/client.js';
import { indicators } from '../db/schema.js';
import { loadJurisdictionFile } from './jurisdictions.js';

/**
 * Loads the jurisdictions file (when newer than the one loaded) and upserts the domain's indicators.
 * Synchronous because it also runs inside better-sqlite3 transactions, which cannot await.
 */
export function syncCatalogue(db: DbOrTx, jurisdictionFile: JurisdictionFile): void {
  loadJurisdictionFile(db, jurisdictionFile);
  for (const i of INDICATORS) {
    const row = { pillar: i.pillar, name: i.name, measureType: i.measureType, unit: i.unit };
    db.insert(indicators)
      .values({ id: i.id, ...row })
      .onConflictDoUpdate({ target: indicators.id, set: row })
      .run();
  }
}
