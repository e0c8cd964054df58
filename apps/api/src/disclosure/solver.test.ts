import { buildDisclosureModel, disclosureComponents, type DisclosureFigure } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { jurisdictionTreeOfFile } from '../seed/jurisdictions-file.js';
import { IDENTIFYING, scenario, seeded, type Slot } from '../test-support/scenarios.js';
import { sharedSolver } from './shared.js';
import { candidatesFor, cellsSharing, extendBlock, protect, walkBlock, type BlockWalk } from './solver.js';

const TREE = jurisdictionTreeOfFile();
const TEHSILS = TREE.unitsAt(2022)
  .filter((u) => u.kind === 'tehsil' && u.parentId === 'PK-PB-GUJRAT')
  .map((u) => u.id);
const YEARS = [2021, 2022, 2023];

/** A small family: a few scenarios of one indicator (tables with margins, spans, two sources, tehsils). */
function family(seed: number): DisclosureFigure[] {
  const rng = seeded(seed);
  const { id, dimensions } = rng.pick(IDENTIFYING);
  const slots: Slot[] = [
    { indicator: id, jurisdiction: 'PK-PB-GUJRAT', subUnits: rng.next() < 0.4 ? TEHSILS : [], years: YEARS },
    { indicator: id, jurisdiction: 'PK-PB-SIALKOT', subUnits: [], years: YEARS },
  ];
  const seen = new Set<string>();
  return slots
    .flatMap((slot) => scenario(rng, slot, dimensions))
    .filter((row) => {
      const key = JSON.stringify([row.jurisdiction, row.year, row.yearEnd, row.breakdown, row.source]);
      return !seen.has(key) && seen.add(key);
    })
    .map((row, i) => ({
      id: i + 1,
      indicator: row.indicator as DisclosureFigure['indicator'],
      jurisdiction: row.jurisdiction,
      year: row.year,
      yearEnd: row.yearEnd,
      period: null,
      disaggregation: row.breakdown,
      definition: 'standard',
      value: row.value,
      withheld: rng.next() < 0.03,
    }));
}

/**
 * Sialkot's annual tables by sex for 2021–2023 and the cumulative one, each `[year, total, female, male, unknown]`
 * (year 0 for 2021–2023), with the cells named in `withheld` (`year:column`) left unpublished.
 */
function spanFamily(tables: number[][], withheld: readonly string[]): DisclosureFigure[] {
  return tables
    .flatMap(([year, ...values]) =>
      values.map((value, column) => ({
        id: 0,
        indicator: 'victims_identified' as const,
        jurisdiction: 'PK-PB-SIALKOT',
        year: year || 2021,
        yearEnd: year || 2023,
        period: null,
        disaggregation: column === 0 ? {} : { sex: ['female', 'male', 'unknown'][column - 1]! },
        definition: 'standard',
        value: value!,
        withheld: withheld.includes(`${year}:${column}`),
      })),
    )
    .map((figure, i) => ({ ...figure, id: i + 1 }));
}

describe('protect with witness points', () => {
  it('hides what the LP hides where witness points lie more than 3 apart in a range under 5', () => {
    const figures = spanFamily(
      [
        [2021, 3, 3, 0, 0],
        [2022, 6, 2, 4, 0],
        [2023, 21, 14, 3, 4],
        [0, 30, 19, 7, 4],
      ],
      ['2022:3', '2023:3'],
    );
    const model = buildDisclosureModel(figures, TREE);
    const reference = protect(sharedSolver, model, undefined, { lpOnly: true });
    const fast = protect(sharedSolver, model);
    expect(reference.states.get(10)).toBe('complementary');
    expect(fast.states).toEqual(reference.states);
    expect(fast.audit).toEqual(reference.audit);
  });

  it('gives the same pattern and audit as deciding every cell by the LP, on random small families', () => {
    let primaryCells = 0;
    let complementary = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const model = buildDisclosureModel(family(seed), TREE);
      const reference = protect(sharedSolver, model, undefined, { lpOnly: true });
      const fast = protect(sharedSolver, model);
      expect(fast.states, `seed ${seed}`).toEqual(reference.states);
      expect(fast.audit, `seed ${seed}`).toEqual(reference.audit);
      expect(fast.audit.pinned).toEqual([]);
      primaryCells += fast.audit.primaryCells;
      complementary += [...fast.states.values()].filter((s) => s === 'complementary').length;
    }
    expect(primaryCells).toBeGreaterThan(300);
    expect(complementary).toBeGreaterThan(100);
  }, 60_000);
});

/** A walk's block as a set: its cells, figures and equations, sorted. */
const contents = ({ block }: BlockWalk) => ({
  cells: [...block.cells].sort((a, b) => a - b),
  figures: [...new Set(block.figures)].sort((a, b) => a - b),
  equations: [...block.equations].sort((a, b) => a - b),
});

describe('a block extended after a hide', () => {
  it('holds what walking it again from its cell holds, hide after hide, on random small families', () => {
    let grown = 0;
    let fromBlock = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const model = buildDisclosureModel(family(seed), TREE);
      const rng = seeded(seed);
      for (const component of disclosureComponents(model)) {
        const hidden = new Set(component.figures.filter((f) => model.figures[f]?.primary));
        for (const primary of hidden) {
          const cell = model.figures[primary]!.cell;
          let walk = walkBlock(model, component, cell, hidden);
          const more = new Set(hidden);
          for (const f of component.figures.filter(() => rng.next() < 0.3)) {
            if (more.has(f)) continue;
            const before = walk.block.cells.length;
            more.add(f);
            walk = extendBlock(model, component, walk, f, more);
            expect(contents(walk), `seed ${seed}`).toEqual(contents(walkBlock(model, component, cell, more)));
            // The figures a hide is chosen from, taken from the block, are those a walk of their own finds.
            const sorted = (figures: number[]) => [...new Set(figures)].sort((a, b) => a - b);
            expect(sorted(candidatesFor(model, component, cell, more, walk)), `seed ${seed}`).toEqual(
              sorted(candidatesFor(model, component, cell, more)),
            );
            if (!walk.throughPublished) fromBlock++;
            // The fresh walk took the marks: walk on from it.
            walk = walkBlock(model, component, cell, more);
            if (walk.block.cells.length > before) grown++;
          }
        }
      }
    }
    expect(grown).toBeGreaterThan(50);
    expect(fromBlock).toBeGreaterThan(50);
  }, 60_000);
});

describe('cells that share a block', () => {
  it('walk to the same block from each of them, under the final pattern, on random small families', () => {
    let shared = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const model = buildDisclosureModel(family(seed), TREE);
      const { states } = protect(sharedSolver, model);
      const hidden = new Set(
        model.figures.flatMap((f, i) =>
          f.role !== 'denominator' && states.get(f.id) !== 'public' ? [i] : [],
        ),
      );
      for (const component of disclosureComponents(model)) {
        for (const f of component.figures.filter((g) => model.figures[g]?.primary)) {
          const walk = walkBlock(model, component, model.figures[f]!.cell, hidden);
          const expected = contents(walk);
          const sharing = cellsSharing(model, component, walk, hidden);
          expect(sharing).toContain(walk.cell);
          for (const c of sharing) {
            expect(contents(walkBlock(model, component, c, hidden)), `seed ${seed}`).toEqual(expected);
            if (c !== walk.cell) shared++;
          }
        }
      }
    }
    expect(shared).toBeGreaterThan(100);
  }, 60_000);
});
