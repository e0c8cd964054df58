import type { LocalisedDetail } from '../errors.js';
import { say } from '../i18n/messages.js';
import { findIndicator, STANDARD_DEFINITION, type Disaggregation, type ObsStatus } from '@fourp/domain';
import { statusFor } from './source-kind.js';

/** One row of apps/api/seed/reference-observations.csv, typed; `line` is the CSV line it came from. */
export type ReferenceRow = {
  line: number;
  jurisdiction: string;
  key: string;
  pillar: string;
  year: number;
  valueAsRead: string;
  unit: string;
  sourceTitle: string;
  sourcePublisher: string;
  sourceYear: number | null;
  sourceLocator: string | null;
  note: string;
};

export type MappingTarget = {
  indicator: string;
  definition?: string;
  disaggregation?: Disaggregation;
  /** Offsets from the CSV year to the first and last year the figure covers; [0, 0] (annual) when absent. */
  period?: readonly [number, number];
  /**
   * The months covered when not whole years: the first month of the first year and the last month of the last,
   * or only the length when the source gives no start month. Stored as an ISO 8601 period (`2015-01/2015-06`).
   */
  months?: { first: number; last: number } | { length: number };
  jurisdiction?: string;
  status?: ObsStatus;
  /**
   * This figure replaces others, which stay on record marked superseded: those of the same cell, or those read
   * from rows of `key` for the same jurisdiction and year; `reason` is the revision's recorded reason.
   */
  revises?: { reason: string; key?: string };
  /** Added to the row's note so the product shows why the figure sits where it does. */
  remark?: string;
};

export type RowRule = {
  when: (row: ReferenceRow) => boolean;
  target: Partial<MappingTarget>;
  rationale: string;
};

export type KeyMapping = MappingTarget & {
  /** Every unit the key is read in, with the factor that converts it to the catalogue unit. */
  units: Readonly<Record<string, number>>;
  rationale: string;
  rules?: readonly RowRule[];
};

const persons = { persons: 1 } as const;
const inJurisdiction =
  (id: string) =>
  (row: ReferenceRow): boolean =>
    row.jurisdiction === id;
const noteMatches =
  (pattern: RegExp) =>
  (row: ReferenceRow): boolean =>
    pattern.test(row.note);
/** The FIA's Gujranwala zone: an FIA unit, not a civil division, so its figures are filed under the zone. */
const FIA_GUJRANWALA_ZONE = 'PK-FIA-GUJRANWALA';
const THREE_YEARS_TO_APRIL_2021 = { period: [-3, 0], months: { first: 5, last: 4 } } as const;
const ITALY_ARTS_600_602 = /Arts?\.\s*600(-602|,\s*601,\s*602)/;
const fiaMixed = {
  when: inJurisdiction('PK'),
  target: { definition: 'thb_and_smuggling' },
  rationale: 'Pakistani counts come from the FIA, which records trafficking together with migrant smuggling.',
} as const satisfies RowRule;
const italyArts600To602 = {
  when: (row: ReferenceRow) => row.jurisdiction === 'IT' && ITALY_ARTS_600_602.test(row.note),
  target: { definition: 'arts600_602' },
  rationale:
    'From TIP 2023 Italy reports Arts. 600-602 together; the note says so and the series is kept apart.',
} as const satisfies RowRule;

