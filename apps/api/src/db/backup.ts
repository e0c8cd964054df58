import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { verifyAuditChain } from '../repos/workflow/audit-chain.js';
import { MIGRATIONS_FOLDER, openDatabase } from './client.js';

/** Copies the live database at `from` to `to` with SQLite's online backup: consistent while the API writes. */
export async function backupDatabase(from: string, to: string): Promise<void> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}

export class RestoreRefused extends Error {}

const FOURP_TABLES = ['__drizzle_migrations', 'audit_log', 'observations', 'users'];

function checkRestorable(file: string) {
  let source: Database.Database;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new RestoreRefused(`${file} cannot be opened: ${(error as Error).message}`);
  }
  try {
    let integrity: string[];
    try {
      integrity = source.prepare('pragma integrity_check').pluck().all() as string[];
    } catch (error) {
      throw new RestoreRefused(`${file} fails the integrity check: ${(error as Error).message}`);
    }
    if (integrity.join() !== 'ok')
      throw new RestoreRefused(`${file} fails the integrity check: ${integrity.slice(0, 3).join('; ')}`);
    const tables = new Set(
      source.prepare(`select name from sqlite_master where type = 'table'`).pluck().all() as string[],
    );
    const missing = FOURP_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0)
      throw new RestoreRefused(`${file} is not a FourP database (no ${missing.join(', ')} table).`);
    const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
    const latestKnown = Math.max(...known.map((migration) => migration.folderMillis));
    const knownHashes = new Set(known.map((migration) => migration.hash));
    const applied = source
      .prepare('select hash, created_at as createdAt from __drizzle_migrations')
      .all() as {
      hash: string;
      createdAt: number;
    }[];
    const unknown = applied.filter(
      (row) => Number(row.createdAt) > latestKnown || !knownHashes.has(row.hash),
    );
    if (unknown.length > 0)
      throw new RestoreRefused(
        `${file} has ${unknown.length} migration(s) newer than this build knows: restore it with the build that wrote it.`,
      );
  } finally {
    source.close();
  }
}

/**
 * Replaces the database at `target` with the backup at `from`, after refusing a corrupt, foreign or newer file.
 * The copy is written to a temporary file beside the target, migrated and its audit chain verified, then renamed
 * over it. Stop the API first: a server holding the old file open would keep serving it.
 */
export async function restoreDatabase(from: string, target: string): Promise<{ auditEntries: number }> {
  checkRestorable(from);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.restore-${process.pid}`);
  rmSync(temp, { force: true });
  try {
    await backupDatabase(from, temp);
    const restored = openDatabase(temp);
    let report;
    try {
      report = verifyAuditChain(restored.db);
    } finally {
      restored.close();
    }
    if (!report.ok)
      throw new RestoreRefused(
        `${from} has a broken audit chain at entry ${report.brokenId}: ${report.problem}`,
      );
    if (existsSync(`${target}-wal`)) {
      const current = new Database(target);
      current.pragma('wal_checkpoint(TRUNCATE)');
      current.close();
    }
    renameSync(temp, target);
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    return { auditEntries: report.count };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
  }
}
