import {
  buildDisclosureModel,
  createJurisdictionTree,
  disclosureIndicatorGroups,
  type Disaggregation,
} from '@fourp/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { listDisclosureFigures, readAllDisclosureStates, readDisclosureRun } from '../repos/disclosure.js';
import { readJurisdictions } from '../repos/jurisdictions.js';
import { insertCatalogue, insertObservations, type NewObservation } from '../test-support/api.js';
import { createTestDb, type TestDb } from '../test-support/db.js';
import { refreshDisclosure } from './pattern.js';
import { sharedSolver } from './shared.js';
import { protect } from './solver.js';

const INDICATORS = ['victims_identified', 'victims_newly_assisted', 'victims_referred_share', 'population'];
const BREAKDOWNS: Disaggregation[] = [{}, { sex: 'female' }, { sex: 'male' }];

let open: TestDb | undefined;
afterEach(() => open?.close());

function randomOf(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}

/** The pattern the whole model gives when protected at once, from nothing stored: the reference. */
function fromScratch(t: TestDb) {
  const tree = createJurisdictionTree(readJurisdictions(t.db));
  const figures = listDisclosureFigures(t.db, disclosureIndicatorGroups().flat());
  return protect(sharedSolver, buildDisclosureModel(figures, tree));
}

describe('incremental disclosure recompute', () => {
  it('stores, after each scoped change, the pattern and audit a full recompute from scratch gives', async () => {
    for (let scenario = 1; scenario <= 8; scenario++) {
      open?.close();
      const t = (open = createTestDb());
      await insertCatalogue(t.db);
      const random = randomOf(scenario * 7919);
      const tree = createJurisdictionTree(readJurisdictions(t.db));
      const places = [
        'PK-PB-GUJRAT',
        ...tree
          .unitsAt(2022)
          .filter((u) => u.parentId === 'PK-PB-GUJRAT')
          .map((u) => u.id),
      ];
      const cell = (): NewObservation => {
        const indicator = random.pick(INDICATORS);
        const value =
          indicator === 'population'
            ? 100_000 + Math.floor(random.next() * 900_000)
            : indicator === 'victims_referred_share'
              ? Math.round(random.next() * 1000) / 10
              : Math.floor(random.next() * 14);
        return {
          indicator,
          jurisdiction: random.pick(places),
          year: random.pick([2022, 2023]),
          disaggregation: random.pick(BREAKDOWNS),
          value,
          sourceTitle: random.pick(['Police', 'Welfare']),
          ...(random.next() < 0.2 ? { yearEnd: 2023, year: 2022 } : {}),
        };
      };
      const unique = new Map<string, NewObservation>();
      for (let i = 0; i < 30; i++) {
        const c = cell();
        unique.set(JSON.stringify({ ...c, value: 0 }), c);
      }
      const ids = await insertObservations(t.db, [...unique.values()]);

      for (let step = 0; step < 5; step++) {
        const id = random.pick(ids);
        const change = random.next();
        if (change < 0.4)
          t.db.$client
            .prepare('update observations set value = ? where id = ?')
            .run(Math.floor(random.next() * 14), id);
        else
          t.db.$client
            .prepare(
              "update observations set workflow_state = case workflow_state when 'published' then 'draft' else 'published' end where id = ?",
            )
            .run(id);
        t.db.transaction((tx) => refreshDisclosure(tx, sharedSolver, new Date(), { observationIds: [id] }));

        const expected = fromScratch(t);
        expect(readAllDisclosureStates(t.db)).toEqual(expected.states);
        const run = readDisclosureRun(t.db);
        expect(run?.primaryCells).toBe(expected.audit.primaryCells);
        expect(run?.pinned).toEqual(expected.audit.pinned);
      }
    }
  }, 60_000);
});
