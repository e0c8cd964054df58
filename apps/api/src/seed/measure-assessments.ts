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
  /** The short passage of the cited source that justifies the level, with where it is in the source. */
  quote: { text: string; locator: string };
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

const greta = (code: string, round: string, year: number, locator: string): AssessmentSource => ({
  citation: {
    title: `${code}: Report concerning the implementation of the Council of Europe Convention on Action against Trafficking in Human Beings, ${round}`,
    publisher: 'Council of Europe, GRETA',
    year,
    locator,
    kind: 'primary',
  },
});

/**
 * Policy-measure levels coded only from the thesis, the reference rows' sources and GRETA's evaluations.
 * A level is never above what the quoted passage shows; measures and jurisdictions without such a
 * passage are left unassessed.
 */
export const MEASURE_ASSESSMENTS: readonly MeasureAssessmentSeed[] = [
  {
    measure: 'residence_permit_unconditional',
    jurisdiction: 'IT',
    year: 1998,
    level: 3,
    evidence:
      'Art. 18 of Legislative Decree 286/1998 grants victims of trafficking and severe exploitation a social-protection residence permit; the thesis (4.2) stresses that cooperation with the police is voluntary rather than demanded.',
    quote: {
      text: 'established the "social protection permit", an accommodation granted for trafficking victims and severe exploitation',
      locator: 'thesis 4.2, citing Legislative Decree 286/1998 Art. 18',
    },
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
    measure: 'residence_permit_unconditional',
    jurisdiction: 'IT',
    year: 2014,
    level: 3,
    evidence:
      'GRETA’s first evaluation of Italy (GRETA(2014)18) welcomed that victims can be granted a residence permit on the basis of their personal situation as well as when cooperating, and asked that victims fully benefit from it in practice: in force, its working in practice not yet shown. Known through a summary of GRETA’s publication.',
    quote: {
      text: 'to be granted a residence permit both on the basis of their personal situation and when co-operating with the authorities',
      locator:
        'GRETA(2014)18, as summarised by the Human Rights Centre, University of Padova (news of 22 September 2014)',
    },
    source: {
      citation: {
        title:
          'GRETA(2014)18: Report concerning the implementation of the Council of Europe Convention on Action against Trafficking in Human Beings by Italy, first evaluation round',
        publisher: 'Council of Europe, GRETA',
        year: 2014,
        locator:
          'https://unipd-centrodirittiumani.it/en/news/council-of-europe-first-evaluation-report-on-italy-of-the-group-of-experts-on-action-against-trafficking-in-human-beings-greta',
        kind: 'secondary',
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
    quote: {
      text: 'contributes to victims’ recovery and thinking period, during which they acquire medical, legitimate, and psychological support',
      locator: 'thesis 4.3, on Organic Law 4/2000 as amended in 2009',
    },
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
    measure: 'recovery_reflection_period',
    jurisdiction: 'ES',
    year: 2018,
    level: 4,
    evidence:
      'GRETA’s second evaluation of Spain (2018) assessed the recovery and reflection period in practice: the minimum was extended from 30 to 90 days, and GRETA asked that every foreign victim be told of it systematically.',
    quote: {
      text: 'the minimum length of the recovery and reflection period for victims has been extended from 30 to 90 days',
      locator:
        'GRETA(2018)7, Part III.2.e "Recovery and reflection period (Article 13)", and GRETA’s press release of 20 June 2018',
    },
    source: greta('GRETA(2018)7', 'Spain, second evaluation round', 2018, 'Part III.2.e, Article 13 (p. 45)'),
  },
  {
    measure: 'residence_permit_unconditional',
    jurisdiction: 'PK',
    year: 2018,
    level: 0,
    evidence:
      'The thesis (4.5) finds that Pakistan’s 2018 trafficking law sets a legal framework for victims but has no clear clause on residence rights or social rehabilitation assistance.',
    quote: {
      text: 'lacks clear clauses giving social rehabilitation assistance or residence rights to victims',
      locator: 'thesis 4.5, second paragraph',
    },
    source: thesis('section 4.5'),
  },
  {
    measure: 'recovery_reflection_period',
    jurisdiction: 'PK',
    year: 2018,
    level: 0,
    evidence:
      'The thesis (4.5) finds no provision in Pakistan’s 2018 law comparable to Spain’s recovery and reflection period and recommends adopting one.',
    quote: {
      text: 'Spain\'s "recovery and reflection period" and Italy\'s "social protection permit" reveal how legal authorisation increases trust',
      locator: 'thesis 4.5, second paragraph (after finding the 2018 Act lacks such clauses)',
    },
    source: thesis('section 4.5'),
  },
  {
    measure: 'national_action_plan',
    jurisdiction: 'PK',
    year: 2021,
    level: 1,
    evidence:
      'A National Action Plan to Combat Human Trafficking and Migrant Smuggling 2021-2025 was adopted (FIA with UNODC); the source states no budget and no targets for districts, so the measure (a plan whose targets reach districts such as Gujrat) is shown only as a national commitment.',
    quote: {
      text: 'National Action Plan to Combat Human Trafficking and Migrant Smuggling 2021-2025 (FIA with UNODC); budget not stated',
      locator: 'reference row national_action_plan_adopted / PK / 2021, note',
    },
    source: { reference: { key: 'national_action_plan_adopted', jurisdiction: 'PK', year: 2021 } },
  },
  {
    measure: 'national_action_plan',
    jurisdiction: 'IT',
    year: 2022,
    level: 3,
    evidence: 'The Council of Ministers adopted the National Action Plan 2022-2025 on 19 October 2022.',
    quote: {
      text: 'NAP 2022-2025 adopted by Council of Ministers 19 Oct 2022',
      locator: 'reference row national_action_plan_adopted / IT / 2022, note',
    },
    source: { reference: { key: 'national_action_plan_adopted', jurisdiction: 'IT', year: 2022 } },
  },
  {
    measure: 'national_action_plan',
    jurisdiction: 'ES',
    year: 2022,
    level: 3,
    evidence:
      'The 2022 TIP report records two national anti-trafficking action plans adopted in its reporting period.',
    quote: {
      text: 'two anti-trafficking NAPs adopted during TIP 2022 reporting period',
      locator: 'reference row national_action_plan_adopted / ES / 2022, note',
    },
    source: { reference: { key: 'national_action_plan_adopted', jurisdiction: 'ES', year: 2022 } },
  },
  {
    measure: 'national_action_plan',
    jurisdiction: 'IT',
    year: 2023,
    level: 3,
    evidence:
      'GRETA’s third evaluation of Italy (visit of 13–17 February 2023) counts the adoption of a new national action plan against trafficking among the positive developments since its 2019 report; it does not assess how the plan works in practice.',
    quote: {
      text: 'These include the adoption of a new national action plan against trafficking',
      locator: 'GRETA press release "GRETA publishes its third report on Italy", fourth paragraph',
    },
    source: {
      citation: {
        title: 'GRETA publishes its third report on Italy',
        publisher: 'Council of Europe, GRETA',
        year: null,
        locator:
          'https://www.coe.int/en/web/anti-human-trafficking/-/greta-publishes-its-third-report-on-italy',
        kind: 'primary',
      },
    },
  },
  {
    measure: 'national_action_plan',
    jurisdiction: 'ES',
    year: 2023,
    level: 3,
    evidence:
      'GRETA’s third evaluation of Spain (published June 2023) acknowledges the adoption of a National Strategic Plan against Trafficking in Human Beings and a National Action Plan on Forced Labour for 2021-2023, while finding too little done against trafficking for labour exploitation.',
    quote: {
      text: 'including the adoption of a National Strategic Plan against Trafficking in Human Beings and a National Action Plan on Forced Labour for 2021-2023',
      locator: 'GRETA press release "GRETA publishes its third report on Spain", fourth paragraph',
    },
    source: {
      citation: {
        title: 'GRETA publishes its third report on Spain',
        publisher: 'Council of Europe, GRETA',
        year: 2023,
        locator:
          'https://www.coe.int/en/web/portal/-/spain-urged-to-guarantee-compensation-to-victims-of-human-trafficking-and-to-step-up-investigations-of-trafficking-for-labour-exploitation',
        kind: 'primary',
      },
    },
  },
  {
    measure: 'provincial_referral_mechanism',
    jurisdiction: 'PK',
    year: 2024,
    level: 1,
    evidence:
      'The 2024 TIP report, known only through a reproduction, says a national referral mechanism was established; nothing shows it operating across the country, and no Punjab mechanism is documented.',
    quote: {
      text: 'NRM established and national anti-trafficking hotline launched',
      locator:
        'reference row national_referral_mechanism_and_hotline / PK / 2024, note (TIP 2024 as reproduced)',
    },
    source: { reference: { key: 'national_referral_mechanism_and_hotline', jurisdiction: 'PK', year: 2024 } },
  },
  {
    measure: 'provincial_referral_mechanism',
    jurisdiction: 'IT',
    year: 2022,
    level: 3,
    evidence:
      'The thesis (4.2) describes Italy’s national referral mechanism coordinating labour inspectors, NGOs, police and health workers, citing the 2022-2025 National Action Plan.',
    quote: {
      text: 'National Referral Mechanism (NRM), which stimulates coordination among labour supervisors, NGOs, law enforcement, and health care workers',
      locator: 'thesis 4.2, third paragraph',
    },
    source: thesis('section 4.2'),
  },
  {
    measure: 'mobile_outreach_units',
    jurisdiction: 'IT',
    year: 2022,
    level: 3,
    evidence:
      'The thesis (4.2) describes multidisciplinary mobile outreach units that go to exploitative workplaces to offer support, citing the 2022-2025 National Action Plan.',
    quote: {
      text: '"mobile outreach units", is explicitly creative; these teams stay at exploitative workstations and give support',
      locator: 'thesis 4.2, third paragraph',
    },
    source: thesis('section 4.2'),
  },
  {
    measure: 'victim_assistance_units',
    jurisdiction: 'ES',
    year: 2018,
    level: 3,
    evidence:
      'The 2019 TIP report counts 26 government victim service offices referring victims to NGO care in 2018.',
    quote: {
      text: 'The government, through 26 victim service offices, referred victims to NGO care providers',
      locator: '2019 TIP report, Spain, Protection',
    },
    source: { reference: { key: 'victim_service_offices', jurisdiction: 'ES', year: 2018 } },
  },
  {
    measure: 'funded_ngo_partnerships',
    jurisdiction: 'IT',
    year: 2022,
    level: 3,
    evidence:
      'EUR 27.2 million went to 30 anti-trafficking projects (21 regional or local, 9 run by NGOs) over 17 months (2023 TIP report).',
    quote: {
      text: 'allocated to 30 projects (21 regional/local + 9 NGO) over 17 months',
      locator: 'reference row victim_assistance_funding / IT / 2022, note (TIP 2023, Protection)',
    },
    source: { reference: { key: 'victim_assistance_funding', jurisdiction: 'IT', year: 2022 } },
  },
  {
    measure: 'funded_ngo_partnerships',
    jurisdiction: 'ES',
    year: 2018,
    level: 3,
    evidence:
      'The 2019 TIP report records EUR 4.0 million of national funds to NGOs for shelter and services in 2018.',
    quote: {
      text: 'allocated €4 million ... for NGOs providing victims with temporary shelter and access to legal, medical, and psychological services',
      locator: '2019 TIP report, Spain, Protection',
    },
    source: { reference: { key: 'victim_assistance_funding', jurisdiction: 'ES', year: 2018 } },
  },
  {
    measure: 'bilateral_labour_pathways',
    jurisdiction: 'PK',
    year: 2022,
    level: 1,
    evidence:
      'Pakistan and Greece signed a declaration of intentions in February 2022, with an MoU on legal and seasonal migration still to follow.',
    quote: {
      text: 'Declaration of Intentions signed 7-8 Feb 2022 (technical talks; MoU on legal/seasonal migration to follow)',
      locator: 'reference row bilateral_declaration_migration_greece / PK / 2022, note',
    },
    source: { reference: { key: 'bilateral_declaration_migration_greece', jurisdiction: 'PK', year: 2022 } },
  },
  {
    measure: 'smuggling_trafficking_legal_distinction',
    jurisdiction: 'PK',
    year: 2018,
    level: 1,
    evidence:
      'Separate 2018 laws name trafficking (PTPA) and migrant smuggling (PSMA) (thesis 1.5), but the thesis finds the two still combined in practice (2.7) and calls for the separation as a reform still to make (5.1.3): a commitment in law, not a distinction shown operating.',
    quote: {
      text: 'Legislative clarity, separating migrant smuggling from human trafficking, and would support prosecution',
      locator:
        'thesis 5.1.3; also 2.7: "the combination of trafficking with illegal migration focuses on the criminalisation of victims"',
    },
    source: thesis('sections 1.5, 2.7 and 5.1.3'),
  },
  {
    measure: 'victim_data_system',
    jurisdiction: 'PK',
    year: 2024,
    level: 1,
    evidence:
      'One sentence of the 2024 TIP report, known only through a reproduction, mentions an integrated national data system; nothing shows police, FIA, social welfare and NGOs feeding it, so it counts as announced only.',
    quote: {
      text: 'integrated national data system',
      locator:
        'reference row national_referral_mechanism_and_hotline / PK / 2024, note (TIP 2024 as reproduced)',
    },
    source: { reference: { key: 'national_referral_mechanism_and_hotline', jurisdiction: 'PK', year: 2024 } },
  },
  {
    measure: 'victim_data_system',
    jurisdiction: 'IT',
    year: 2020,
    level: 3,
    evidence:
      'Victims in the national anti-trafficking system are counted in SIRIT, the shared database of the Department for Equal Opportunities (2020 figures).',
    quote: {
      text: 'SIRIT: victims in charge of anti-trafficking system 2020',
      locator:
        'reference row victims_in_protection_programmes / IT / 2020, note (Save the Children, DPO SIRIT data)',
    },
    source: { reference: { key: 'victims_in_protection_programmes', jurisdiction: 'IT', year: 2020 } },
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
