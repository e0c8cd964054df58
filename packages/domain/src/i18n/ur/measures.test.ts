import { describe, expect, it } from 'vitest';
import { POLICY_MEASURES, RUBRIC } from '../../catalogue/measures.js';
import { urduProblems } from '../../test-support/urdu.js';
import { MEASURE_TEXTS_UR, RUBRIC_TEXTS_UR } from './measures.js';

describe('Urdu policy measure texts', () => {
  it('cover exactly the catalogue measures and rubric levels', () => {
    expect(Object.keys(MEASURE_TEXTS_UR).sort()).toEqual(POLICY_MEASURES.map((measure) => measure.id).sort());
    expect(Object.keys(RUBRIC_TEXTS_UR)).toEqual(RUBRIC.map((level) => String(level.level)));
  });

  it.each(POLICY_MEASURES.map((measure) => [measure.id, measure] as const))(
    '%s: name, description and model in Urdu, citations kept in Latin',
    (id, { name, description, model }) => {
      expect(urduProblems({ name, description, model }, MEASURE_TEXTS_UR[id])).toEqual([]);
    },
  );

  it.each(RUBRIC.map((level) => [level.level, level] as const))(
    'rubric level %s: label and evidence required in Urdu',
    (level, { label, evidenceRequired }) => {
      expect(urduProblems({ label, evidenceRequired }, RUBRIC_TEXTS_UR[level])).toEqual([]);
    },
  );
});
