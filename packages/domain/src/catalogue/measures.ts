import type { PolicyMeasure, RubricLevelDefinition } from '../contracts.js';

export const RUBRIC: readonly RubricLevelDefinition[] = [
  {
    level: 0,
    label: 'Absent',
    evidenceRequired: 'No public commitment, instrument or programme can be found for the jurisdiction.',
  },
  {
    level: 1,
    label: 'Announced',
    evidenceRequired:
      'An official statement, policy paper, draft bill or budget line commits to the measure, but nothing operates yet.',
  },
  {
    level: 2,
    label: 'Piloting',
    evidenceRequired:
      'An official document or report shows the measure running in a limited area or for a limited period (e.g. one tehsil or a donor-funded project).',
  },
  {
    level: 3,
    label: 'In force',
    evidenceRequired:
      'A legal instrument, notified rules or an official programme document shows the measure operating across the jurisdiction in the year.',
  },
  {
    level: 4,
    label: 'In force and evaluated',
    evidenceRequired:
      'As for level 3, plus an independent or official evaluation or monitoring report (e.g. GRETA, an auditor, a published programme review) on how the measure works in practice.',
  },
];

export const POLICY_MEASURES: readonly PolicyMeasure[] = [
  {
    id: 'residence_permit_unconditional',
    pillar: 'protection',
    name: 'Protection status not tied to testifying',
    description:
      'A legal status that lets identified victims stay, receive care and regularise their situation without having to cooperate with a prosecution first, so that victims are not treated as irregular migrants or offenders.',
    model:
      'Italy: Art. 18, Legislative Decree 286/1998 — social-protection residence permit, available through a social path that does not require the victim to report or testify.',
    modelCountries: ['IT'],
    thesisRef: '4.5',
    relatedIndicators: ['protection_permits_granted', 'victims_in_assistance', 'victims_newly_assisted'],
  },
  {
    id: 'recovery_reflection_period',
    pillar: 'protection',
    name: 'Recovery and reflection period',
    description:
      'A guaranteed period in which a presumed victim is protected from removal and receives medical, legal and psychological support while deciding whether to cooperate with the authorities.',
    model:
      'Spain: Art. 59 bis, Organic Law 4/2000 — recovery and reflection period for foreign victims of trafficking.',
    modelCountries: ['ES'],
    thesisRef: '4.5',
    relatedIndicators: ['protection_permits_granted', 'victims_identified', 'victims_referred_share'],
  },
  {
    id: 'provincial_referral_mechanism',
    pillar: 'protection',
    name: 'National or provincial referral mechanism',
    description:
      'Written procedures, national or for Punjab, that bind the police, FIA, district administration, social welfare and NGOs to identify victims in the same way and route each one to care; the thesis asks for a Punjab mechanism with a named coordinator in Gujrat.',
    model:
      'Italy: national referral mechanism and identification guidelines under the National Action Plan; Spain: Framework Protocol for the Protection of Victims of Trafficking (2011).',
    modelCountries: ['IT', 'ES'],
    thesisRef: '4.5',
    relatedIndicators: [
      'referral_mechanism_in_force',
      'victims_referred_share',
      'victims_identified_per_100k',
    ],
  },
  {
    id: 'victim_assistance_units',
    pillar: 'protection',
    name: 'Victim assistance units',
    description:
      'Public offices, reachable from every tehsil, where victims can be received, assessed and referred to shelter, legal aid and health care.',
    model:
      'Spain: victim assistance offices and units run by public authorities, referring victims to NGO care.',
    modelCountries: ['ES'],
    thesisRef: '4.4',
    relatedIndicators: ['victim_assistance_offices', 'victims_newly_assisted', 'victims_in_assistance'],
  },
  {
    id: 'district_migration_resource_centres',
    pillar: 'protection',
    name: 'District Migration Resource Centres',
    description:
      'Centres under the Punjab Labour Department offering returnees, victims of failed migration and prospective migrants counselling, debt assistance and vocational training.',
    model:
      'Thesis 5.1.2, drawing on the IOM reintegration model used in Bangladesh (psychosocial support linked with economic assistance).',
    modelCountries: [],
    thesisRef: '5.1.2',
    relatedIndicators: ['dmrc_clients_served', 'returnees_reintegration_supported'],
  },
  {
    id: 'returnee_reintegration_support',
    pillar: 'protection',
    name: 'Reintegration support for returnees',
    description:
      'Structured support for returned victims and deportees — counselling, livelihood help and measures against stigma — so that they are not pushed back onto irregular routes.',
    model:
      'Italy and Spain: state-funded NGO programmes for social inclusion of victims; IOM reintegration model cited in thesis 5.1.2.',
    modelCountries: ['IT', 'ES'],
    thesisRef: '5.1.2',
    relatedIndicators: ['returnees_reintegration_supported', 'dmrc_clients_served', 'victims_in_assistance'],
  },
  {
    id: 'national_action_plan',
    pillar: 'prevention',
    name: 'National action plan with district targets',
    description:
      'A current, government-adopted action plan against trafficking with budgets, responsible agencies and targets that reach hotspot districts such as Gujrat.',
    model:
      'Italy: National Action Plan against Trafficking and Serious Exploitation 2022–2025 (Department for Equal Opportunities); Spain: National Strategic Plan against Trafficking and Exploitation of Human Beings 2021–2023.',
    modelCountries: ['IT', 'ES'],
    thesisRef: '4.4',
    relatedIndicators: ['national_action_plan_in_force', 'awareness_campaign_districts'],
  },
  {
    id: 'community_awareness_messengers',
    pillar: 'prevention',
    name: 'Community awareness messengers',
    description:
      'Training imams, teachers, returnees and diaspora figures to carry accurate information about migration risks and legal pathways into villages and schools.',
    model:
      'Italy: Catholic parishes and faith-based groups in victim outreach; Spain: faith-based and women’s NGOs (e.g. Adoratrices) in awareness and support.',
    modelCountries: ['IT', 'ES'],
    thesisRef: '5.1.1',
    relatedIndicators: [
      'community_leaders_engaged',
      'awareness_sessions_held',
      'public_awareness_of_trafficking',
      'schools_with_safe_migration_curriculum',
    ],
  },
  {
    id: 'mobile_outreach_units',
    pillar: 'prevention',
    name: 'Mobile outreach units',
    description:
      'Multidisciplinary teams that visit places where exploitation happens (fields, kilns, streets) to reach people at risk directly, offer help and flag possible victims.',
    model:
      'Italy: mobile outreach units (unità di strada) run by anti-trafficking projects funded by the Department for Equal Opportunities.',
    modelCountries: ['IT'],
    thesisRef: '4.2',
    relatedIndicators: ['persons_at_risk_identified', 'victims_identified', 'exploitation_venue_inspections'],
  },
  {
    id: 'specialised_courts',
    pillar: 'prosecution',
    name: 'Specialised courts or designated judges',
    description:
      'Designating judges or courts for trafficking cases so that trials are faster, judges understand victim testimony, and conviction rates improve.',
    model:
      'Thesis 5.1.3; in Spain, specialist prosecutors coordinated by the Fiscalía General del Estado follow trafficking cases from investigation to judgment.',
    modelCountries: ['ES'],
    thesisRef: '5.1.3',
    relatedIndicators: ['specialised_courts', 'average_trial_duration', 'conviction_rate'],
  },
  {
    id: 'cyber_crime_capacity',
    pillar: 'prosecution',
    name: 'Cyber-crime capacity in anti-trafficking circles',
    description:
      'Digital investigation tools, trained staff and a shared intelligence platform in the FIA Anti-Human Trafficking Circles at Gujrat and Gujranwala, to follow online recruitment and payments.',
    model: 'Thesis 5.1.3 (intelligence-led policing); Spain’s specialised police units such as UCRIF.',
    modelCountries: ['ES'],
    thesisRef: '5.1.3',
    relatedIndicators: ['online_recruitment_cases', 'criminal_organisations_dismantled', 'cases_registered'],
  },
  {
    id: 'smuggling_trafficking_legal_distinction',
    pillar: 'prosecution',
    name: 'Keep trafficking and smuggling apart',
    description:
      'Charging, recording and reporting trafficking in persons separately from migrant smuggling and emigration offences, so that victims are not prosecuted as smuggled migrants and statistics show trafficking alone.',
    model:
      'Italy: Art. 601 Criminal Code (trafficking) distinct from Art. 12 Legislative Decree 286/1998 (aiding irregular immigration); Spain: Art. 177 bis Criminal Code (trafficking) distinct from Art. 318 bis (offences against the rights of foreign citizens). In Pakistan the PTPA 2018 and the Prevention of Smuggling of Migrants Act 2018 already separate the offences in law.',
    modelCountries: ['IT', 'ES'],
    thesisRef: '5.1.3',
    relatedIndicators: ['cases_registered', 'persons_convicted', 'conviction_rate'],
  },
  {
    id: 'funded_ngo_partnerships',
    pillar: 'partnership',
    name: 'Publicly funded NGO partners',
    description:
      'Stable public funding and written agreements with local NGOs for shelter, counselling and awareness, for example small grants through the Punjab Social Protection Authority.',
    model:
      'Italy: Department for Equal Opportunities calls funding local anti-trafficking projects run with NGOs; Spain: state grants to NGOs assisting victims of trafficking and sexual exploitation.',
    modelCountries: ['IT', 'ES'],
    thesisRef: '4.5',
    relatedIndicators: ['funded_ngo_partners', 'ngo_partnership_agreements', 'victim_assistance_funding'],
  },
  {
    id: 'bilateral_labour_pathways',
    pillar: 'partnership',
    name: 'Bilateral legal labour pathways',
    description:
      'Agreements with destination countries for legal, skills-based labour migration, backed by TEVTA and PSDF training, that offer a safe alternative to smugglers.',
    model:
      'Italy: annual quotas for non-EU workers (decreto flussi); Spain: collective recruitment in countries of origin. Both countries also sign migration agreements with countries of origin.',
    modelCountries: ['IT', 'ES'],
    thesisRef: '5.1.4',
    relatedIndicators: ['legal_labour_placements', 'overseas_employment_trainees', 'bilateral_agreements'],
  },
  {
    id: 'victim_data_system',
    pillar: 'partnership',
    name: 'Shared victim data system',
    description:
      'One case-level data system that police, FIA, social welfare and funded NGOs all feed, so that victims are counted once and followed from identification to reintegration.',
    model:
      'Italy: the anti-trafficking database of the Department for Equal Opportunities (SIRIT), shared by funded projects; Spain: CITCO’s centralised statistics on trafficking and exploitation.',
    modelCountries: ['IT', 'ES'],
    thesisRef: '4.4',
    relatedIndicators: ['victims_identified', 'victims_newly_assisted', 'victims_referred_share'],
  },
];

const byId = new Map(POLICY_MEASURES.map((measure) => [measure.id, measure]));

/** The policy measure with this id, or undefined when the catalogue has none. */
export function findMeasure(id: string): PolicyMeasure | undefined {
  return byId.get(id);
}
