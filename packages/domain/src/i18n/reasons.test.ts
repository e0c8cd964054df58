import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale.js';
import { REASON_TEMPLATES, renderReason, spanInUrdu, type Reason, type ReasonCode } from './reasons.js';

const EXAMPLES: { [K in ReasonCode]: Extract<Reason, { code: K }>['params'] } = {
  definition_not_in_catalogue: { jurisdiction: 'PK', definition: 'x' },
  definition_not_comparable: { jurisdiction: 'PK', label: 'FIA', note: 'Mixed.' },
  definitions_differ: { base: 'PK', baseLabel: null, other: 'IT', otherLabel: 'Other' },
  part_year: { partial: 'PK', partialSpan: 'Jan–Jun 2023', annual: 'IT', annualSpan: '2023' },
  spans_differ: { base: 'PK', baseSpan: '2022', other: 'IT', otherSpan: '2021–2022' },
  explained: { text: 'as written' },
  count_not_per_resident: { indicator: 'Victims' },
  absolute_counts: { base: 'PK', other: 'IT' },
  units_differ: { base: 'PK', baseUnit: 'PKR', other: 'IT', otherUnit: 'EUR' },
  amounts_not_adjusted: { unit: 'PKR' },
  levels_differ: {
    base: { jurisdiction: 'PK-PB-GUJ', level: 'district', standsInFor: null },
    other: { jurisdiction: 'IT', level: 'country', standsInFor: null },
  },
  profiles_differ: {
    base: 'PK',
    baseProfile: 'source',
    other: 'IT',
    otherProfile: 'destination',
    indicator: 'V',
  },
  source_quality: { issues: [{ kind: 'low_reliability', jurisdiction: 'PK' }], grade: 'B' },
  no_figure: { base: true, other: 'IT', year: 2022 },
  suppressed: { jurisdiction: 'PK' },
  not_same_unit: { jurisdiction: 'PK' },
  grade_c: {},
  neutral_direction: {},
  intervals_overlap: { base: 'PK 1–2', other: 'IT 1.5–3' },
  measures_detection: { indicator: 'V' },
  stand_in: { shown: 'PK-PB', base: 'PK-PB-GUJ' },
  base_has_no_figure: { base: 'Gujrat', indicator: 'Victims', used: 'Punjab' },
  not_scored_neutral: {},
  not_scored_rank: {},
  not_scored_no_reference: {},
  no_own_figure: { jurisdiction: 'PK', year: 2022 },
  not_a_step: { value: 4, scale: 'tiers' },
  progress_no_later_figure: { baselineYear: 2020 },
  progress_rank_without_scale: {},
  progress_target_met: { latest: { year: 2023, value: 5 }, target: 4 },
  progress_no_longer_met: { baseline: { year: 2020, value: 3 }, latest: { year: 2023, value: 5 }, target: 4 },
  progress_yes_no_not_yet: { year: 2023 },
  progress_placement_moved: {
    baseline: { year: 2020, value: 3 },
    latest: { year: 2023, value: 2 },
    target: 1,
  },
  progress_too_few_figures: { points: 2, from: 2020, to: 2023, minimum: 3 },
  progress_counts_too_small: { mean: '2.5', minimum: 10 },
  progress_slope: {
    points: 4,
    from: 2020,
    to: 2023,
    actual: '1.20',
    percent: '60',
    required: '2.00',
    target: { year: 2025, value: 12 },
  },
  observation_invalid_fields: {},
  observation_does_not_fit: {},
  unknown_indicator: { indicator: 'x' },
  unknown_jurisdiction: { jurisdiction: 'XX' },
  jurisdiction_not_then: { jurisdiction: 'PK-PB-GUJ', from: '2022-01-01', to: null, year: 2020 },
  year_out_of_range: { min: 1990, max: 2026, value: 1980 },
  year_end_before_year: { yearEnd: 2020, year: 2021 },
  year_end_too_late: { max: 2026, value: 2030 },
  value_not_a_count: { indicator: 'victims_identified', unit: 'persons', value: 1.5 },
  value_negative_percent: { indicator: 'p', value: -1 },
  value_not_a_percent: { indicator: 'p', value: 101 },
  value_not_yes_no: { indicator: 'y', value: 2 },
  value_out_of_range: { indicator: 'tip_tier', min: 1, max: 3, value: 4 },
  value_negative: { indicator: 'r', value: -2 },
  breakdown_not_allowed: { indicator: 'v', dimension: 'sex', allowed: [] },
  unknown_definition: { definition: 'd', indicator: 'v', known: ['standard'] },
  outlier: { value: 90, times: '3.0', previousValue: 30 },
  score_withheld: { own: 1, scorable: 4, jurisdiction: 'PK', minimum: 2, framework: 1 },
  workflow_not_from_state: { state: 'draft', event: 'publish' },
  workflow_locked: {},
  workflow_same_submitter: {},
  workflow_same_editor: {},
  workflow_reason_required: { event: 'reject', minimum: 5 },
  workflow_not_locked: {},
  workflow_reason_too_short: { minimum: 5 },
  auth_sign_in: {},
  auth_role_may_not: { role: 'donor', action: 'observation.publish' },
  auth_no_jurisdiction: { action: 'observation.create' },
  auth_out_of_scope: {
    role: 'district_official',
    scope: 'PK-PB-GUJ',
    action: 'observation.create',
    jurisdiction: 'IT',
  },
  source_exactly_one: {},
  source_title_required: {},
  source_title_empty: {},
  source_publisher_required: {},
  source_publisher_empty: {},
  source_id_not_positive: {},
  year_not_a_number: { field: 'year' },
  year_not_whole: { field: 'yearEnd' },
  value_not_finite: {},
  target_after_baseline: {},
  from_after_to: {},
  category_not_snake_case: {},
  category_not_in_code_list: {
    dimension: 'sex',
    category: 'women',
    list: 'Sex',
    allowed: ['female', 'male'],
  },
  jurisdiction_id_format: {},
  indicator_id_format: {},
  measure_id_format: {},
  cursor_format: {},
  email_format: {},
  field_required: { field: 'email' },
  token_name_required: {},
  token_too_long: { days: 90 },
  breakdown_not_a_pair: { part: 'sex' },
  breakdown_dimension_twice: { dimension: 'sex' },
  breakdown_malformed: { dimensions: ['sex', 'age_group'] },
  breakdown_categories: {
    problems: [{ dimension: 'nationality', category: 'pakistani', list: 'Citizenship', allowed: null }],
  },
  period_not_months: { period: '2015' },
  period_start_year: { period: '2015/P6M', year: 2016 },
  period_ends_before_start: { period: '2015-06/2015-01' },
  period_years: { period: '2015-01/2015-06', year: 2016, yearEnd: 2016 },
  unit_listed_twice: { id: 'PK-PB-GUJ-X' },
  unit_closes_before_opening: { id: 'PK-PB-GUJ-X', from: '2020-01-01', to: '2019-01-01' },
  unit_unknown_parent: { id: 'PK-PB-GUJ-X', parent: 'PK-PB-NOPE' },
  unit_period_reversed: { parent: 'PK-PB-GUJ' },
  unit_period_outside_life: { id: 'PK-PB-GUJ-X', parent: 'PK-PB-GUJ', from: '2020-01-01', to: null },
  unit_parent_not_alive: { id: 'PK-PB-GUJ-X', parent: 'PK-PB-GUJ' },
  unit_periods_overlap: { id: 'PK-PB-GUJ-X', parent: 'PK-PB-GUJ', next: 'PK-PB-SKT' },
  unit_below_itself: { id: 'PK-PB-GUJ-X' },
  unit_exists: { id: 'PK-PB-GUJ-X' },
  unit_already_closed: { id: 'PK-PB-GUJ-X', on: '2021-06-30' },
  unit_field_required: { id: 'PK-PB-GUJ-X', field: 'name_ur' },
  unit_has_open_children: { id: 'PK-PB-GUJ', children: ['PK-PB-GUJ-KHR', 'PK-PB-GUJ-SMR'] },
  missing_population: { jurisdiction: 'PK-PB-GUJ', years: 2, year: 2015, neither: true },
  derived_exceeds: {
    jurisdiction: 'PK-PB-GUJ',
    year: 2022,
    numerator: { id: 'convictions', name: { en: 'Convictions', ur: 'سزائیں' }, value: 12 },
    denominator: { id: 'prosecutions', name: { en: 'Prosecutions', ur: 'مقدمات' }, value: 10 },
    ratio: 120,
    indicator: 'Conviction rate',
  },
};
const CODES = Object.keys(EXAMPLES) as ReasonCode[];
const reasonOf = (code: ReasonCode) => ({ code, params: EXAMPLES[code] }) as Reason;
const URDU_LETTERS = /[\u0600-\u06FF]/;