/** Every indicator key in the reference CSV, mapped onto the catalogue; an unmapped key fails the load. */
export const REFERENCE_MAPPINGS: Readonly<Record<string, KeyMapping>> = {
  // context
  population: {
    indicator: 'population',
    units: { persons: 1, million: 1_000_000 },
    rationale: 'Census or register population; figures read in millions are converted to persons.',
    rules: [
      {
        when: inJurisdiction('IT'),
        target: {
          period: [1, 1],
          remark: 'Filed under the year of 1 January: the file labels it by the 31 December before.',
        },
        rationale:
          'One convention for every population: the 1 January reference date (Eurostat’s, and the additions’). This file labels Italy by 31 December, so its "2022" (58,997,201) is 1 January 2023.',
      },
      {
        when: (row) => row.jurisdiction === 'IT' && row.year === 2023,
        target: {
          revises: {
            reason:
              'ISTAT’s census-based final count for 31 December 2023 replaces its provisional 1 January 2024 estimate.',
          },
        },
        rationale:
          'The final census-based figure supersedes the provisional estimate of the same date (additions file).',
      },
    ],
  },
  gsi_people_in_modern_slavery: {
    indicator: 'people_in_modern_slavery',
    status: 'E',
    units: persons,
    rationale: 'Global Slavery Index prevalence estimate: a modelled estimate, so status E.',
    rules: [
      {
        when: noteMatches(/reference 2016/),
        target: {
          period: [-2, -2],
          remark: 'Filed under 2016, the reference year of the GSI 2018 estimate; 2018 is the edition.',
        },
        rationale:
          'The README defines year as the year the figure refers to; the note gives 2016 for GSI 2018.',
      },
    ],
  },
  forced_labour_estimate_tip: {
    indicator: 'people_in_modern_slavery',
    definition: 'forced_labour_only',
    status: 'E',
    units: { 'million workers': 1_000_000 },
    rationale:
      'Forced-labour estimate quoted from the TIP report: a narrower scope than GSI, and an estimate.',
  },
  greece_shipwreck_pakistani_deaths: {
    indicator: 'migration_deaths',
    units: persons,
    remark: 'One shipwreck (Pylos, June 2023) and a lower bound ("over 250"): not the year total.',
    rationale: 'Deaths on an irregular sea route; kept annual but marked as one incident and a lower bound.',
  },
  sea_crossing_deaths_2yr: {
    indicator: 'migration_deaths',
    period: [-1, 0],
    units: persons,
    rationale:
      'Two-year total ("past two years" to Dec 2024): stored as 2023-2024, never as an annual value.',
  },
  irregular_migration_deaths_gujranwala_div_2yr: {
    indicator: 'migration_deaths',
    period: [-2, -1],
    units: persons,
    remark: 'Gujranwala Division and adjoining districts only, not all of Punjab.',
    rationale:
      'Reported in Feb 2019 for the "past two years" (about 2017-2018). Covers the division plus neighbouring districts, so it stays under Punjab rather than the division.',
  },
  greece_shipwreck_missing_gujranwala_region: {
    indicator: 'migrants_missing',
    jurisdiction: FIA_GUJRANWALA_ZONE,
    units: persons,
    remark:
      'Filed under Punjab in the reference CSV; the FIA spokesperson counts the Gujranwala region (zone).',
    rationale:
      'An FIA count for its Gujranwala region (the zone covering Gujrat): a zone figure, so the FIA zone holds it, not the Gujranwala district.',
  },
  greece_shipwreck_missing_residents: {
    indicator: 'migrants_missing',
    units: persons,
    rationale: 'Gujrat residents missing after the Pylos shipwreck: exactly this indicator.',
  },
  designated_trafficking_hotspot_district: {
    indicator: 'trafficking_hotspot_designation',
    units: { 'flag (1=yes)': 1 },
    rationale: 'Yes/no flag, 1 = designated.',
  },

  // prevention
  awareness_campaign_hotspot_districts: {
    indicator: 'awareness_campaign_districts',
    units: { districts: 1 },
    rationale: 'Districts covered by the UNODC/FIA campaign.',
  },
  public_awareness_heard_of_trafficking: {
    indicator: 'public_awareness_of_trafficking',
    units: { 'percent of respondents': 1 },
    rationale: 'Survey share who had heard of trafficking.',
  },
  national_action_plan_adopted: {
    indicator: 'national_action_plan_in_force',
    units: { 'flag (1=adopted)': 1 },
    rationale: 'A plan adopted for a period that includes the year is in force that year.',
  },
  labour_inspections_police: {
    indicator: 'labour_inspections',
    definition: 'police_labour_inspections',
    units: { inspections: 1 },
    rationale: 'Workplace inspections by police and Civil Guard, not labour inspectorate visits.',
  },
  prostitution_venue_inspections: {
    indicator: 'exploitation_venue_inspections',
    units: { inspections: 1 },
    rationale: 'Inspections of premises where sexual exploitation is a risk.',
  },
  persons_at_risk_identified_prostitution: {
    indicator: 'persons_at_risk_identified',
    disaggregation: { exploitation_form: 'sexual' },
    units: persons,
    rationale:
      'Persons at risk found in prostitution settings; workers at risk found in labour inspections are a separate figure, so this is the sexual-exploitation part, not the total.',
  },

  // protection
  victims_identified: {
    indicator: 'victims_identified',
    units: persons,
    rationale: 'Victims identified as reported in the TIP report (or a reproduction of it).',
    rules: [
      {
        when: noteMatches(/^first six months of/),
        target: {
          months: { first: 1, last: 6 },
          remark: 'January to June only: a part-year count, never an annual value.',
        },
        rationale:
          'TIP 2017 gives Spain’s 2015 (169) and 2016 (85) for the first six months only, as the notes say: stored as the span January–June.',
      },
      {
        when: noteMatches(/^first eight months of/),
        target: {
          months: { first: 1, last: 8 },
          remark: 'January to August only: a part-year count, not revised by the whole-year figure.',
        },
        rationale:
          'TIP 2018’s 173 counts January–August 2017; TIP 2019’s 213 counts the whole year. Different periods, so 213 does not revise 173: both stay current, each in its own span.',
      },
      {
        when: (row) => row.jurisdiction === 'PK' && /\bverify\b/i.test(row.note),
        target: {
          status: 'U',
          remark: 'Low reliability: quoted in a reader’s letter and not yet checked against the TIP report.',
        },
        rationale:
          'A reader’s letter quoting the TIP report, which the note says to verify: SDMX status U (low reliability); the source is a secondary reproduction.',
      },
    ],
  },
  victims_identified_citco_trafficking: {
    indicator: 'victims_identified',
    definition: 'citco_police',
    units: persons,
    rationale:
      'CITCO victims of trafficking networks only (exploitation without a network excluded). The police series is its own definition variant, so Spain has one current value per definition and year, never the TIP and police figures spliced.',
  },
  victims_identified_citco_trafficking_5yr: {
    indicator: 'victims_identified',
    definition: 'citco_police',
    period: [-4, 0],
    units: persons,
    rationale: 'Cumulative 2017-2021 per the note: a five-year span, never an annual value.',
  },
  victims_identified_citco_sex_trafficking: {
    indicator: 'victims_identified',
    definition: 'citco_police',
    disaggregation: { exploitation_form: 'sexual' },
    units: persons,
    rationale: 'CITCO trafficking victims, sexual exploitation part.',
  },
  victims_identified_citco_labor_trafficking: {
    indicator: 'victims_identified',
    definition: 'citco_police',
    disaggregation: { exploitation_form: 'labour' },
    units: persons,
    rationale: 'CITCO trafficking victims, labour exploitation part.',
  },
  victims_identified_sex: {
    indicator: 'victims_identified',
    disaggregation: { exploitation_form: 'sexual' },
    units: persons,
    rationale: 'TIP sex-trafficking victims: the sexual exploitation part of victims identified.',
  },
  victims_identified_labor: {
    indicator: 'victims_identified',
    disaggregation: { exploitation_form: 'labour' },
    units: persons,
    rationale: 'TIP labour-trafficking victims: the labour exploitation part of victims identified.',
  },
  victims_freed_trafficking_and_exploitation: {
    indicator: 'victims_identified',
    definition: 'trafficking_and_exploitation',
    units: persons,
    rationale: 'CITCO "freed" totals mix trafficking with exploitation without a network: not comparable.',
  },
  victims_sexual_exploitation_rescued: {
    indicator: 'victims_identified',
    definition: 'exploitation_only',
    disaggregation: { exploitation_form: 'sexual' },
    units: persons,
    rationale:
      'Victims of sexual exploitation without a trafficking network: outside the trafficking definition, kept as its own variant (CITCO freed total = trafficking + these).',
  },
  victims_labour_exploitation_rescued: {
    indicator: 'victims_identified',
    definition: 'exploitation_only',
    disaggregation: { exploitation_form: 'labour' },
    units: persons,
    rationale: 'Victims of labour exploitation without a trafficking network; variant as above.',
  },
  victims_exploitation_5yr: {
    indicator: 'victims_identified',
    definition: 'exploitation_only',
    period: [-4, 0],
    units: persons,
    rationale: 'Cumulative 2017-2021 victims of exploitation (not trafficking) per the note.',
  },
  victims_fge_sex_trafficking: {
    indicator: 'victims_identified',
    definition: 'presumed_victims',
    disaggregation: { exploitation_form: 'sexual' },
    units: persons,
    rationale:
      'Victims named in prosecutors’ (FGE) files before any judgment: a different stage from police identification, so kept as presumed victims.',
  },
  victims_fge_sex_trafficking_presumed: {
    indicator: 'victims_identified',
    definition: 'presumed_victims',
    disaggregation: { exploitation_form: 'sexual' },
    units: persons,
    rationale: 'The note says presumed victims in FGE follow-up files.',
  },
  victims_fge_labour_trafficking: {
    indicator: 'victims_identified',
    definition: 'presumed_victims',
    disaggregation: { exploitation_form: 'labour' },
    units: persons,
    rationale: 'Labour-trafficking victims in FGE files; presumed victims as for the sexual series.',
  },
  victims_newly_identified_alt: {
    indicator: 'victims_identified',
    definition: 'trafficking_and_exploitation',
    units: persons,
    rationale:
      '"New victims of trafficking and exploitation" (Save the Children); the note calls it a wider count than SIRIT intake, so it is kept out of trafficking-only series.',
  },
  ec_registered_victims_2yr: {
    indicator: 'victims_identified',
    definition: 'registered_victims',
    period: [-1, 0],
    units: persons,
    rationale: 'Eurostat/EC registered (identified + presumed) victims, cumulative 2017+2018.',
  },
  ec_registered_victims_female_2yr: {
    indicator: 'victims_identified',
    definition: 'registered_victims',
    disaggregation: { sex: 'female' },
    period: [-1, 0],
    units: persons,
    rationale: 'Female registered victims, cumulative 2017+2018.',
  },
  eurostat_registered_victims: {
    indicator: 'victims_identified',
    definition: 'registered_victims',
    units: persons,
    rationale: 'Eurostat registered victims.',
  },
  eurostat_registered_victims_sexual_exploitation: {
    indicator: 'victims_identified',
    definition: 'registered_victims',
    disaggregation: { exploitation_form: 'sexual' },
    units: persons,
    rationale: 'Eurostat registered victims, sexual exploitation.',
  },
  eurostat_registered_victims_forced_labour: {
    indicator: 'victims_identified',
    definition: 'registered_victims',
    disaggregation: { exploitation_form: 'labour' },
    units: persons,
    rationale: 'Eurostat registered victims, forced labour or services (labour exploitation).',
  },
  eurostat_registered_victims_other_exploitation: {
    indicator: 'victims_identified',
    definition: 'registered_victims',
    disaggregation: { exploitation_form: 'other' },
    units: persons,
    rationale: 'Eurostat registered victims, other forms; the total is not derived from the three forms.',
  },
  eurostat_registered_victims_per_million: {
    indicator: 'victims_identified_per_100k',
    definition: 'registered_victims',
    units: { 'per million inhabitants': 0.1 },
    rationale: 'A rate read from Eurostat, per million; divided by 10 for per 100,000. Not recomputed.',
  },
  greta_possible_victims_detected_per_year_min: {
    indicator: 'victims_identified',
    definition: 'possible_victims_detected_min',
    units: { 'persons per year': 1 },
    rationale:
      'Lower bound of GRETA’s per-year range; bounds are separate variants so neither reads as a count.',
  },
  greta_possible_victims_detected_per_year_max: {
    indicator: 'victims_identified',
    definition: 'possible_victims_detected_max',
    units: { 'persons per year': 1 },
    rationale: 'Upper bound of GRETA’s per-year range.',
  },
  potential_victims_at_migration_centres: {
    indicator: 'victims_identified',
    definition: 'migration_centre_screening',
    units: persons,
    rationale: 'Persons flagged as likely victims at migration centres.',
  },
  victims_in_protection_programmes: {
    indicator: 'victims_in_assistance',
    units: persons,
    rationale: 'Victims in the national anti-trafficking protection system during the year (stock).',
  },
  victims_assisted: {
    indicator: 'victims_in_assistance',
    definition: 'potential_victims_assisted',
    units: persons,
    rationale:
      'TIP: potential victims assisted by government-funded NGOs, not separated from other exploitation; differs from the national system’s caseload for the same years, so kept as a variant.',
  },
  victims_newly_taken_into_care: {
    indicator: 'victims_newly_assisted',
    units: persons,
    rationale: 'SIRIT new intakes ("nuove prese in carico") in the year.',
  },
  victim_assistance_funding: {
    indicator: 'victim_assistance_funding',
    units: { 'EUR million': 1 },
    rationale: 'Public funds for victim assistance; Italian calls cover 15-17 months, as the notes say.',
    rules: [
      {
        when: (row) => row.jurisdiction === 'IT' && row.year === 2017 && /21 projects in 2017/.test(row.note),
        target: {
          period: [0, 2],
          months: { first: 12, last: 2 },
          remark: 'The 2017 call: 15-month projects from 1 December 2017 (not a yearly budget).',
        },
        rationale:
          'The EUR 22.5m of the 2017 call funds 15-month projects from 1 Dec 2017 (the ONERPO row on the same call says so): stored as Dec 2017–Feb 2019, never compared as an annual budget.',
      },
      {
        when: (row) =>
          row.jurisdiction === 'IT' && /1 March 2019 with EUR 24 million for 15 months/.test(row.note),
        target: { period: [0, 1], months: { first: 3, last: 5 } },
        rationale: 'Refinanced on 1 March 2019 for 15 months: stored as Mar 2019–May 2020.',
      },
      {
        when: (row) => row.jurisdiction === 'IT' && /over 17 months/.test(row.note),
        target: {
          period: [0, 1],
          months: { length: 17 },
          remark: 'A 17-month call; the source gives no start month.',
        },
        rationale:
          'Allocated in 2022 for 17 months (start month not given): stored as 17 months from 2022, reaching into 2023 at least.',
      },
      {
        when: (row) => row.jurisdiction === 'IT' && /16 months from 1 Aug 2025/.test(row.note),
        target: { period: [0, 1], months: { first: 8, last: 11 } },
        rationale: 'The 2025 call funds 16-month projects from 1 Aug 2025: stored as Aug 2025–Nov 2026.',
      },
      {
        when: noteMatches(/^national funds to NGOs/),
        target: { disaggregation: { agency: 'ngo' } },
        rationale:
          'Funds to NGOs only: the NGO part of the total, not the total (TIP 2018 gives both for 2017).',
      },
    ],
  },
  victim_assistance_funding_increase_vs_prior_bando: {
    indicator: 'victim_assistance_funding',
    definition: 'increase_vs_prior_call',
    units: { 'EUR million (approx.)': 1 },
    remark: 'A change against the previous call, not a funding level.',
    rationale: 'An increase over the 2016 call; its own variant so it is never shown as a level.',
  },
  victim_service_offices: {
    indicator: 'victim_assistance_offices',
    units: { offices: 1 },
    rationale: 'Government victim service offices.',
  },
  helpline_calls_total: {
    indicator: 'helpline_calls',
    units: { calls: 1 },
    rationale: 'All calls to the national anti-trafficking helpline.',
  },
  helpline_calls_nonpertinent: {
    indicator: 'helpline_calls',
    definition: 'non_pertinent_only',
    units: { calls: 1 },
    rationale:
      'Non-pertinent calls only: a part of the total, kept as a variant so it never reads as the total.',
  },
  national_referral_mechanism_and_hotline: {
    indicator: 'referral_mechanism_in_force',
    units: { 'flag (1=established)': 1 },
    rationale: 'NRM established (the hotline and data system are in the note).',
  },
  brick_kiln_children_removed: {
    indicator: 'children_removed_from_exploitation',
    units: { children: 1 },
    rationale: 'Children removed from brick kilns; approximate as the note says.',
  },

  // prosecution
  police_reports_trafficking_5yr: {
    indicator: 'cases_registered',
    period: [-4, 0],
    units: { 'atestados (police case files)': 1 },
    rationale: 'Police trafficking case files, cumulative 2017-2021.',
  },
  police_reports_exploitation_5yr: {
    indicator: 'cases_registered',
    definition: 'exploitation_broad',
    period: [-4, 0],
    units: { 'atestados (police case files)': 1 },
    remark: 'Exploitation case files only; the trafficking case files are a separate figure.',
    rationale: 'Sexual or labour exploitation files, 2017-2021: outside the trafficking definition.',
  },
  fge_trafficking_followup_files: {
    indicator: 'cases_registered',
    definition: 'prosecutor_followup_files',
    units: { 'diligencias de seguimiento': 1 },
    rationale: 'FGE follow-up files: prosecution stage.',
  },
  fge_followup_files_sex_trafficking: {
    indicator: 'cases_registered',
    definition: 'prosecutor_followup_files',
    disaggregation: { exploitation_form: 'sexual' },
    units: { 'diligencias de seguimiento': 1 },
    rationale: 'FGE follow-up files, sexual exploitation part.',
  },
  fge_followup_files_labour_trafficking: {
    indicator: 'cases_registered',
    definition: 'prosecutor_followup_files',
    disaggregation: { exploitation_form: 'labour' },
    units: { 'diligencias de seguimiento': 1 },
    rationale: 'FGE follow-up files, labour exploitation part.',
  },
  trafficking_judicial_proceedings_opened: {
    indicator: 'cases_registered',
    definition: 'judicial_proceedings',
    units: { 'judicial proceedings': 1 },
    rationale: 'Court proceedings opened for trafficking (Art. 177 bis).',
  },
  trafficking_investigations: {
    indicator: 'cases_registered',
    units: { investigations: 1 },
    rationale: 'New law-enforcement trafficking investigations: the police case stage.',
  },
  fia_trafficking_cases_registered: {
    indicator: 'cases_registered',
    definition: 'thb_and_smuggling',
    units: { cases: 1 },
    rationale: 'FIA cases against smugglers and traffickers combined.',
  },
  fia_cases_registered: {
    indicator: 'cases_registered',
    definition: 'thb_and_smuggling',
    months: { first: 1, last: 10 },
    units: { cases: 1 },
    remark: 'January to mid-October 2022 only.',
    rationale: 'FIA anti-trafficking circle cases; the note gives a part-year period, stored as Jan–Oct.',
  },
  fia_cases_registered_3yr: {
    indicator: 'cases_registered',
    definition: 'thb_and_smuggling',
    ...THREE_YEARS_TO_APRIL_2021,
    units: { cases: 1 },
    rationale:
      'Three years to April 2021 per the note: stored as the 36 months May 2018–April 2021, not four calendar years.',
  },
  fia_trafficking_cases_registered_kp_3yr: {
    indicator: 'cases_registered',
    definition: 'thb_and_smuggling',
    period: [-2, 0],
    units: { cases: 1 },
    remark: 'Khyber Pakhtunkhwa only: not a national total (the catalogue has no KP jurisdiction).',
    rationale: 'FIA cases in KP, cumulative about 2014-2016; kept under Pakistan with the scope in the note.',
  },
  fia_ptpa_cases_2yr: {
    indicator: 'cases_registered',
    definition: 'thb_and_smuggling',
    period: [-1, 0],
    units: { cases: 1 },
    remark:
      'The source counts human-smuggling suspects of the Anti-Human Smuggling Directorate under this heading.',
    rationale:
      'Said to be PTPA 2018 cases, but the source reports them as smuggling suspects held by the Anti-Human Smuggling Directorate: the count mixes smuggling with trafficking, so the mixed variant (status D).',
  },
  fia_ahtc_cases_registered_zone: {
    indicator: 'cases_registered',
    definition: 'thb_and_smuggling',
    jurisdiction: FIA_GUJRANWALA_ZONE,
    months: { length: 11 },
    units: { cases: 1 },
    remark:
      'FIA AHTC Gujranwala circle (the FIA zone covering Gujrat), about 11 months of 2016; filed under Gujrat in the CSV.',
    rationale:
      'An FIA circle’s count: filed under the FIA zone, not a civil unit; about 11 months per the note, so a part-year span.',
  },
  fia_ahtc_enquiries_zone: {
    indicator: 'enquiries_opened',
    definition: 'thb_and_smuggling',
    jurisdiction: FIA_GUJRANWALA_ZONE,
    months: { length: 11 },
    units: { enquiries: 1 },
    remark: 'FIA AHTC Gujranwala circle (the FIA zone), 11 months of 2016; filed under Gujrat in the CSV.',
    rationale: 'Same circle and months as the cases row: a zone figure and a part-year span.',
  },
  fia_ahtc_complaints_zone: {
    indicator: 'complaints_received',
    definition: 'thb_and_smuggling',
    units: { complaints: 1 },
    remark: 'Sum of FIA Punjab zones I (6,420) and II (1,690), added by the CSV author.',
    rationale: "FIA complaints for Punjab's two zones; trafficking and smuggling together.",
  },
  fia_trafficking_smuggling_cases_actioned: {
    indicator: 'enquiries_opened',
    definition: 'thb_and_smuggling',
    units: { cases: 1 },
    remark: 'Complaints on which the FIA "took action": not all became registered cases.',
    rationale: 'Action on a complaint is the enquiry stage; filing it as registered cases would overstate.',
  },
  fia_gujranwala_zone_new_cases_gavdos: {
    indicator: 'cases_registered',
    definition: 'single_incident',
    jurisdiction: FIA_GUJRANWALA_ZONE,
    units: { cases: 1 },
    remark: 'FIA Gujranwala zone cases about one shipwreck (Gavdos, Dec 2024), not the Punjab total.',
    rationale:
      'Cases the FIA Gujranwala office registered about one incident: filed under the FIA zone, and a variant keeps it out of annual totals.',
  },
  greece_shipwreck_fia_cases: {
    indicator: 'cases_registered',
    definition: 'single_incident',
    units: { cases: 1 },
    remark: 'Cases about one shipwreck (Pylos, June 2023), not the national total.',
    rationale: 'Cases about one incident (migrant smuggling); variant as above.',
  },
  greece_shipwreck_smugglers_identified: {
    indicator: 'persons_investigated',
    definition: 'single_incident',
    units: persons,
    rationale: 'Smuggling suspects identified by Greek authorities for one shipwreck; variant as above.',
  },
  eurostat_suspected_traffickers: {
    indicator: 'persons_investigated',
    definition: 'suspected_traffickers',
    units: persons,
    rationale: 'Eurostat suspected traffickers.',
  },
  slavery_art600_investigations_persons: {
    indicator: 'persons_investigated',
    definition: 'art600_slavery',
    units: persons,
    rationale: 'Italy Art. 600 (slavery or servitude) only.',
  },
  trafficking_investigations_persons: {
    indicator: 'persons_investigated',
    units: persons,
    rationale: 'Italy Art. 601 (trafficking) alone until 2018.',
    rules: [italyArts600To602],
  },
  trafficking_suspects_investigated_fge: {
    indicator: 'persons_investigated',
    units: persons,
    rationale:
      'Persons investigated in FGE follow-up files (the note says sex trafficking; no form breakdown here).',
  },
  arrests_thb_exploitation: {
    indicator: 'persons_arrested',
    definition: 'thb_and_exploitation',
    units: persons,
    rationale: 'CITCO arrests for trafficking and exploitation combined.',
  },
  trafficking_arrests: {
    indicator: 'persons_arrested',
    units: persons,
    rationale: 'Suspected traffickers arrested (TIP).',
    rules: [fiaMixed],
  },
  trafficking_arrests_sex_trafficking: {
    indicator: 'persons_arrested',
    disaggregation: { exploitation_form: 'sexual' },
    units: persons,
    rationale: 'CITCO detainees for sex trafficking: the sexual exploitation part, not the total.',
  },
  fia_arrests_trafficking_smuggling: {
    indicator: 'persons_arrested',
    definition: 'thb_and_smuggling',
    units: persons,
    rationale: 'FIA arrests of traffickers, smugglers and agents.',
    rules: [
      {
        when: noteMatches(/Jan-mid Oct/),
        target: { months: { first: 1, last: 10 }, remark: 'January to mid-October 2022 only.' },
        rationale: 'Part-year figure (the period is in the note): stored as Jan–Oct, never as annual.',
      },
    ],
  },
  fia_arrests_3yr: {
    indicator: 'persons_arrested',
    definition: 'thb_and_smuggling',
    ...THREE_YEARS_TO_APRIL_2021,
    units: persons,
    rationale: 'Three years to April 2021 (same APP report as the cases row): May 2018–April 2021.',
  },
  fia_red_book_arrests_since_prior_edition: {
    indicator: 'persons_arrested',
    definition: 'thb_and_smuggling',
    period: [-2, 0],
    units: persons,
    remark: 'Red Book most-wanted fugitives arrested since the 2023 edition.',
    rationale: 'Cumulative 2023-2025 per the note.',
  },
  slavery_art600_prosecutions: {
    indicator: 'persons_prosecuted',
    definition: 'art600_slavery',
    units: { defendants: 1 },
    rationale: 'Italy Art. 600 defendants indicted.',
  },
  trafficking_prosecutions: {
    indicator: 'persons_prosecuted',
    units: { persons: 1, defendants: 1 },
    rationale: 'Defendants prosecuted for trafficking (Art. 601 alone in Italy until 2018).',
    rules: [italyArts600To602],
  },
  slavery_art600_convictions: {
    indicator: 'persons_convicted',
    definition: 'art600_slavery',
    units: persons,
    rationale: 'Italy Art. 600 convictions.',
  },
  trafficking_convictions: {
    indicator: 'persons_convicted',
    units: { persons: 1, 'convicting sentences': 1 },
    rationale: 'Persons convicted of trafficking (Art. 601 alone in Italy until 2018).',
    rules: [
      italyArts600To602,
      fiaMixed,
      {
        when: (row) => row.unit === 'convicting sentences',
        target: { indicator: 'sentences_handed_down', definition: 'convictions_only' },
        rationale: 'Counts judgments, not persons (the note says so): a part of all judgments handed down.',
      },
    ],
  },
  eurostat_convicted_traffickers: {
    indicator: 'persons_convicted',
    units: persons,
    rationale: 'Eurostat convicted traffickers (EU-27).',
  },
  fia_convictions_trafficking_smuggling: {
    indicator: 'persons_convicted',
    definition: 'thb_and_smuggling',
    units: persons,
    rationale: 'FIA-case convictions including smuggling and emigration offences.',
  },
  fia_convictions_3yr: {
    indicator: 'persons_convicted',
    definition: 'thb_and_smuggling',
    ...THREE_YEARS_TO_APRIL_2021,
    units: persons,
    rationale: 'Three years to April 2021 (same APP report): May 2018–April 2021.',
  },
  fia_ptpa_convictions_2yr: {
    indicator: 'persons_convicted',
    definition: 'ptpa_only',
    period: [-1, 0],
    units: persons,
    rationale: 'Convictions under the PTPA 2018, cumulative 2023+2024.',
  },
  trafficking_sentences_handed_down: {
    indicator: 'sentences_handed_down',
    units: { sentences: 1 },
    rationale: 'Judgments handed down (convictions and acquittals).',
  },
  criminal_organisations_dismantled: {
    indicator: 'criminal_organisations_dismantled',
    units: { organisations: 1 },
    rationale: 'Groups dismantled; the catalogue definition covers trafficking and exploitation.',
  },
  criminal_organisations_dismantled_5yr: {
    indicator: 'criminal_organisations_dismantled',
    period: [-4, 0],
    units: { organisations: 1 },
    rationale: 'Cumulative 2017-2021 per the note.',
  },
  police_operations_thb_exploitation: {
    indicator: 'police_operations',
    units: { operations: 1 },
    rationale: 'CITCO operations against trafficking and exploitation (the catalogue scope).',
  },
  trafficker_assets_seized: {
    indicator: 'assets_seized',
    definition: 'thb_and_smuggling',
    period: [-1, 0],
    units: { 'PKR million': 1 },
    remark: 'A lower bound ("over PKR 500 million"), June 2023 to December 2024.',
    rationale: 'FIA seizures from traffickers and smugglers, cumulative June 2023-Dec 2024.',
  },
  fia_red_book_most_wanted: {
    indicator: 'most_wanted_traffickers',
    units: persons,
    rationale: 'FIA Red Book listings (the catalogue definition already includes smugglers).',
  },
  fia_red_book_fugitives: {
    indicator: 'most_wanted_traffickers',
    units: persons,
    rationale: 'Gujrat residents among the Gujranwala Division Red Book fugitives.',
  },
  fia_red_book_most_wanted_new: {
    indicator: 'most_wanted_traffickers',
    definition: 'new_entries',
    units: persons,
    rationale: 'New entries in a Red Book edition, not the listing: its own variant.',
  },

  // partnership
  tip_tier: {
    indicator: 'tip_tier',
    units: { 'tier (1, 2, 2.5=Tier 2 Watch List, 3)': 1 },
    rationale: 'TIP tier as read (2.5 = Tier 2 Watch List); year is the report year.',
  },
  gsi_government_response_rank: {
    indicator: 'gsi_government_response_rank',
    units: { 'rank of 167': 1 },
    rationale: 'GSI government-response rank (out of 167 in 2014).',
  },
  bilateral_agreement_organised_crime_iran: {
    indicator: 'bilateral_agreements',
    disaggregation: { partner_country: 'ir' },
    units: { 'flag (1=signed)': 1 },
    rationale: 'Signed agreement on organised crime including trafficking.',
  },
  bilateral_agreement_trafficking_italy: {
    indicator: 'bilateral_agreements',
    disaggregation: { partner_country: 'it' },
    units: { 'flag (0=agreed to finalise, not signed)': 1 },
    rationale: '0 as read: agreed to finalise an agreement, none signed.',
  },
  bilateral_mou_trafficking_smuggling_greece: {
    indicator: 'bilateral_agreements',
    disaggregation: { partner_country: 'gr' },
    units: { 'flag (1=signed)': 1 },
    rationale: 'FIA-Hellenic Police MoU on trafficking and smuggling, signed.',
  },
  bilateral_declaration_migration_greece: {
    indicator: 'bilateral_agreements',
    definition: 'declaration_of_intent',
    disaggregation: { partner_country: 'gr' },
    units: { 'flag (1=signed)': 1 },
    rationale:
      'A declaration of intentions, not an agreement (the catalogue excludes intent): kept as a variant so it never reads as an agreement in force.',
  },
  fia_ngo_mou_tip_som: {
    indicator: 'ngo_partnership_agreements',
    units: { 'flag (1=signed)': 1 },
    rationale: 'FIA-SSDO MoU on trafficking and smuggling.',
  },
};

