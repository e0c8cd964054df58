import { REFERENCE_MAPPINGS, type KeyMapping, type ReferenceRow, type RowRule } from './mapping.js';

/*
 * How each key of apps/api/seed/additions-2026-11.csv maps onto the catalogue. Keys the reference file also uses
 * keep its mapping, with the rules these rows need on top.
 */

const persons = { persons: 1 } as const;
const FIA_GUJRANWALA_ZONE = 'PK-FIA-GUJRANWALA';
const noteMatches =
  (pattern: RegExp) =>
  (row: ReferenceRow): boolean =>
    pattern.test(row.note);
const unverified: RowRule = {
  when: noteMatches(/\bverify\b/i),
  target: { status: 'U', remark: 'Low reliability: the note asks to verify it against the primary table.' },
  rationale:
    'A figure whose note says it is unverified (a tertiary snippet or unclear provenance) is status U.',
};
const incident = (id: string) => ({ incident: id });
const shipwreck = (
  indicator: string,
  id: string,
  rationale: string,
  extra: Partial<KeyMapping> = {},
): KeyMapping => ({ indicator, disaggregation: incident(id), units: persons, rationale, ...extra });

const population = REFERENCE_MAPPINGS.population!;
/** The reference file's mapping of a key with the additions' own rules in place of the reference file's. */
const withRules = (mapping: KeyMapping, rules: readonly RowRule[]): KeyMapping => ({ ...mapping, rules });

