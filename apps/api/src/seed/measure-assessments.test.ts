import { readFileSync } from 'node:fs';
import { POLICY_MEASURES, RUBRIC_LEVELS } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { mapReferenceCsv } from '../reference/rows.js';
import { jurisdictionTreeOfFile } from './jurisdictions-file.js';
import { citationFor, MEASURE_ASSESSMENTS } from './measure-assessments.js';

const tree = jurisdictionTreeOfFile();

const mapped = mapReferenceCsv(
  readFileSync(new URL('../../seed/reference-observations.csv', import.meta.url), 'utf8'),
  tree,
);

describe('MEASURE_ASSESSMENTS', () => {
  it.each(MEASURE_ASSESSMENTS.map((a) => [a.measure, a.jurisdiction, a.year, a]))(
    '%s × %s (%i) names a catalogue measure and jurisdiction, a rubric level, evidence and a source',
    (_m, _j, _y, a) => {
      expect(POLICY_MEASURES.map((m) => m.id)).toContain(a.measure);
      expect(tree.units.map((j) => j.id)).toContain(a.jurisdiction);
      expect(RUBRIC_LEVELS).toContain(a.level);
      expect(a.evidence.length).toBeGreaterThan(40);
      expect(citationFor(a.source, mapped).title.length).toBeGreaterThan(0);
    },
  );

  it('assesses each measure, jurisdiction and year at most once', () => {
    const keys = MEASURE_ASSESSMENTS.map((a) => `${a.measure}|${a.jurisdiction}|${a.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fails when an assessment cites a reference row the CSV does not have', () => {
    expect(() =>
      citationFor(
        { reference: { key: 'national_action_plan_adopted', jurisdiction: 'PK-PB', year: 2021 } },
        mapped,
      ),
    ).toThrow(/No reference row national_action_plan_adopted \/ PK-PB \/ 2021/);
  });
});