export type ResolvedObservation = {
  indicator: string;
  jurisdiction: string;
  year: number;
  yearEnd: number;
  period: string | null;
  disaggregation: Disaggregation;
  definition: string;
  value: number;
  valueAsRead: string;
  unitAsRead: string;
  status: ObsStatus;
  note: string | null;
  revises: { reason: string; key?: string } | null;
};

export type ResolveResult =
  | { ok: true; value: ResolvedObservation }
  | { ok: false; column: 'indicator' | 'unit' | 'value'; message: LocalisedDetail };

/** The mapping target for a row after its key's row rules are applied, in order. */
export function targetFor(row: ReferenceRow, mapping: KeyMapping): MappingTarget {
  let target: MappingTarget = mapping;
  for (const rule of mapping.rules ?? []) {
    if (rule.when(row)) target = { ...target, ...rule.target };
  }
  return target;
}

const twoDigits = (month: number) => String(month).padStart(2, '0');

/** The ISO 8601 period of a span of months (see MappingTarget.months); null for whole years. */
function periodOf(year: number, yearEnd: number, months: MappingTarget['months']): string | null {
  if (months === undefined) return null;
  if ('length' in months) return `${year}/P${months.length}M`;
  return `${year}-${twoDigits(months.first)}/${yearEnd}-${twoDigits(months.last)}`;
}

