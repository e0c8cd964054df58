import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  buildDisclosureModel,
  createJurisdictionTree,
  INDICATORS,
  type DisclosureModel,
} from '@fourp/domain';
import type { DbOrTx } from '../db/client.js';
import {
  listDisclosureFigures,
  readAllDisclosureStates,
  readDisclosureRun,
  replaceDisclosureStates,
  writeDisclosureRun,
  type DisclosureRun,
} from '../repos/disclosure.js';
import { readJurisdictions } from '../repos/jurisdictions.js';
import { audit, protect, type AuditResult, type ProtectionCache, type Solver } from './solver.js';

/** The indicators the attacker model reads: identifying counts and rates, and the denominators of those rates. */
const MODEL_INDICATORS = [
  ...new Set(
    INDICATORS.filter((i) => i.identifying).flatMap((i) =>
      i.formula ? [i.id, i.formula.numerator, i.formula.denominator] : [i.id],
    ),
  ),
];

type Loaded = { model: () => DisclosureModel; fingerprint: string };

/** What the pattern is computed from, hashed; the model is built only when needed. */
function loadModel(db: DbOrTx): Loaded {
  const figures = listDisclosureFigures(db, MODEL_INDICATORS);
  const units = readJurisdictions(db);
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(units))
    .update(JSON.stringify(figures))
    .digest('base64url');
  return { model: () => buildDisclosureModel(figures, createJurisdictionTree(units)), fingerprint };
}

/**
 * Recomputes the whole pattern from the published figures and stores it with its audit. Synchronous, so it runs
 * inside the transaction that changed the published figures: readers never see a figure without its state.
 */
export function recomputeDisclosure(db: DbOrTx, solver: Solver, now: Date = new Date()): DisclosureRun {
  return store(db, solver, loadModel(db), now, performance.now());
}

/** Per process: a publish recomputes only the components whose content changed. */
const protectedComponents: ProtectionCache = new Map();

function store(db: DbOrTx, solver: Solver, { model, fingerprint }: Loaded, now: Date, started: number) {
  const { states, audit: result } = protect(solver, model(), protectedComponents);
  replaceDisclosureStates(db, states);
  const run = {
    fingerprint,
    checkedAt: now.toISOString(),
    primaryCells: result.primaryCells,
    pinned: result.pinned,
    millis: performance.now() - started,
  };
  writeDisclosureRun(db, run);
  return run;
}

/**
 * Recomputes the pattern when none is stored or the published figures (or the tree) changed since it was:
 * called inside every transaction that may change them, and at startup.
 */
export function refreshDisclosure(db: DbOrTx, solver: Solver, now: Date = new Date()): DisclosureRun {
  const started = performance.now();
  const stored = readDisclosureRun(db);
  const loaded = loadModel(db);
  if (stored !== null && stored.fingerprint === loaded.fingerprint) return stored;
  return store(db, solver, loaded, now, started);
}

/** The attacker model run over the stored pattern, as `audit:disclosure` reports it. */
export function auditDisclosure(db: DbOrTx, solver: Solver): AuditResult {
  return audit(solver, loadModel(db).model(), readAllDisclosureStates(db));
}
