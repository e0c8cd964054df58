import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/client.js';

export type TestDb = { db: Db; path: string; close: () => void };

/** A fresh SQLite file in its own temp folder, migrated by the committed migrations; close() deletes it. */
export function createTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'fourp-api-test-'));
  const path = join(dir, 'test.db');
  const opened = openDatabase(path);
  return {
    db: opened.db,
    path,
    close: () => {
      opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