describe('reason templates', () => {
  it('has a template for every reason code in every locale', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(REASON_TEMPLATES[locale]).sort()).toEqual([...CODES].sort());
    }
  });

  it.each(CODES.filter((c) => c !== 'explained'))('%s reads as Urdu in Urdu and keeps its codes', (code) => {
    const en = renderReason(reasonOf(code), 'en');
    const ur = renderReason(reasonOf(code), 'ur');
    expect(ur).not.toBe(en);
    expect(ur).toMatch(URDU_LETTERS);
    expect(en).not.toMatch(URDU_LETTERS);
    for (const id of ['PK', 'IT', 'PK-PB-GUJ']) if (en.includes(`${id} `)) expect(ur).toContain(id);
  });

  it('renders English by default', () => {
    expect(renderReason(reasonOf('grade_c'))).toBe(
      'Not comparable (grade C): shown, but not assessed or scored',
    );
  });
});

describe('spans in Urdu', () => {
  it('writes the months, their count and a cumulative span in Urdu, keeping the years', () => {
    expect(spanInUrdu('Apr 2023–May 2023 (2 months)')).toBe('اپریل 2023–مئی 2023 (2 ماہ)');
    expect(spanInUrdu('2017–2021 (cumulative)')).toBe('2017–2021 (مجموعی)');
    expect(spanInUrdu('2022 (17 months from a start month not given)')).toBe(
      '2022 (17 ماہ، آغاز کا مہینہ نامعلوم)',
    );
    expect(spanInUrdu('2015')).toBe('2015');
  });
});
