import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDisclosureModel, type DisclosureFigure, type IndicatorId } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { syntheticRows } from '../bench/scale-data.js';
import { jurisdictionTreeOfFile } from '../seed/jurisdictions-file.js';
import { sharedSolver } from './shared.js';
import { protect, type DisclosureState } from './solver.js';

const TREE = jurisdictionTreeOfFile();
const FIXTURE = join(import.meta.dirname, 'fixtures/small-counts-1300.json');

/**
 * The first 1,300 figures of the scale generator's small-count table (tehsil-like counts, a table cut off
 * midway as the benchmark's are): over a hundred primary cells in blocks of up to ~1,900 cells.
 */
function smallCountFamily(rows: number): DisclosureFigure[] {
  const figures: DisclosureFigure[] = [];
  for (const [indicator, jurisdiction, year, breakdown, value] of syntheticRows(TREE, 'small')) {
    if (indicator !== 'persons_at_risk_identified') continue;
    if (figures.length === rows) break;
    figures.push({
      id: figures.length + 1,
      indicator: indicator as IndicatorId,
      jurisdiction,
      year,
      yearEnd: year,
      period: null,
      disaggregation: JSON.parse(breakdown) as DisclosureFigure['disaggregation'],
      definition: 'standard',
      value,
      withheld: false,
    });
  }
  return figures;
}

type Pattern = { primaryCells: number; pinned: number; hidden: Partial<Record<DisclosureState, number[]>> };

describe('the pattern on a small-count table', () => {
  it('hides exactly the figures recorded before the computation was optimised', () => {
    const { states, audit } = protect(sharedSolver, buildDisclosureModel(smallCountFamily(1300), TREE));
    const hidden: Pattern['hidden'] = {};
    for (const [id, state] of [...states].sort(([a], [b]) => a - b))
      if (state !== 'public') (hidden[state] ??= []).push(id);
    const pattern: Pattern = { primaryCells: audit.primaryCells, pinned: audit.pinned.length, hidden };
    // Recorded with the code before it was optimised (`RECORD_FIXTURE=1` after deleting the file).
    if (process.env.RECORD_FIXTURE && !existsSync(FIXTURE))
      writeFileSync(FIXTURE, `${JSON.stringify(pattern)}\n`);
    const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Pattern;
    expect(pattern.primaryCells).toBeGreaterThan(100);
    expect(recorded.hidden.complementary?.length).toBeGreaterThan(400);
    expect(pattern).toEqual(recorded);
  }, 60_000);
});
