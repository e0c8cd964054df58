import { readFileSync } from 'node:fs';
import { INDICATORS, validateObservation } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv-rows.js';
import { jurisdictionTreeOfFile } from '../seed/jurisdictions-file.js';
import { mapReferenceCsv } from './rows.js';
import { storedBreakdown } from '../repos/observations.js';
import { REFERENCE_MAPPINGS, resolveReferenceRow, targetFor, type ReferenceRow } from './mapping.js';

const CSV = readFileSync(new URL('../../seed/reference-observations.csv', import.meta.url), 'utf8');
const csvRows = parseCsv(CSV).rows;
const tree = jurisdictionTreeOfFile();
const mapped = mapReferenceCsv(CSV, tree);
const csvKeys = new Set(csvRows.map((r) => r.values.indicator));

const row = (overrides: Partial<ReferenceRow>): ReferenceRow => ({
  line: 2,
  jurisdiction: 'ES',
  key: 'tip_tier',
  pillar: 'partnership',
  year: 2020,
  valueAsRead: '1',
  unit: 'tier (1, 2, 2.5=Tier 2 Watch List, 3)',
  sourceTitle: 'T',
  sourcePublisher: 'P',
  sourceYear: 2020,
  sourceLocator: null,
  note: '',
  ...overrides,
});

describe('REFERENCE_MAPPINGS', () => {
  it('maps every indicator key in the CSV, and only keys the CSV uses', () => {
    expect([...csvKeys].filter((key) => REFERENCE_MAPPINGS[key!] === undefined)).toEqual([]);
    expect(Object.keys(REFERENCE_MAPPINGS).filter((key) => !csvKeys.has(key))).toEqual([]);
  });

  it('gives every mapping and every row rule a rationale, and every rule applies to some row', () => {
    for (const [key, mapping] of Object.entries(REFERENCE_MAPPINGS)) {
      expect(mapping.rationale.length, key).toBeGreaterThan(10);
      for (const rule of mapping.rules ?? []) {
        expect(rule.rationale.length, key).toBeGreaterThan(10);
        expect(
          mapped.some((m) => m.row.key === key && rule.when(m.row)),
          `a rule of ${key} never applies`,
        ).toBe(true);
      }
    }
  });

  it('targets catalogue indicators, definition variants and disaggregations for every row', () => {
    const problems = mapped.flatMap(({ row, observation: o }) => {
      const result = validateObservation(
        {
          indicator: o.indicator,
          jurisdiction: o.jurisdiction,
          year: o.year,
          yearEnd: o.yearEnd,
          disaggregation: o.disaggregation,
          value: o.value,
          status: o.status,
          definition: o.definition,
          sourceId: 1,
        },
        { indicators: INDICATORS, jurisdictions: tree, currentYear: new Date().getUTCFullYear() },
      );
      return result.ok
        ? []
        : result.error.issues!.map((i) => `line ${row.line} (${row.key}) ${i.path}: ${i.message}`);
    });
    expect(problems).toEqual([]);
  });

  it('lists every unit each key is read in', () => {
    for (const { values } of csvRows) {
      expect(
        REFERENCE_MAPPINGS[values.indicator!]?.units[values.unit!],
        `${values.indicator} in ${values.unit}`,
      ).toBeDefined();
    }
  });

  it.each([
    ['criminal_organisations_dismantled_5yr', 2017, 2021],
    ['police_reports_trafficking_5yr', 2017, 2021],
    ['police_reports_exploitation_5yr', 2017, 2021],
    ['victims_exploitation_5yr', 2017, 2021],
    ['victims_identified_citco_trafficking_5yr', 2017, 2021],
    ['ec_registered_victims_2yr', 2017, 2018],
    ['ec_registered_victims_female_2yr', 2017, 2018],
    ['fia_arrests_3yr', 2018, 2021],
    ['fia_cases_registered_3yr', 2018, 2021],
    ['fia_convictions_3yr', 2018, 2021],
    ['fia_trafficking_cases_registered_kp_3yr', 2014, 2016],
    ['fia_ptpa_cases_2yr', 2023, 2024],
    ['fia_ptpa_convictions_2yr', 2023, 2024],
    ['fia_red_book_arrests_since_prior_edition', 2023, 2025],
    ['irregular_migration_deaths_gujranwala_div_2yr', 2017, 2018],
    ['sea_crossing_deaths_2yr', 2023, 2024],
    ['trafficker_assets_seized', 2023, 2024],
  ])('stores %s as the span %i-%i given in its note', (key, year, yearEnd) => {
    const spans = mapped
      .filter((m) => m.row.key === key)
      .map((m) => [m.observation.year, m.observation.yearEnd]);
    expect(spans).toEqual([[year, yearEnd]]);
  });

  it('stores every other row as an annual figure, except the Italian funding calls, which span two or three years', () => {
    const spans = mapped.filter((m) => m.observation.yearEnd !== m.observation.year);
    expect(spans).toHaveLength(21);
    expect(
      spans.filter((m) => m.row.key === 'victim_assistance_funding').map((m) => m.row.jurisdiction),
    ).toEqual(['IT', 'IT', 'IT', 'IT']);
  });

  it('gives a part-year figure its months and keeps every whole-year figure without a period', () => {
    const partYear = mapped
      .filter((m) => m.observation.period !== null && m.observation.year === m.observation.yearEnd)
      .map((m) => [m.row.key, m.observation.period]);
    expect(partYear.sort()).toEqual([
      ['fia_ahtc_cases_registered_zone', '2016/P11M'],
      ['fia_ahtc_enquiries_zone', '2016/P11M'],
      ['fia_arrests_trafficking_smuggling', '2022-01/2022-10'],
      ['fia_cases_registered', '2022-01/2022-10'],
      ['victims_identified', '2015-01/2015-06'],
      ['victims_identified', '2016-01/2016-06'],
      ['victims_identified', '2017-01/2017-08'],
    ]);
  });

  it('marks a figure under a non-comparable definition variant D (definition differs), unless the mapping says otherwise', () => {
    const exploitation = mapped.filter((m) => m.observation.definition === 'exploitation_only');
    expect(exploitation.length).toBeGreaterThan(0);
    expect(new Set(exploitation.map((m) => m.observation.status))).toEqual(new Set(['D']));
    const standard = mapped.filter((m) => m.observation.definition === 'standard');
    expect(standard.some((m) => m.observation.status === 'D')).toBe(false);
  });

  it('keeps FIA counts that mix trafficking with smuggling under the non-comparable variant', () => {
    const pakistan = mapped.filter(
      (m) =>
        m.row.jurisdiction === 'PK' &&
        ['trafficking_arrests', 'trafficking_convictions', 'fia_arrests_trafficking_smuggling'].includes(
          m.row.key,
        ),
    );
    expect(new Set(pakistan.map((m) => m.observation.definition))).toEqual(new Set(['thb_and_smuggling']));
  });

  it('splits Italy’s prosecution series by the articles the note names', () => {
    const italy = mapped
      .filter((m) => m.row.jurisdiction === 'IT' && m.row.key === 'trafficking_convictions')
      .map((m) => [m.row.year, m.observation.definition]);
    expect(italy).toEqual([
      [2017, 'standard'],
      [2018, 'standard'],
      [2020, 'arts600_602'],
      [2021, 'arts600_602'],
      [2022, 'arts600_602'],
    ]);
  });

  it('files Spain’s convicting sentences as judgments, not persons', () => {
    const [spain] = mapped.filter(
      (m) => m.row.key === 'trafficking_convictions' && m.row.jurisdiction === 'ES',
    );
    expect(spain?.observation).toMatchObject({
      indicator: 'sentences_handed_down',
      definition: 'convictions_only',
      value: 30,
    });
  });
});

