import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_COLUMNS, parseBreakdown, type UserPrincipal } from '@fourp/domain';
import { openDatabase } from '../db/client.js';
import { storedBreakdown } from '../repos/observations.js';
import { insertUser } from '../repos/workflow/users.js';
import { syncCatalogue } from '../repos/catalogue.js';
import { applyImport } from '../services/import/apply.js';
import { readJurisdictionFile } from '../seed/jurisdictions-file.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const JURISDICTIONS = [
  'PK-PB-GUJRAT',
  'PK-PB-GUJRAT-GUJRAT',
  'PK-PB-GUJRAT-KHARIAN',
  'PK-PB-GUJRAT-SARAI-ALAMGIR',
];
const SEXES = ['', 'sex=female', 'sex=male'];

type Row = { jurisdiction: string; year: number; sex: string; value: number; source: number };

/** Distinct cells: 4 jurisdictions × 30 years × 3 breakdowns per source, values that raise no outlier warning. */
function generate(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const year = 1995 + (Math.floor(i / 12) % 30);
    return {
      jurisdiction: JURISDICTIONS[i % 4]!,
      year,
      sex: SEXES[Math.floor(i / 4) % 3]!,
      value: 100 + (year % 3),
      source: Math.floor(i / 360),
    };
  });
}

const toCsv = (rows: Row[]) =>
  [
    IMPORT_COLUMNS.join(','),
    ...rows.map((r) =>
      [
        'victims_identified',
        r.jurisdiction,
        r.year,
        '',
        '',
        r.sex,
        r.value,
        'A',
        '',
        `Bench report ${r.source}`,
        'Bench publisher',
        2024,
        '',
        'primary',
        '',
      ].join(','),
    ),
  ].join('\r\n');

function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'fourp-bench-'));
  const opened = openDatabase(join(dir, 'bench.db'));
  syncCatalogue(opened.db, readJurisdictionFile());
  return { ...opened, dispose: () => (opened.close(), rmSync(dir, { recursive: true, force: true })) };
}

async function importPath(rows: Row[]): Promise<number> {
  const { db, dispose } = tempDb();
  try {
    const now = new Date();
    const user = await insertUser(
      db,
      { email: 'bench@example.org', passwordHash: '!', role: 'admin', jurisdictionId: null },
      now,
    );
    const principal: UserPrincipal = { kind: 'user', userId: user.id, role: 'admin', jurisdictionId: null };
    const bytes = new TextEncoder().encode(toCsv(rows));
    const started = performance.now();
    const report = await applyImport(
      { db, now: () => now },
      {
        principal,
        actor: { userId: user.id, email: user.email, sessionId: null, tokenId: null, requestId: 'bench' },
      },
      { bytes, state: 'draft', filename: null },
    );
    const seconds = (performance.now() - started) / 1000;
    if (report.inserted !== rows.length)
      throw new Error(`expected ${rows.length} inserted, got ${report.inserted}`);
    return seconds;
  } finally {
    dispose();
  }
}

/** The floor: one prepared INSERT per row in a single transaction, no parsing, validation or audit. */
function rawInserts(rows: Row[]): number {
  const { sqlite, dispose } = tempDb();
  try {
    const source = sqlite.prepare(
      `insert into sources (title, publisher, year, kind) values (?, 'Bench publisher', 2024, 'primary')`,
    );
    const insert = sqlite.prepare(
      `insert into observations (indicator_id, jurisdiction_id, year, year_end, disaggregation, value, status, definition, source_id, workflow_state, created_at, updated_at)
       values ('victims_identified', ?, ?, ?, ?, ?, 'A', 'standard', ?, 'draft', ?, ?)`,
    );
    const started = performance.now();
    sqlite.transaction(() => {
      const sourceIds = new Map<number, number>();
      const now = new Date().toISOString();
      for (const r of rows) {
        let sourceId = sourceIds.get(r.source);
        if (sourceId === undefined) {
          sourceId = Number(source.run(`Bench report ${r.source}`).lastInsertRowid);
          sourceIds.set(r.source, sourceId);
        }
        const breakdown = parseBreakdown(r.sex);
        if (!breakdown.ok) throw new Error(breakdown.error.message);
        const disaggregation = storedBreakdown(breakdown.value);
        insert.run(r.jurisdiction, r.year, r.year, disaggregation, r.value, sourceId, now, now);
      }
    })();
    return (performance.now() - started) / 1000;
  } finally {
    dispose();
  }
}

async function main() {
  const rows = generate(ROWS);
  process.stderr.write(`Importing ${ROWS} generated rows through parse → plan → apply…\n`);
  const viaImport = await importPath(rows);
  process.stderr.write('Inserting the same rows with a raw prepared statement…\n');
  const viaRaw = rawInserts(rows);
  const rate = (seconds: number) => Math.round(ROWS / seconds).toLocaleString('en-GB');
  process.stdout.write(
    [
      `rows:                 ${ROWS.toLocaleString('en-GB')}`,
      `import path:          ${viaImport.toFixed(2)} s  ${rate(viaImport)} rows/s  (CSV parse, validation, scope, dedupe, sources, insert, audit, one transaction)`,
      `raw prepared insert:  ${viaRaw.toFixed(2)} s  ${rate(viaRaw)} rows/s  (better-sqlite3, one transaction)`,
      `ratio:                import path takes ${(viaImport / viaRaw).toFixed(1)}× the raw insert time`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
