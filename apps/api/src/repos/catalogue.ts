import { INDICATORS, JURISDICTIONS, type Jurisdiction } from '@fourp/domain';
import type { DbOrTx } from '../db/client.js';
import { indicators, jurisdictions } from '../db/schema.js';

function depth(jurisdiction: Jurisdiction): number {
  let level = 0;
  let parentId = jurisdiction.parentId;
  while (parentId !== null) {
    level++;
    parentId = JURISDICTIONS.find((j) => j.id === parentId)?.parentId ?? null;
  }
  return level;
}

/**
 * Upserts the domain catalogue's jurisdictions and indicators, parents first, so foreign keys hold.
 * Synchronous because it also runs inside better-sqlite3 transactions, which cannot await.
 */
export function syncCatalogue(db: DbOrTx): void {
  const ordered = [...JURISDICTIONS].sort((a, b) => depth(a) - depth(b));
  for (const j of ordered) {
    const row = {
      kind: j.kind,
      parentId: j.parentId,
      nameEn: j.name.en,
      nameUr: j.name.ur ?? null,
      role: j.role,
    };
    db.insert(jurisdictions)
      .values({ id: j.id, ...row })
      .onConflictDoUpdate({ target: jurisdictions.id, set: row })
      .run();
  }
  for (const i of INDICATORS) {
    const row = { pillar: i.pillar, name: i.name, measureType: i.measureType, unit: i.unit };
    db.insert(indicators)
      .values({ id: i.id, ...row })
      .onConflictDoUpdate({ target: indicators.id, set: row })
      .run();
  }
}