export const ADDITIONS_MAPPINGS: Readonly<Record<string, KeyMapping>> = {
  population: withRules(population, [
    unverified,
    {
      when: noteMatches(/exact value behind the rounded/),
      target: {
        revises: { reason: 'The exact census count replaces the rounded figure of the same census.' },
      },
      rationale:
        'The gazette’s exact count supersedes the rounded count of the same census in the reference file; both stay on record.',
    },
    {
      when: noteMatches(/^FINAL 2017 census/),
      target: {
        revises: { reason: 'The final 2017 census count replaces the provisional count.' },
      },
      rationale: 'The final census result supersedes the provisional one of the same census.',
    },
    {
      when: (row) =>
        row.jurisdiction === 'IT' && noteMatches(/census-based \(permanent census\) - revises/)(row),
      target: {
        revises: {
          reason: 'ISTAT’s census-based count replaces the register-based count for 1 January 2020.',
        },
      },
      rationale: 'The census-based count supersedes the register count of the same date, as the note says.',
    },
    {
      when: noteMatches(/EXCLUDING Wazirabad/),
      target: { definition: 'post_split_boundaries' },
      rationale:
        'The 2023 census re-tabulated for the district without Wazirabad is a different area from the census district: its own variant.',
    },
  ]),
  population_padron: {
    indicator: 'population',
    definition: 'municipal_register',
    units: persons,
    rationale: 'Spain’s municipal register (Padrón) on 1 January: kept apart from INE’s population estimate.',
  },
  admin_districts_count: {
    indicator: 'administrative_units',
    units: { districts: 1 },
    rationale: 'Number of districts in Punjab at the notification date.',
  },
  admin_divisions_count: {
    indicator: 'administrative_units',
    definition: 'divisions',
    units: { divisions: 1 },
    rationale: 'Number of divisions: the divisions variant.',
  },
  admin_tehsils_count: {
    indicator: 'administrative_units',
    definition: 'tehsils',
    units: { tehsils: 1 },
    rationale: 'Number of tehsils: the tehsils variant.',
  },
  beoe_registered_emigrants: {
    indicator: 'registered_emigrants',
    units: { persons: 1, 'persons (lower bound)': 1 },
    rationale: 'Workers registered with the Bureau of Emigration in the year, by domicile.',
    rules: [
      {
        when: noteMatches(/Jan-Nov 2023/),
        target: { months: { first: 1, last: 11 }, remark: 'January to November only.' },
        rationale: 'The note gives January-November 2023: a part-year span, never annual.',
      },
      {
        when: (row) => row.unit === 'persons (lower bound)',
        target: { remark: 'A lower bound ("more than"), rounded.' },
        rationale: 'Read as a lower bound; the unit says so, the value is kept as read.',
      },
    ],
  },
  beoe_registered_emigrants_5yr: {
    indicator: 'registered_emigrants',
    period: [-5, 0],
    months: { first: 1, last: 2 },
    units: persons,
    rationale: 'Cumulative January 2013 to February 2018 per the note: a 62-month span.',
  },
  pylos_shipwreck_deaths_confirmed: shipwreck(
    'migrant_deaths_by_origin',
    'pylos_2023',
    'Confirmed deaths in the Pylos shipwreck (June 2023) by district or tehsil of origin.',
  ),
  pylos_shipwreck_pakistani_deaths_confirmed: shipwreck(
    'migrant_deaths_by_origin',
    'pylos_2023',
    'Confirmed Pakistani deaths in the Pylos shipwreck.',
  ),
  pylos_shipwreck_missing_residents_min: shipwreck(
    'migrants_missing',
    'pylos_2023',
    'Residents missing after Pylos; a lower bound ("more than 12").',
    { remark: 'A lower bound.' },
  ),
  pylos_shipwreck_pakistani_survivors: shipwreck(
    'shipwreck_survivors_by_origin',
    'pylos_2023',
    'Pakistani survivors of Pylos on the Foreign Office list.',
  ),
  pylos_shipwreck_pakistani_victims_min: shipwreck(
    'migrants_on_board_by_origin',
    'pylos_2023',
    'At least 350 Pakistanis on board (the minister’s "victims": on board, presumed dead): an on-board count.',
    { remark: 'A lower bound, stated in the days after the wreck.' },
  ),
  gavdos_shipwreck_deaths_confirmed: shipwreck(
    'migrant_deaths_by_origin',
    'gavdos_2024',
    'Identified dead of the Gavdos shipwreck (Dec 2024) by district of origin.',
  ),
  gavdos_shipwreck_pakistanis_missing: shipwreck(
    'migrants_missing',
    'gavdos_2024',
    'Pakistanis missing, presumed dead, after the Gavdos shipwreck.',
  ),
  gavdos_shipwreck_pakistanis_on_board: shipwreck(
    'migrants_on_board_by_origin',
    'gavdos_2024',
    'Pakistanis on board the Gavdos boats per the ambassador.',
  ),
  gavdos_shipwreck_pakistanis_rescued: shipwreck(
    'shipwreck_survivors_by_origin',
    'gavdos_2024',
    'Pakistanis rescued alive after the Gavdos shipwreck.',
  ),
  gavdos_shipwreck_survivors_4_districts_min: shipwreck(
    'shipwreck_survivors_by_origin',
    'gavdos_2024',
    'Survivors from four districts together (Gujranwala, Sialkot, Gujrat, Mandi Bahauddin), a lower bound: filed under Punjab as read, not a Punjab total.',
    { remark: 'Four districts together, a lower bound: not all of Punjab.' },
  ),
  cutro_shipwreck_pakistani_deaths_initial_report: shipwreck(
    'migrant_deaths_by_origin',
    'cutro_2023',
    'The embassy’s first report of 28 Pakistani dead (Cutro, Feb 2023), later corrected: the early-report variant.',
    { definition: 'initial_report' },
  ),
  cutro_shipwreck_pakistanis_missing: shipwreck(
    'migrants_missing',
    'cutro_2023',
    'The Foreign Office count (4 missing of 20 on board) that corrected the first report: recorded as its revision.',
    {
      revises: {
        key: 'cutro_shipwreck_pakistani_deaths_initial_report',
        reason:
          'The Foreign Office (20 on board, 16 survived, 4 missing) corrected the first report of 28 dead.',
      },
    },
  ),
  cutro_shipwreck_pakistani_survivors: shipwreck(
    'shipwreck_survivors_by_origin',
    'cutro_2023',
    'Pakistani survivors of the Cutro shipwreck per the Foreign Office.',
  ),
  greece_shipwreck_fia_cases: REFERENCE_MAPPINGS.greece_shipwreck_fia_cases!,
  greece_shipwreck_smugglers_arrested: {
    indicator: 'persons_arrested',
    definition: 'thb_and_smuggling',
    disaggregation: incident('pylos_2023'),
    units: persons,
    rationale: 'Smugglers the FIA arrested over the Pylos shipwreck: one incident, smuggling.',
  },
  fia_human_trafficking_cases_zone_month: {
    indicator: 'cases_registered',
    definition: 'thb_and_smuggling',
    jurisdiction: FIA_GUJRANWALA_ZONE,
    months: { first: 8, last: 8 },
    units: { cases: 1 },
    remark: 'FIA Gujranwala Zone, August 2024 only; filed under Gujrat in the CSV.',
    rationale: 'One month of the FIA zone (mostly migrant smuggling): the zone unit, an August span.',
  },
  fia_human_trafficking_arrests_zone_month: {
    indicator: 'persons_arrested',
    definition: 'thb_and_smuggling',
    jurisdiction: FIA_GUJRANWALA_ZONE,
    units: persons,
    rationale: 'Monthly FIA zone arrests: the zone unit, with the months the note gives.',
    rules: [
      {
        when: noteMatches(/AUGUST 2024/),
        target: { months: { first: 8, last: 8 } },
        rationale: 'August 2024 only.',
      },
      {
        when: noteMatches(/1-23 January 2025/),
        target: { months: { first: 1, last: 1 }, remark: '1-23 January 2025: part of a month.' },
        rationale: '1-23 January 2025: stored as January, marked part of the month in the note.',
      },
    ],
  },
  fia_offloaded_passengers_airport_month: {
    indicator: 'offloaded_passengers',
    months: { length: 1 },
    units: persons,
    remark: 'Sialkot airport, "past month" (about late December 2024 to January 2025).',
    rationale: 'One month at one airport: a one-month span from 2024, start day not given.',
  },
  fia_red_book_fugitives: REFERENCE_MAPPINGS.fia_red_book_fugitives!,
  fia_red_book_most_wanted_new: REFERENCE_MAPPINGS.fia_red_book_most_wanted_new!,
  fia_red_book_most_wanted_zone: {
    indicator: 'most_wanted_traffickers',
    jurisdiction: FIA_GUJRANWALA_ZONE,
    units: persons,
    remark: 'FIA Gujranwala Zone share of a Red Book edition; filed under Gujrat in the CSV.',
    rationale: 'A zone figure: filed under the FIA zone, never a district.',
  },
  sea_arrivals_declared_pakistani_ytd: {
    indicator: 'sea_arrivals_declared_nationals',
    disaggregation: { nationality: 'pk' },
    units: persons,
    rationale: 'Sea arrivals in Italy declaring Pakistani nationality, year to date: a part-year span.',
    rules: [
      {
        when: (row) => row.year === 2023,
        target: { months: { first: 1, last: 11 }, remark: '1 January to early December 2023.' },
        rationale: 'To early December: stored as January-November, the whole months covered.',
      },
      {
        when: (row) => row.year === 2024,
        target: { months: { first: 1, last: 8 }, remark: '1 January to 28 August 2024.' },
        rationale: 'To 28 August 2024: January-August.',
      },
    ],
  },
};
