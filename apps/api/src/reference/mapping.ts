import type { Disaggregation, ObsStatus } from '@fourp/domain';
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
  jurisdiction?: string;
  status?: ObsStatus;
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
    jurisdiction: 'PK-FIA-GUJRANWALA',
    units: persons,
    remark: 'Filed under Punjab in the reference CSV; the note says the region is Gujranwala Division.',
    rationale:
      'An FIA count for the Gujranwala region incl. Gujrat: the FIA zone, since the 2023 division no longer holds Gujrat.',
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
  },
  victims_identified_citco_trafficking: {
    indicator: 'victims_identified',
    units: persons,
    rationale: 'CITCO victims of trafficking networks only (exploitation without a network excluded).',
  },
  victims_identified_citco_trafficking_5yr: {
    indicator: 'victims_identified',
    period: [-4, 0],
    units: persons,
    rationale: 'Cumulative 2017-2021 per the note: a five-year span, never an annual value.',
  },
  victims_identified_citco_sex_trafficking: {
    indicator: 'victims_identified',
    disaggregation: { exploitation_form: 'sexual' },
    units: persons,
    rationale: 'CITCO trafficking victims, sexual exploitation part.',
  },
  victims_identified_citco_labor_trafficking: {
    indicator: 'victims_identified',
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
    units: { cases: 1 },
    remark: 'January to mid-October 2022 only.',
    rationale: 'FIA anti-trafficking circle cases; the note gives a part-year period.',
  },
  fia_cases_registered_3yr: {
    indicator: 'cases_registered',
    definition: 'thb_and_smuggling',
    period: [-3, 0],
    units: { cases: 1 },
    rationale: 'Three years to April 2021 (about 2018-Apr 2021 per the note): stored as 2018-2021.',
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
    period: [-1, 0],
    units: { cases: 1 },
    rationale: 'Cases under the PTPA 2018 (the trafficking law), cumulative 2023+2024: trafficking only.',
  },
  fia_ahtc_cases_registered_zone: {
    indicator: 'cases_registered',
    definition: 'thb_and_smuggling',
    jurisdiction: 'PK-FIA-GUJRANWALA',
    units: { cases: 1 },
    remark:
      'FIA AHTC Gujranwala circle (Gujranwala Division), about 11 months; filed under Gujrat in the CSV.',
    rationale:
      'The note says the FIA circle covers Gujranwala Division incl. Gujrat: a zone figure, filed under the FIA zone.',
  },
  fia_ahtc_enquiries_zone: {
    indicator: 'enquiries_opened',
    definition: 'thb_and_smuggling',
    jurisdiction: 'PK-FIA-GUJRANWALA',
    units: { enquiries: 1 },
    remark: 'FIA AHTC Gujranwala circle (Gujranwala Division), 11 months; filed under Gujrat in the CSV.',
    rationale: 'Same circle as the cases row: a zone figure.',
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
    units: { cases: 1 },
    remark: 'FIA Gujranwala zone cases about one shipwreck (Gavdos, Dec 2024), not the Punjab total.',
    rationale: 'Cases about one incident; a variant keeps it out of annual totals. Zone kept in the note.',
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
        target: { remark: 'January to mid-October 2022 only.' },
        rationale: 'Part-year figure; the period is in the note.',
      },
    ],
  },
  fia_arrests_3yr: {
    indicator: 'persons_arrested',
    definition: 'thb_and_smuggling',
    period: [-3, 0],
    units: persons,
    rationale: 'Three years to April 2021 (same APP report as the cases row): stored as 2018-2021.',
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
    period: [-3, 0],
    units: persons,
    rationale: 'Three years to April 2021: stored as 2018-2021.',
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
  disaggregation: Disaggregation;
  definition: string;
  value: number;
  valueAsRead: string;
  unitAsRead: string;
  status: ObsStatus;
  note: string | null;
};

export type ResolveResult = { ok: true; value: ResolvedObservation } | { ok: false; message: string };

/** The mapping target for a row after its key's row rules are applied, in order. */
export function targetFor(row: ReferenceRow, mapping: KeyMapping): MappingTarget {
  let target: MappingTarget = mapping;
  for (const rule of mapping.rules ?? []) {
    if (rule.when(row)) target = { ...target, ...rule.target };
  }
  return target;
}

function convert(value: number, factor: number): number {
  return factor === 1 ? value : Number((value * factor).toPrecision(12));
}

/** Maps a CSV row onto the catalogue; fails with a message when the key, unit or value cannot be mapped. */
export function resolveReferenceRow(row: ReferenceRow): ResolveResult {
  const mapping = REFERENCE_MAPPINGS[row.key];
  if (mapping === undefined) return { ok: false, message: `indicator key "${row.key}" has no mapping` };
  const factor = mapping.units[row.unit];
  if (factor === undefined) {
    return { ok: false, message: `unit "${row.unit}" is not one the mapping of "${row.key}" converts` };
  }
  const read = Number(row.valueAsRead);
  if (row.valueAsRead.trim() === '' || !Number.isFinite(read)) {
    return { ok: false, message: `value "${row.valueAsRead}" is not a number` };
  }
  const target = targetFor(row, mapping);
  const [startOffset, endOffset] = target.period ?? [0, 0];
  const remark = [target.remark, `Reference key: ${row.key}.`].filter((part) => part !== undefined).join(' ');
  return {
    ok: true,
    value: {
      indicator: target.indicator,
      jurisdiction: target.jurisdiction ?? row.jurisdiction,
      year: row.year + startOffset,
      yearEnd: row.year + endOffset,
      disaggregation: target.disaggregation ?? {},
      definition: target.definition ?? 'standard',
      value: convert(read, factor),
      valueAsRead: row.valueAsRead,
      unitAsRead: row.unit,
      status: statusFor(row.note, target.status),
      note: row.note === '' ? remark : `${row.note} | ${remark}`,
    },
  };
}
