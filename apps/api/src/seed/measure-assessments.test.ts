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
      expect(a.quote.text.length).toBeGreaterThan(0);
      expect(a.quote.text.length).toBeLessThanOrEqual(160);
      expect(a.quote.locator.length).toBeGreaterThan(0);
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

  const find = (measure: string, jurisdiction: string, year?: number) =>
    MEASURE_ASSESSMENTS.filter(
      (a) =>
        a.measure === measure && a.jurisdiction === jurisdiction && (year === undefined || a.year === year),
    );

  it('quotes, from a reference row, a passage that is in that row’s note', () => {
    for (const a of MEASURE_ASSESSMENTS) {
      if (!('reference' in a.source) || !a.quote.locator.startsWith('reference row')) continue;
      const { key, jurisdiction, year } = a.source.reference;
      const row = mapped.find(
        (m) => m.row.key === key && m.row.jurisdiction === jurisdiction && m.row.year === year,
      );
      expect(row?.row.note ?? '').toContain(a.quote.text);
    }
  });

  it('keeps Pakistan’s trafficking/smuggling distinction at "announced": the thesis calls for the separation (2.7, 5.1.3)', () => {
    const [a] = find('smuggling_trafficking_legal_distinction', 'PK');
    expect(a?.level).toBe(1);
    expect(a?.quote.text).toMatch(/separating migrant smuggling from human trafficking/);
  });

  it('does not code Pakistan’s action plan as in force "with district targets" when its source states none', () => {
    expect(find('national_action_plan', 'PK').map((a) => a.level)).toEqual([1]);
  });

  it('codes the national referral mechanism at "announced" for Pakistan and assesses no Punjab mechanism', () => {
    expect(find('provincial_referral_mechanism', 'PK').map((a) => a.level)).toEqual([1]);
    expect(find('provincial_referral_mechanism', 'PK-PB')).toEqual([]);
  });

  it('does not code a shared victim data system on one reproduced sentence or on aggregate police statistics', () => {
    expect(find('victim_data_system', 'PK').map((a) => a.level)).toEqual([1]);
    expect(find('victim_data_system', 'ES')).toEqual([]);
  });

  it('does not code an anti-trafficking agreement as a labour-migration pathway', () => {
    const cited = find('bilateral_labour_pathways', 'PK').map((a) =>
      'reference' in a.source ? a.source.reference.key : a.source.citation.title,
    );
    expect(cited).toEqual(['bilateral_declaration_migration_greece']);
  });

  it('cites GRETA’s evaluation of Spain’s recovery and reflection period for its level 4', () => {
    const [a] = find('recovery_reflection_period', 'ES', 2018);
    if (a === undefined) throw new Error('no 2018 assessment of Spain’s recovery and reflection period');
    expect(a.level).toBe(4);
    expect(citationFor(a.source, mapped)).toMatchObject({ publisher: 'Council of Europe, GRETA' });
    expect(a.quote.locator).toMatch(/GRETA\(2018\)7/);
  });

  it.each([
    ['IT', 'GRETA publishes its third report on Italy', /new national action plan against trafficking/],
    ['ES', 'GRETA publishes its third report on Spain', /National Strategic Plan against Trafficking/],
  ])(
    'cites GRETA’s third evaluation of %s on its national action plan, at "in force" only',
    (j, title, quote) => {
      const [a] = find('national_action_plan', j, 2023);
      if (a === undefined) throw new Error(`no 2023 assessment of ${j}’s national action plan`);
      expect(a.level).toBe(3);
      expect(citationFor(a.source, mapped)).toMatchObject({ publisher: 'Council of Europe, GRETA', title });
      expect(a.quote.text).toMatch(quote);
    },
  );

  it('cites GRETA’s first evaluation of Italy on the residence permit, as known through a summary, at "in force"', () => {
    const [a] = find('residence_permit_unconditional', 'IT', 2014);
    if (a === undefined) throw new Error('no 2014 assessment of Italy’s residence permit');
    expect(a.level).toBe(3);
    expect(citationFor(a.source, mapped)).toMatchObject({
      publisher: 'Council of Europe, GRETA',
      kind: 'secondary',
    });
    expect(a.quote.locator).toMatch(/GRETA\(2014\)18, as summarised by/);
    expect(a.quote.text).toMatch(/on the basis of their personal situation and when co-operating/);
  });

  it('gives level 4 only where an evaluation is cited', () => {
    for (const a of MEASURE_ASSESSMENTS.filter((x) => x.level === 4))
      expect(citationFor(a.source, mapped).publisher).toMatch(/GRETA|audit|evaluation/i);
  });
});
