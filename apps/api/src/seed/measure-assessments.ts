import type { RubricLevel, SourceKind } from '@fourp/domain';
import type { DbOrTx } from '../db/client.js';
import { insertMeasureAssessment } from '../repos/measures.js';
import { storeCitation } from '../repos/sources.js';
import type { Citation, MappedRow } from '../reference/rows.js';
import { classifySourceKind } from '../reference/source-kind.js';

/** A source named directly, or the source of a reference CSV row (key, jurisdiction and CSV year). */
export type AssessmentSource =
  | { citation: Citation & { kind: SourceKind } }
  | { reference: { key: string; jurisdiction: string; year: number } };

export type MeasureAssessmentSeed = {
  measure: string;
  jurisdiction: string;
  year: number;
  level: RubricLevel;
  evidence: string;
  source: AssessmentSource;
};

const thesis = (sections: string): AssessmentSource => ({
  citation: {
    title: "Human Trafficking- An Analysis of Pakistan's Gujrat District Immigrants",
    publisher: 'Bahria University Islamabad',
    year: null,
    locator: `MS thesis in International Relations by Madiha Ilyas, ${sections}`,
    kind: 'secondary',
  },
});

/**
 * Policy-measure levels coded only from the thesis and the reference rows' sources. Measures and
 * jurisdictions with no such evidence are left unassessed.
 */