/** True when the definition is a variant the catalogue marks not comparable with the standard one. */
function definitionDiffers(indicator: string, definition: string): boolean {
  if (definition === STANDARD_DEFINITION) return false;
  return findIndicator(indicator)?.variants.find((v) => v.id === definition)?.comparable === false;
}

function convert(value: number, factor: number): number {
  return factor === 1 ? value : Number((value * factor).toPrecision(12));
}

/** Maps a CSV row onto the catalogue; fails with a message when the key, unit or value cannot be mapped. */
export function resolveReferenceRow(
  row: ReferenceRow,
  mappings: Readonly<Record<string, KeyMapping>> = REFERENCE_MAPPINGS,
): ResolveResult {
  const mapping = mappings[row.key];
  if (mapping === undefined)
    return { ok: false, column: 'indicator', message: say('reference_unmapped', { key: row.key }) };
  const factor = mapping.units[row.unit];
  if (factor === undefined) {
    return { ok: false, column: 'unit', message: say('reference_unit', { unit: row.unit, key: row.key }) };
  }
  const read = Number(row.valueAsRead);
  if (row.valueAsRead.trim() === '' || !Number.isFinite(read)) {
    return { ok: false, column: 'value', message: say('reference_value', { text: row.valueAsRead }) };
  }
  const target = targetFor(row, mapping);
  const [startOffset, endOffset] = target.period ?? [0, 0];
  const remark = [target.remark, `Reference key: ${row.key}.`].filter((part) => part !== undefined).join(' ');
  const year = row.year + startOffset;
  const yearEnd = row.year + endOffset;
  const definition = target.definition ?? STANDARD_DEFINITION;
  return {
    ok: true,
    value: {
      indicator: target.indicator,
      jurisdiction: target.jurisdiction ?? row.jurisdiction,
      year,
      yearEnd,
      period: periodOf(year, yearEnd, target.months),
      disaggregation: target.disaggregation ?? {},
      definition,
      value: convert(read, factor),
      valueAsRead: row.valueAsRead,
      unitAsRead: row.unit,
      status: statusFor(row.note, target.status, definitionDiffers(target.indicator, definition)),
      note: row.note === '' ? remark : `${row.note} | ${remark}`,
      revises: target.revises ?? null,
    },
  };
}
