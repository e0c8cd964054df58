import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  buildDisclosureModel,
  createJurisdictionTree,
  disclosureIndicatorGroups,
  type DisclosureFigure,
  type IndicatorId,
  type JurisdictionTree,
} from '@fourp/domain';
import type { DbOrTx } from '../db/client.js';
import {
  deleteFamilyRun,
  listDisclosureFigures,
  listPublishedFamilies,
  readDisclosureRun,
  readDisclosureStates,
  readFamiliesOf,
  readFamilyRuns,
  readProtectedComponents,
  replaceFamilyStates,
  replaceProtectedComponents,
  writeDisclosureRun,
  writeFamilyRun,
  type DisclosureRun,
  type FamilyOf,
} from '../repos/disclosure.js';
import { readJurisdictions } from '../repos/jurisdictions.js';
import {
  audit,
  protect,
  type AuditResult,
  type ProtectionCache,
  type ProtectOptions,
  type Solver,
} from './solver.js';

/** The indicators the attacker model reads, in groups no equation crosses. */
const GROUPS = disclosureIndicatorGroups();
const MODEL_INDICATORS = GROUPS.flat();
const GROUP_OF = new Map(GROUPS.flatMap((group) => group.map((id) => [id as string, group] as const)));

/** The figures of one indicator group and one definition: protected on their own, one at a time. */
type Family = { key: string; indicators: IndicatorId[]; definition: string };

/** What a refresh must look at: the figures a write changed (by id), or every figure when not given. */
export type DisclosureScope = { observationIds: readonly number[] };

function familyOf(indicator: string, definition: string): Family | undefined {
  const indicators = GROUP_OF.get(indicator);
  return indicators && { key: `${indicators[0]}|${definition}`, indicators, definition };
}

function familiesOf(found: readonly FamilyOf[], storedKeys: readonly string[] = []): Family[] {
  const families = new Map<string, Family>();
  const add = (family: Family | undefined) => family && families.set(family.key, family);
  found.forEach((f) => add(familyOf(f.indicator, f.definition)));
  for (const key of storedKeys) {
    const cut = key.indexOf('|');
    add(familyOf(key.slice(0, cut), key.slice(cut + 1)));
  }
  return [...families.values()].sort((a, b) => a.key.localeCompare(b.key));
}

const hash = (...parts: string[]) => {
  const h = createHash('sha256');
  parts.forEach((part) => h.update(part));
  return h.digest('base64url');
};

function protectFamily(
  db: DbOrTx,
  solver: Solver,
  tree: JurisdictionTree,
  family: Family,
  figures: readonly DisclosureFigure[],
  fingerprint: string,
  options: ProtectOptions,
): void {
  const known = readProtectedComponents(db, family.key) as ProtectionCache;
  const cache: ProtectionCache = new Map(known);
  const { states, audit: result } = protect(solver, buildDisclosureModel(figures, tree), cache, options);
  replaceFamilyStates(db, family.indicators, family.definition, states);
  replaceProtectedComponents(db, family.key, known, cache);
  if (figures.length === 0) deleteFamilyRun(db, family.key);
  else writeFamilyRun(db, { family: family.key, fingerprint, ...result });
}

/**
 * Recomputes the pattern of every family in scope whose published figures (or the jurisdiction tree) changed
 * since it was stored, solving only the components whose content changed, then the run's totals. Synchronous,
 * so it runs inside the transaction that changed the published figures: readers never see a figure without its
 * state (a figure without one is withheld). Reads one family at a time, so memory is bounded by the largest.
 */
export function refreshDisclosure(
  db: DbOrTx,
  solver: Solver,
  now: Date = new Date(),
  scope?: DisclosureScope,
  options: ProtectOptions = {},
): DisclosureRun {
  const started = performance.now();
  const units = readJurisdictions(db);
  const unitsHash = hash(JSON.stringify(units));
  let tree: JurisdictionTree | undefined;
  const stored = new Map(readFamilyRuns(db).map((run) => [run.family, run.fingerprint]));
  const last = readDisclosureRun(db);
  const families =
    scope && last !== null
      ? familiesOf(readFamiliesOf(db, scope.observationIds))
      : familiesOf(listPublishedFamilies(db, MODEL_INDICATORS), [...stored.keys()]);
  let changed = false;
  for (const family of families) {
    const figures = listDisclosureFigures(db, family.indicators, family.definition);
    const fingerprint = hash(unitsHash, JSON.stringify(figures));
    if (stored.get(family.key) === fingerprint) continue;
    changed = true;
    tree ??= createJurisdictionTree(units);
    protectFamily(db, solver, tree, family, figures, fingerprint, options);
  }
  if (!changed && last !== null) return last;
  const runs = readFamilyRuns(db);
  const run = {
    fingerprint: hash(unitsHash, JSON.stringify(runs.map((r) => [r.family, r.fingerprint]))),
    checkedAt: now.toISOString(),
    primaryCells: runs.reduce((sum, r) => sum + r.primaryCells, 0),
    pinned: runs.flatMap((r) => r.pinned),
    millis: performance.now() - started,
  };
  writeDisclosureRun(db, run);
  return run;
}

/** The attacker model run over the stored pattern, family by family, as `audit:disclosure` reports it. */
export function auditDisclosure(db: DbOrTx, solver: Solver): AuditResult {
  const tree = createJurisdictionTree(readJurisdictions(db));
  const total: AuditResult = { primaryCells: 0, pinned: [] };
  for (const family of familiesOf(listPublishedFamilies(db, MODEL_INDICATORS))) {
    const figures = listDisclosureFigures(db, family.indicators, family.definition);
    const states = readDisclosureStates(
      db,
      figures.map((f) => f.id),
    );
    const result = audit(solver, buildDisclosureModel(figures, tree), states);
    total.primaryCells += result.primaryCells;
    total.pinned.push(...result.pinned);
  }
  return total;
}
