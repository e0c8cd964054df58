import { z } from 'zod';
import type { CodeListProblem } from './i18n/problems.js';
import { reason, renderReason } from './i18n/reasons.js';

export const CODED_DIMENSIONS = ['sex', 'age_group', 'exploitation_form', 'nationality'] as const;
export const CodedDimensionSchema = z.enum(CODED_DIMENSIONS);
export type CodedDimension = z.infer<typeof CodedDimensionSchema>;

/** One category of a coded breakdown dimension: the code stored in a cell, its label, its SDMX/Eurostat code. */
export const CodeSchema = z.object({
  code: z.string(),
  label: z.string(),
  sdmx: z
    .string()
    .nullable()
    .describe("the code in the list's sdmxCodeList; null where it has no single equivalent"),
});
export type Code = z.infer<typeof CodeSchema>;

export const CodeListSchema = z.object({
  dimension: CodedDimensionSchema,
  name: z.string(),
  sdmxCodeList: z.string().describe('the SDMX or Eurostat code list the sdmx codes come from'),
  note: z.string().describe('where the categories come from and what they leave out'),
  codes: z.array(CodeSchema),
});
export type CodeList = z.infer<typeof CodeListSchema>;

export const UNKNOWN_CATEGORY = 'unknown';
const unknown: Code = { code: UNKNOWN_CATEGORY, label: 'Unknown', sdmx: '_U' };

const SEX: CodeList = {
  dimension: 'sex',
  name: 'Sex',
  sdmxCodeList: 'SDMX CL_SEX',
  note: 'The total of both sexes is the figure without a sex breakdown, not a category.',
  codes: [
    { code: 'female', label: 'Female', sdmx: 'F' },
    { code: 'male', label: 'Male', sdmx: 'M' },
    unknown,
  ],
};

const AGE_GROUP: CodeList = {
  dimension: 'age_group',
  name: 'Age group',
  sdmxCodeList: 'SDMX CL_AGE (Eurostat age)',
  note:
    'Children and adults as UNODC’s Global Report on Trafficking in Persons counts them (under 18 at identification; ' +
    '18 and over). A figure for "girls" is sex=female with age_group=child.',
  codes: [
    { code: 'child', label: 'Children (under 18)', sdmx: 'Y_LT18' },
    { code: 'adult', label: 'Adults (18 and over)', sdmx: 'Y_GE18' },
    unknown,
  ],
};

const EXPLOITATION_FORM: CodeList = {
  dimension: 'exploitation_form',
  name: 'Form of exploitation',
  sdmxCodeList: 'ICCS 0204 (trafficking in persons), as Eurostat classifies trafficking offences',
  note:
    'The forms UNODC’s Global Report distinguishes. Eurostat publishes sexual exploitation, forced labour and other ' +
    'forms; forced criminal activity, begging and forced marriage fall under ICCS “other purposes”.',
  codes: [
    { code: 'sexual', label: 'Sexual exploitation', sdmx: '02041' },
    { code: 'labour', label: 'Forced labour or services', sdmx: '02042' },
    { code: 'organ_removal', label: 'Removal of organs', sdmx: '02043' },
    { code: 'criminal_activity', label: 'Forced criminal activity', sdmx: '02044' },
    { code: 'begging', label: 'Forced begging', sdmx: '02044' },
    { code: 'forced_marriage', label: 'Forced or sham marriage', sdmx: '02044' },
    { code: 'mixed', label: 'Mixed sexual exploitation and forced labour', sdmx: null },
    { code: 'other', label: 'Other forms of exploitation', sdmx: '02044' },
    unknown,
  ],
};

/** ISO 3166-1 alpha-2, officially assigned codes. */
const ISO_3166_ALPHA_2 =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

const NATIONALITY: CodeList = {
  dimension: 'nationality',
  name: 'Citizenship',
  sdmxCodeList: 'ISO 3166-1 alpha-2 (SDMX CL_AREA)',
  note: 'Citizenship as declared or recorded, by ISO 3166-1 alpha-2 code in lower case; Eurostat writes Greece as EL.',
  codes: [
    ...ISO_3166_ALPHA_2.split(' ').map((iso) => ({
      code: iso.toLowerCase(),
      label: regionNames.of(iso) ?? iso,
      sdmx: iso,
    })),
    unknown,
  ],
};

/** The code lists of the coded breakdown dimensions; every other dimension takes free snake_case categories. */
export const CODE_LISTS: readonly CodeList[] = [SEX, AGE_GROUP, EXPLOITATION_FORM, NATIONALITY];

const codeSets = new Map(CODE_LISTS.map((list) => [list.dimension, new Set(list.codes.map((c) => c.code))]));

const isCoded = (dimension: string): dimension is CodedDimension =>
  (CODED_DIMENSIONS as readonly string[]).includes(dimension);

/** Null when `category` may stand in `dimension`'s breakdown; otherwise what is wrong, with the allowed codes. */
export function codeListProblem(dimension: string, category: string): CodeListProblem | null {
  if (!isCoded(dimension) || codeSets.get(dimension)?.has(category)) return null;
  const list = CODE_LISTS.find((l) => l.dimension === dimension);
  if (!list) return null;
  const allowed = list.dimension === 'nationality' ? null : list.codes.map((c) => c.code);
  return { dimension, category, list: list.name, allowed };
}

/** `codeListProblem` as an English sentence; null when the category is allowed. */
export function categoryProblem(dimension: string, category: string): string | null {
  const problem = codeListProblem(dimension, category);
  return problem === null ? null : renderReason(reason('category_not_in_code_list', problem));
}