describe('resolveReferenceRow', () => {
  it.each([
    [{ key: 'unknown_key' }, 'indicator key "unknown_key" has no mapping'],
    [{ unit: 'tiers' }, 'unit "tiers" is not one the mapping of "tip_tier" converts'],
    [{ valueAsRead: '1,5' }, 'value "1,5" is not a number'],
    [{ valueAsRead: '' }, 'value "" is not a number'],
  ])('rejects %o', (overrides, message) => {
    expect(resolveReferenceRow(row(overrides))).toEqual({
      ok: false,
      column: expect.any(String),
      message: { en: message, ur: expect.stringMatching(/[\u0600-\u06FF]/) },
    });
  });

  it('converts with the unit factor without floating-point noise', () => {
    const result = resolveReferenceRow(
      row({
        key: 'eurostat_registered_victims_per_million',
        unit: 'per million inhabitants',
        valueAsRead: '15',
      }),
    );
    expect(result.ok && result.value.value).toBe(1.5);
  });

  it('applies row rules on top of the key mapping', () => {
    const mapping = REFERENCE_MAPPINGS.trafficking_arrests!;
    expect(targetFor(row({ key: 'trafficking_arrests', jurisdiction: 'PK' }), mapping).definition).toBe(
      'thb_and_smuggling',
    );
    expect(
      targetFor(row({ key: 'trafficking_arrests', jurisdiction: 'IT' }), mapping).definition,
    ).toBeUndefined();
  });
});

describe('storedBreakdown', () => {
  it('writes keys in sorted order so the same cell always has the same text', () => {
    expect(storedBreakdown({ sex: 'female', exploitation_form: 'sexual' })).toBe(
      '{"exploitation_form":"sexual","sex":"female"}',
    );
    expect(storedBreakdown({})).toBe('{}');
  });
});