export const MEASURE_ASSESSMENTS: readonly MeasureAssessmentSeed[] = [
  {
    measure: 'residence_permit_unconditional',
    jurisdiction: 'IT',
    year: 1998,
    level: 3,
    evidence:
      'Art. 18 of Legislative Decree 286/1998 grants victims of trafficking and severe exploitation a social-protection residence permit; the thesis (4.2) stresses that cooperation with the police is voluntary rather than demanded.',
    source: {
      citation: {
        title: 'Legislative Decree No. 286/1998, Consolidated Immigration Act',
        publisher: 'Government of Italy',
        year: 1998,
        locator: 'Art. 18',
        kind: 'primary',
      },
    },
  },
  {
    measure: 'recovery_reflection_period',
    jurisdiction: 'ES',
    year: 2009,
    level: 3,
    evidence:
      'Art. 59 bis of Organic Law 4/2000, as amended in 2009 (thesis 4.3), gives foreign victims a recovery and reflection period with medical, legal and psychological support.',
    source: {
      citation: {
        title:
          'Organic Law 4/2000 on the Rights and Liberties of Foreigners in Spain and Their Social Integration',
        publisher: 'Government of Spain (BOE)',
        year: 2000,
        locator: 'Art. 59 bis',
        kind: 'primary',
      },
    },
  },
  {
    measure: 'residence_permit_unconditional',
    jurisdiction: 'PK',
    year: 2018,
    level: 0,
    evidence:
      'The thesis (4.5) finds that Pakistan’s 2018 trafficking law sets a legal framework for victims but has no clear clause on residence rights or social rehabilitation assistance.',
    source: thesis('section 4.5'),
  },
  {
    measure: 'recovery_reflection_period',
    jurisdiction: 'PK',
    year: 2018,
    level: 0,
    evidence:
      'The thesis (4.5) finds no provision in Pakistan’s 2018 law comparable to Spain’s recovery and reflection period and recommends adopting one.',
    source: thesis('section 4.5'),
  },
  {
    measure: 'national_action_plan',
    jurisdiction: 'PK',
    year: 2021,
    level: 3,
    evidence:
      'A National Action Plan to Combat Human Trafficking and Migrant Smuggling 2021-2025 was adopted (FIA with UNODC); the source states no budget and no district targets.',
    source: { reference: { key: 'national_action_plan_adopted', jurisdiction: 'PK', year: 2021 } },
  },
  {
    measure: 'national_action_plan',
    jurisdiction: 'IT',
    year: 2022,
    level: 3,
    evidence: 'The Council of Ministers adopted the National Action Plan 2022-2025 on 19 October 2022.',
    source: { reference: { key: 'national_action_plan_adopted', jurisdiction: 'IT', year: 2022 } },
  },
  {
    measure: 'national_action_plan',
    jurisdiction: 'ES',
    year: 2022,
    level: 3,
    evidence:
      'The 2022 TIP report records two national anti-trafficking action plans adopted in its reporting period.',
    source: { reference: { key: 'national_action_plan_adopted', jurisdiction: 'ES', year: 2022 } },
  },
  {
    measure: 'provincial_referral_mechanism',
    jurisdiction: 'PK',
    year: 2024,
    level: 3,
    evidence:
      'The 2024 TIP report (as reproduced) says a national referral mechanism was established; no Punjab mechanism is documented.',
    source: { reference: { key: 'national_referral_mechanism_and_hotline', jurisdiction: 'PK', year: 2024 } },
  },
  {
    measure: 'provincial_referral_mechanism',
    jurisdiction: 'IT',
    year: 2022,
    level: 3,
    evidence:
      'The thesis (4.2) describes Italy’s national referral mechanism coordinating labour inspectors, NGOs, police and health workers, citing the 2022-2025 National Action Plan.',
    source: thesis('section 4.2'),
  },
  {
    measure: 'mobile_outreach_units',
    jurisdiction: 'IT',
    year: 2022,
    level: 3,
    evidence:
      'The thesis (4.2) describes multidisciplinary mobile outreach units that go to exploitative workplaces to offer support, citing the 2022-2025 National Action Plan.',
    source: thesis('section 4.2'),
  },
  {
    measure: 'victim_assistance_units',
    jurisdiction: 'ES',
    year: 2018,
    level: 3,
    evidence:
      'The 2019 TIP report counts 26 government victim service offices referring victims to NGO care in 2018.',
    source: { reference: { key: 'victim_service_offices', jurisdiction: 'ES', year: 2018 } },
  },
  {
    measure: 'funded_ngo_partnerships',
    jurisdiction: 'IT',
    year: 2022,
    level: 3,
    evidence:
      'EUR 27.2 million went to 30 anti-trafficking projects (21 regional or local, 9 run by NGOs) over 17 months (2023 TIP report).',
    source: { reference: { key: 'victim_assistance_funding', jurisdiction: 'IT', year: 2022 } },
  },
  {
    measure: 'funded_ngo_partnerships',
    jurisdiction: 'ES',
    year: 2018,
    level: 3,
    evidence:
      'The 2019 TIP report records EUR 4.0 million of national funds to NGOs for shelter and services in 2018.',
    source: { reference: { key: 'victim_assistance_funding', jurisdiction: 'ES', year: 2018 } },
  },
  {
    measure: 'bilateral_labour_pathways',
    jurisdiction: 'PK',
    year: 2022,
    level: 1,
    evidence:
      'Pakistan and Greece signed a declaration of intentions in February 2022, with an MoU on legal and seasonal migration still to follow.',
    source: { reference: { key: 'bilateral_declaration_migration_greece', jurisdiction: 'PK', year: 2022 } },
  },
  {
    measure: 'bilateral_labour_pathways',
    jurisdiction: 'PK',
    year: 2024,
    level: 1,
    evidence:
      'In 2024 Pakistan and Italy agreed to finalise an anti-trafficking agreement; a skilled-manpower agreement was pending and no signature was found.',
    source: { reference: { key: 'bilateral_agreement_trafficking_italy', jurisdiction: 'PK', year: 2024 } },
  },
  {
    measure: 'smuggling_trafficking_legal_distinction',
    jurisdiction: 'PK',
    year: 2018,
    level: 3,
    evidence:
      'Separate 2018 laws cover trafficking (PTPA) and migrant smuggling (PSMA) (thesis 1.5, 2.7); the thesis still calls for clearer separation (5.1.3), and FIA statistics often report the two together.',
    source: thesis('sections 1.5, 2.7 and 5.1.3'),
  },
  {
    measure: 'victim_data_system',
    jurisdiction: 'PK',
    year: 2024,
    level: 3,
    evidence:
      'The 2024 TIP report (as reproduced) mentions an integrated national data system alongside the new referral mechanism and hotline.',
    source: { reference: { key: 'national_referral_mechanism_and_hotline', jurisdiction: 'PK', year: 2024 } },
  },
  {
    measure: 'victim_data_system',
    jurisdiction: 'IT',
    year: 2020,
    level: 3,
    evidence:
      'Victims in the national anti-trafficking system are counted in SIRIT, the shared database of the Department for Equal Opportunities (2020 figures).',
    source: { reference: { key: 'victims_in_protection_programmes', jurisdiction: 'IT', year: 2020 } },
  },
  {
    measure: 'victim_data_system',
    jurisdiction: 'ES',
    year: 2023,
    level: 3,
    evidence:
      'CITCO publishes an annual national statistical balance of trafficking and exploitation from National Police and Civil Guard data (2023 edition).',
    source: { reference: { key: 'victims_identified_citco_trafficking', jurisdiction: 'ES', year: 2023 } },
  },
];

/** The citation an assessment points to; throws when a reference row it names is not in the CSV. */
export function citationFor(
  source: AssessmentSource,
  mapped: readonly MappedRow[],
): Citation & { kind: SourceKind } {
  if ('citation' in source) return source.citation;
  const { key, jurisdiction, year } = source.reference;
  const match = mapped.find(
    (m) => m.row.key === key && m.row.jurisdiction === jurisdiction && m.row.year === year,
  );
  if (match === undefined)
    throw new Error(`No reference row ${key} / ${jurisdiction} / ${year} for a measure assessment`);
  return { ...match.citation, kind: classifySourceKind({ ...match.citation, note: match.row.note }) };
}

/** Inserts the seeded assessments that are not stored yet; returns how many were new. Synchronous (transactions). */
export function loadMeasureAssessments(
  db: DbOrTx,
  mapped: readonly MappedRow[],
  assessments: readonly MeasureAssessmentSeed[] = MEASURE_ASSESSMENTS,
): number {
  let inserted = 0;
  for (const a of assessments) {
    const { kind, ...citation } = citationFor(a.source, mapped);
    const { id: sourceId } = storeCitation(db, citation, kind);
    if (insertMeasureAssessment(db, { ...a, sourceId })) inserted++;
  }
  return inserted;
}
