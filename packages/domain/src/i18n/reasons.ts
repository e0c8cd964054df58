import type { ComparabilityGrade, JurisdictionKind, MigrationProfile } from '../kinds.js';
import { LOCALES, type Locale } from './locale.js';
import { PROBLEMS_EN, PROBLEMS_UR, type ProblemParams } from './problems.js';

type Level = JurisdictionKind;
/** One side of a comparison of places of different levels: the place, or the place it stands in for. */
export type LevelSide = { jurisdiction: string; level: Level; standsInFor: string | null };
type YearValue = { year: number; value: number };
export type QualityIssue =
  | { kind: 'secondary'; jurisdiction: string; publisher: string }
  | { kind: 'low_reliability'; jurisdiction: string }
  | { kind: 'unverified'; jurisdiction: string };

/** The parameters of every reason a grade, an assessment or a score can give. */
export type ReasonParams = {
  definition_not_in_catalogue: { jurisdiction: string; definition: string };
  definition_not_comparable: { jurisdiction: string; label: string; note: string };
  definitions_differ: { base: string; baseLabel: string | null; other: string; otherLabel: string | null };
  part_year: { partial: string; partialSpan: string; annual: string; annualSpan: string };
  spans_differ: { base: string; baseSpan: string; other: string; otherSpan: string };
  /** A text already written by another rule (a derived figure's flag, a missing population). */
  explained: { text: string };
  count_not_per_resident: { indicator: string };
  absolute_counts: { base: string; other: string };
  units_differ: { base: string; baseUnit: string; other: string; otherUnit: string };
  amounts_not_adjusted: { unit: string };
  levels_differ: { base: LevelSide; other: LevelSide };
  profiles_differ: {
    base: string;
    baseProfile: MigrationProfile;
    other: string;
    otherProfile: MigrationProfile;
    indicator: string;
  };
  source_quality: { issues: QualityIssue[]; grade: ComparabilityGrade };
  no_figure: { base: boolean; other: string | null; year: number };
  suppressed: { jurisdiction: string };
  not_same_unit: { jurisdiction: string };
  grade_c: Record<string, never>;
  neutral_direction: Record<string, never>;
  intervals_overlap: { base: string; other: string };
  measures_detection: { indicator: string };
  stand_in: { shown: string; base: string };
  base_has_no_figure: { base: string; indicator: string; used: string };
  not_scored_neutral: Record<string, never>;
  not_scored_rank: Record<string, never>;
  not_scored_no_reference: Record<string, never>;
  no_own_figure: { jurisdiction: string; year: number };
  not_a_step: { value: number; scale: string };
  progress_no_later_figure: { baselineYear: number };
  progress_rank_without_scale: Record<string, never>;
  progress_target_met: { latest: YearValue; target: number };
  progress_no_longer_met: { baseline: YearValue; latest: YearValue; target: number };
  progress_yes_no_not_yet: { year: number };
  progress_placement_moved: { baseline: YearValue; latest: YearValue; target: number };
  progress_too_few_figures: { points: number; from: number; to: number; minimum: number };
  progress_counts_too_small: { mean: string; minimum: number };
  progress_slope: {
    points: number;
    from: number;
    to: number;
    actual: string;
    percent: string;
    required: string;
    target: YearValue;
  };
  observation_invalid_fields: Record<string, never>;
  observation_does_not_fit: Record<string, never>;
  unknown_indicator: { indicator: string };
  unknown_jurisdiction: { jurisdiction: string };
  jurisdiction_not_then: { jurisdiction: string; from: string | null; to: string | null; year: number };
  year_out_of_range: { min: number; max: number; value: number };
  year_end_before_year: { yearEnd: number; year: number };
  year_end_too_late: { max: number; value: number };
  value_not_a_count: { indicator: string; unit: string; value: number };
  value_negative_percent: { indicator: string; value: number };
  value_not_a_percent: { indicator: string; value: number };
  value_not_yes_no: { indicator: string; value: number };
  value_out_of_range: { indicator: string; min: number; max: number; value: number };
  value_negative: { indicator: string; value: number };
  breakdown_not_allowed: { indicator: string; dimension: string; allowed: string[] };
  unknown_definition: { definition: string; indicator: string; known: string[] };
  /** `times`: how many times the previous value, one decimal; null when under a third of it. */
  outlier: { value: number; times: string | null; previousValue: number };
  score_withheld: { own: number; scorable: number; jurisdiction: string; minimum: number; framework: number };
} & ProblemParams;
export type ReasonCode = keyof ReasonParams;
export type Reason = { [K in ReasonCode]: { code: K; params: ReasonParams[K] } }[ReasonCode];
export type ReasonTemplates = { [K in ReasonCode]: (p: ReasonParams[K]) => string };

export const reason = <K extends ReasonCode>(code: K, params: ReasonParams[K]) =>
  ({ code, params }) as Reason;

const NATIONAL: readonly Level[] = ['country', 'aggregate'];
const levelWord = (level: Level) => (NATIONAL.includes(level) ? 'country' : level);

const describeLevelEn = (s: LevelSide) =>
  s.standsInFor === null
    ? `${s.jurisdiction} is a ${levelWord(s.level)}`
    : `${s.jurisdiction} stands in for ${s.standsInFor}, a ${levelWord(s.level)}`;

const qualityEn = (q: QualityIssue) =>
  q.kind === 'secondary'
    ? `${q.jurisdiction} figure comes from a secondary reproduction (${q.publisher}), not the primary document`
    : q.kind === 'low_reliability'
      ? `${q.jurisdiction} figure is marked low reliability (U)`
      : `${q.jurisdiction} figure is unverified according to its note`;

const EN: ReasonTemplates = {
  ...PROBLEMS_EN,
  definition_not_in_catalogue: (p) =>
    `${p.jurisdiction} figure uses a definition ("${p.definition}") that is not in the catalogue`,
  definition_not_comparable: (p) => `${p.jurisdiction} figure: ${p.label}. ${p.note}`,
  definitions_differ: (p) =>
    `Definitions differ: ${p.base} uses ${p.baseLabel ?? 'the standard definition'}; ${p.other} uses ${p.otherLabel ?? 'the standard definition'}`,
  part_year: (p) =>
    `${p.partial} figure covers only part of the year (${p.partialSpan}) and is never compared with ${p.annual}’s figure for ${p.annualSpan}`,
  spans_differ: (p) => `${p.base} figure covers ${p.baseSpan} but ${p.other} figure covers ${p.otherSpan}`,
  explained: (p) => p.text,
  count_not_per_resident: (p) =>
    `${p.indicator} is a count not expressed per resident, so places of different size cannot be compared`,
  absolute_counts: (p) =>
    `Absolute counts of jurisdictions of different population are not comparable (${p.base} and ${p.other}); compare them per 100,000 residents`,
  units_differ: (p) =>
    `Amounts are in different units: ${p.baseUnit} for ${p.base}, ${p.otherUnit} for ${p.other}`,
  amounts_not_adjusted: (p) => `Amounts in ${p.unit} are not adjusted for population size or price levels`,
  levels_differ: (p) =>
    `${describeLevelEn(p.base)} and ${describeLevelEn(p.other)}: places of different levels differ in size, reporting and mix, so at most grade B`,
  profiles_differ: (p) =>
    `${p.base} is a ${p.baseProfile} country of trafficking and ${p.other} a ${p.otherProfile} one: ` +
    `${p.indicator} counts what is detected, which differs between them (a destination’s identified victims ` +
    'are mostly foreigners), so at most grade B',
  source_quality: (p) => `${p.issues.map(qualityEn).join('; ')}: one grade lower (${p.grade})`,
  no_figure: (p) =>
    `No figure for ${[p.base ? 'the base' : null, p.other].filter((m) => m !== null).join(' and ')} in ${p.year}`,
  suppressed: (p) => `${p.jurisdiction} figure is suppressed (a small count), not zero`,
  not_same_unit: (p) =>
    `${p.jurisdiction} figure is not in the same unit as the other, so they are not subtracted or divided`,
  grade_c: () => 'Not comparable (grade C): shown, but not assessed or scored',
  neutral_direction: () => 'Neither higher nor lower is better for this indicator',
  intervals_overlap: (p) => `The 95 % intervals overlap (${p.base}; ${p.other}): the gap may be chance`,
  measures_detection: (p) =>
    `${p.indicator} measures detection as much as performance: a higher figure is not called better or worse`,
  stand_in: (p) => `${p.shown} figure shown as a stand-in: ${p.base} has no figure of its own`,
  base_has_no_figure: (p) =>
    `${p.base} has no published figure for ${p.indicator}; ${p.used} is shown in its place.`,
  not_scored_neutral: () => 'Neither higher nor lower is better, so it is not scored',
  not_scored_rank: () =>
    'A rank without a fixed scale (the list of ranked countries changes by edition) is not scored',
  not_scored_no_reference: () =>
    'A count, rate or amount has no absolute reference; it is compared on the comparison page, not scored',
  no_own_figure: (p) => `No own figure for ${p.jurisdiction} up to ${p.year}`,
  not_a_step: (p) => `${p.value} is not a step of the scale ${p.scale}`,
  progress_no_later_figure: (p) => `Progress needs a figure later than the baseline year ${p.baselineYear}.`,
  progress_rank_without_scale: () =>
    'Insufficient data: an ordinal rank without a fixed scale is not compared across editions.',
  progress_target_met: (p) =>
    `The latest value (${p.latest.value}, ${p.latest.year}) meets the target of ${p.target}.`,
  progress_no_longer_met: (p) =>
    `The baseline (${p.baseline.value}, ${p.baseline.year}) met the target of ${p.target}, the latest value (${p.latest.value}, ${p.latest.year}) no longer does.`,
  progress_yes_no_not_yet: (p) =>
    `Not yet achieved in ${p.year}; a yes/no indicator has no partial progress.`,
  progress_placement_moved: (p) =>
    `The placement moved from ${p.baseline.value} (${p.baseline.year}) to ${p.latest.value} (${p.latest.year}); the target is ${p.target}.`,
  progress_too_few_figures: (p) =>
    `Insufficient data: ${p.points} figures from ${p.from} to ${p.to}, the baseline included; a slope needs at least ${p.minimum}.`,
  progress_counts_too_small: (p) =>
    `Insufficient data: a mean of ${p.mean} a year is below ${p.minimum}; chance alone moves such counts by a third or more.`,
  progress_slope: (p) =>
    `Over ${p.points} figures (${p.from}–${p.to}) the value changed by ${p.actual} a year, ${p.percent} % of the ${p.required} a year needed to reach ${p.target.value} by ${p.target.year}.`,
  observation_invalid_fields: () => 'The observation has invalid fields.',
  observation_does_not_fit: () => 'The observation does not fit the catalogue.',
  unknown_indicator: (p) => `Unknown indicator "${p.indicator}": use an id from the catalogue`,
  unknown_jurisdiction: (p) =>
    `Unknown jurisdiction "${p.jurisdiction}": use an id such as PK-PB-GUJRAT, IT or ES`,
  jurisdiction_not_then: (p) =>
    `${p.jurisdiction} existed only from ${p.from ?? 'the start'} to ${p.to ?? 'today'}: file a figure for ${p.year} under the unit that covered the area then`,
  year_out_of_range: (p) => `year must be between ${p.min} and ${p.max} (got ${p.value})`,
  year_end_before_year: (p) => `yearEnd (${p.yearEnd}) cannot be before year (${p.year})`,
  year_end_too_late: (p) => `yearEnd cannot be later than ${p.max} (got ${p.value})`,
  value_not_a_count: (p) =>
    `${p.indicator} is a count of ${p.unit}: value must be a whole number, 0 or more (got ${p.value})`,
  value_negative_percent: (p) => `${p.indicator} is a percent: value cannot be negative (got ${p.value})`,
  value_not_a_percent: (p) => `${p.indicator} is a percent: value must be between 0 and 100 (got ${p.value})`,
  value_not_yes_no: (p) => `${p.indicator} is yes/no: value must be 1 (yes) or 0 (no) (got ${p.value})`,
  value_out_of_range: (p) => `${p.indicator} must be between ${p.min} and ${p.max} (got ${p.value})`,
  value_negative: (p) => `${p.indicator} cannot be negative (got ${p.value})`,
  breakdown_not_allowed: (p) =>
    `${p.indicator} cannot be broken down by ${p.dimension} (allowed: ${p.allowed.length > 0 ? p.allowed.join(', ') : 'none'})`,
  unknown_definition: (p) =>
    `"${p.definition}" is not a definition of ${p.indicator} (known: ${p.known.join(', ')})`,
  outlier: (p) =>
    `value ${p.value} is ${p.times === null ? 'under a third of' : `${p.times} times`} the previous year's ${p.previousValue}; check the unit and the source before publishing`,
  score_withheld: (p) =>
    `Not scored: ${p.own} of ${p.scorable} items that could be scored are ${p.jurisdiction}’s own evidence (at least ${p.minimum} and at least half are needed)` +
    (p.framework > 0 ? `; ${p.framework} national framework item(s) are shown beside it, not counted` : '') +
    '.',
};

const LEVEL_UR: Record<string, string> = {
  country: 'ملک',
  province: 'صوبہ',
  division: 'ڈویژن',
  district: 'ضلع',
  tehsil: 'تحصیل',
  fia_zone: 'FIA زون',
};
const PROFILE_UR: Record<MigrationProfile, string> = {
  source: 'انسانی تجارت کے متاثرین کا آبائی',
  destination: 'انسانی تجارت کی منزل',
  transit: 'انسانی تجارت کی راہداری',
};

const describeLevelUr = (s: LevelSide) => {
  const level = LEVEL_UR[levelWord(s.level)] ?? s.level;
  return s.standsInFor === null
    ? `${s.jurisdiction} ایک ${level} ہے`
    : `${s.jurisdiction}، ${s.standsInFor} (ایک ${level}) کی جگہ دکھایا گیا ہے`;
};

const qualityUr = (q: QualityIssue) =>
  q.kind === 'secondary'
    ? `${q.jurisdiction} کا عدد بنیادی دستاویز کے بجائے ثانوی ماخذ (${q.publisher}) سے لیا گیا ہے`
    : q.kind === 'low_reliability'
      ? `${q.jurisdiction} کا عدد کم قابلِ اعتماد (U) درج ہے`
      : `${q.jurisdiction} کا عدد اپنے نوٹ کے مطابق غیر تصدیق شدہ ہے`;

const UR_MONTHS: Record<string, string> = {
  Jan: 'جنوری',
  Feb: 'فروری',
  Mar: 'مارچ',
  Apr: 'اپریل',
  May: 'مئی',
  Jun: 'جون',
  Jul: 'جولائی',
  Aug: 'اگست',
  Sep: 'ستمبر',
  Oct: 'اکتوبر',
  Nov: 'نومبر',
  Dec: 'دسمبر',
};

/** A span as `spanLabel` writes it ("Apr 2023–May 2023 (2 months)", "2017–2021 (cumulative)"), in Urdu. */
export function spanInUrdu(span: string): string {
  return span
    .replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/g, (month) => UR_MONTHS[month] ?? month)
    .replace(/\((\d+) months from a start month not given\)/, '($1 ماہ، آغاز کا مہینہ نامعلوم)')
    .replace(/\((\d+) months\)/, '($1 ماہ)')
    .replace('(cumulative)', '(مجموعی)');
}

const UR: ReasonTemplates = {
  ...PROBLEMS_UR,
  definition_not_in_catalogue: (p) =>
    `${p.jurisdiction} کا عدد ایسی تعریف ("${p.definition}") پر مبنی ہے جو کیٹلاگ میں نہیں`,
  definition_not_comparable: (p) => `${p.jurisdiction} کا عدد: ${p.label}۔ ${p.note}`,
  definitions_differ: (p) =>
    `تعریفیں مختلف ہیں: ${p.base} میں ${p.baseLabel ?? 'معیاری تعریف'}؛ ${p.other} میں ${p.otherLabel ?? 'معیاری تعریف'}`,
  part_year: (p) =>
    `${p.partial} کا عدد صرف جزوی سال (${spanInUrdu(p.partialSpan)}) کا ہے، اس لیے اس کا موازنہ ${p.annual} کے ${spanInUrdu(p.annualSpan)} کے عدد سے کبھی نہیں کیا جاتا`,
  spans_differ: (p) =>
    `${p.base} کا عدد ${spanInUrdu(p.baseSpan)} کی مدت کا ہے جبکہ ${p.other} کا عدد ${spanInUrdu(p.otherSpan)} کا`,
  explained: (p) => p.text,
  count_not_per_resident: (p) =>
    `${p.indicator} ایک تعداد ہے جو فی باشندہ ظاہر نہیں کی گئی، اس لیے مختلف آبادی والے مقامات کا موازنہ نہیں ہو سکتا`,
  absolute_counts: (p) =>
    `مختلف آبادی والے دائرۂ اختیار (${p.base} اور ${p.other}) کی مطلق تعداد قابلِ موازنہ نہیں؛ ان کا موازنہ فی ایک لاکھ آبادی کریں`,
  units_differ: (p) =>
    `رقوم مختلف اکائیوں میں ہیں: ${p.base} کے لیے ${p.baseUnit}، ${p.other} کے لیے ${p.otherUnit}`,
  amounts_not_adjusted: (p) => `${p.unit} میں رقوم آبادی یا قیمتوں کی سطح کے مطابق ایڈجسٹ نہیں کی گئیں`,
  levels_differ: (p) =>
    `${describeLevelUr(p.base)} اور ${describeLevelUr(p.other)}: مختلف سطح کے مقامات حجم، رپورٹنگ اور ساخت میں مختلف ہوتے ہیں، اس لیے زیادہ سے زیادہ درجہ B`,
  profiles_differ: (p) =>
    `${p.base} ${PROFILE_UR[p.baseProfile]} ملک ہے اور ${p.other} ${PROFILE_UR[p.otherProfile]} ملک: ` +
    `${p.indicator} وہ گنتا ہے جس کا سراغ لگایا جائے، جو دونوں میں مختلف ہے (منزل والے ملک کے شناخت شدہ متاثرین زیادہ تر غیر ملکی ہوتے ہیں)، اس لیے زیادہ سے زیادہ درجہ B`,
  source_quality: (p) => `${p.issues.map(qualityUr).join('؛ ')}: ایک درجہ کم (${p.grade})`,
  no_figure: (p) =>
    `${p.year} میں ${[p.base ? 'بنیادی دائرۂ اختیار' : null, p.other].filter((m) => m !== null).join(' اور ')} کا کوئی عدد نہیں`,
  suppressed: (p) => `${p.jurisdiction} کا عدد پوشیدہ ہے (رازداری کے تحفظ کے لیے، چھوٹی تعداد)، صفر نہیں`,
  not_same_unit: (p) =>
    `${p.jurisdiction} کا عدد دوسرے کی اکائی میں نہیں، اس لیے انہیں نہ گھٹایا جاتا ہے نہ تقسیم کیا جاتا ہے`,
  grade_c: () => 'قابلِ موازنہ نہیں (درجہ C): دکھایا گیا ہے، مگر نہ جانچا گیا نہ اسکور کیا گیا',
  neutral_direction: () => 'اس اشاریے میں نہ زیادہ بہتر ہے نہ کم',
  intervals_overlap: (p) =>
    `95 % اعتماد کے وقفے ایک دوسرے پر آتے ہیں (${p.base}؛ ${p.other}): فرق اتفاقی ہو سکتا ہے`,
  measures_detection: (p) =>
    `${p.indicator} کارکردگی کے ساتھ ساتھ سراغ رسانی کو بھی ناپتا ہے: زیادہ عدد کو بہتر یا بدتر نہیں کہا جاتا`,
  base_has_no_figure: (p) =>
    `${p.base} کا ${p.indicator} کا کوئی شائع شدہ عدد نہیں؛ اس کی جگہ ${p.used} دکھایا گیا ہے۔`,
  stand_in: (p) => `${p.shown} کا عدد متبادل کے طور پر دکھایا گیا ہے: ${p.base} کا اپنا کوئی عدد نہیں`,
  not_scored_neutral: () => 'نہ زیادہ بہتر ہے نہ کم، اس لیے اسکور نہیں کیا جاتا',
  not_scored_rank: () =>
    'مقررہ پیمانے کے بغیر درجہ بندی (درجہ بند ممالک کی فہرست ہر اشاعت میں بدلتی ہے) اسکور نہیں کی جاتی',
  not_scored_no_reference: () =>
    'تعداد، شرح یا رقم کا کوئی مطلق پیمانہ نہیں؛ اس کا موازنہ موازنے کے صفحے پر ہوتا ہے، اسکور نہیں کیا جاتا',
  no_own_figure: (p) => `${p.year} تک ${p.jurisdiction} کا اپنا کوئی عدد نہیں`,
  not_a_step: (p) => `${p.value} پیمانے ${p.scale} کا کوئی قدم نہیں`,
  progress_no_later_figure: (p) =>
    `پیش رفت کے لیے بنیادی سطح کے سال ${p.baselineYear} کے بعد کا عدد درکار ہے۔`,
  progress_rank_without_scale: () =>
    'ناکافی ڈیٹا: مقررہ پیمانے کے بغیر درجہ بندی کا مختلف اشاعتوں کے درمیان موازنہ نہیں کیا جاتا۔',
  progress_target_met: (p) =>
    `تازہ ترین عدد (${p.latest.value}، ${p.latest.year}) ہدف ${p.target} کو پورا کرتا ہے۔`,
  progress_no_longer_met: (p) =>
    `بنیادی سطح (${p.baseline.value}، ${p.baseline.year}) ہدف ${p.target} کو پورا کرتی تھی، تازہ ترین عدد (${p.latest.value}، ${p.latest.year}) اب نہیں کرتا۔`,
  progress_yes_no_not_yet: (p) => `${p.year} تک حاصل نہیں ہوا؛ ہاں/نہیں اشاریے میں جزوی پیش رفت نہیں ہوتی۔`,
  progress_placement_moved: (p) =>
    `مقام ${p.baseline.value} (${p.baseline.year}) سے ${p.latest.value} (${p.latest.year}) پر آیا؛ ہدف ${p.target} ہے۔`,
  progress_too_few_figures: (p) =>
    `ناکافی ڈیٹا: ${p.from} سے ${p.to} تک بنیادی سطح سمیت ${p.points} اعداد؛ رجحان کے لیے کم از کم ${p.minimum} درکار ہیں۔`,
  progress_counts_too_small: (p) =>
    `ناکافی ڈیٹا: سالانہ اوسط ${p.mean}، ${p.minimum} سے کم ہے؛ ایسی تعداد محض اتفاق سے ایک تہائی یا زیادہ بدل جاتی ہے۔`,
  progress_slope: (p) =>
    `${p.points} اعداد (${p.from}–${p.to}) میں عدد ${p.actual} سالانہ بدلا، جو ${p.target.year} تک ${p.target.value} تک پہنچنے کے لیے درکار ${p.required} سالانہ کا ${p.percent} % ہے۔`,
  observation_invalid_fields: () => 'عدد کے اندراج کے بعض خانے درست نہیں۔',
  observation_does_not_fit: () => 'یہ اندراج کیٹلاگ کے مطابق نہیں۔',
  unknown_indicator: (p) => `نامعلوم اشاریہ "${p.indicator}": کیٹلاگ میں سے کوئی شناختی کوڈ استعمال کریں`,
  unknown_jurisdiction: (p) =>
    `نامعلوم دائرۂ اختیار "${p.jurisdiction}": PK-PB-GUJRAT، IT یا ES جیسا شناختی کوڈ استعمال کریں`,
  jurisdiction_not_then: (p) =>
    `${p.jurisdiction} صرف ${p.from ?? 'آغاز'} سے ${p.to ?? 'آج'} تک موجود رہا: ${p.year} کا عدد اس اکائی کے تحت درج کریں جو اس وقت اس علاقے پر محیط تھی`,
  year_out_of_range: (p) => `سال ${p.min} اور ${p.max} کے درمیان ہونا چاہیے (درج کیا گیا: ${p.value})`,
  year_end_before_year: (p) => `آخری سال (${p.yearEnd}) پہلے سال (${p.year}) سے پہلے نہیں ہو سکتا`,
  year_end_too_late: (p) => `آخری سال ${p.max} کے بعد کا نہیں ہو سکتا (درج کیا گیا: ${p.value})`,
  value_not_a_count: (p) =>
    `${p.indicator} ${p.unit} کی تعداد ہے: عدد 0 یا اس سے زیادہ کا مکمل عدد ہونا چاہیے (درج کیا گیا: ${p.value})`,
  value_negative_percent: (p) => `${p.indicator} فیصد ہے: عدد منفی نہیں ہو سکتا (درج کیا گیا: ${p.value})`,
  value_not_a_percent: (p) =>
    `${p.indicator} فیصد ہے: عدد 0 اور 100 کے درمیان ہونا چاہیے (درج کیا گیا: ${p.value})`,
  value_not_yes_no: (p) =>
    `${p.indicator} ہاں/نہیں ہے: عدد 1 (ہاں) یا 0 (نہیں) ہونا چاہیے (درج کیا گیا: ${p.value})`,
  value_out_of_range: (p) =>
    `${p.indicator} ${p.min} اور ${p.max} کے درمیان ہونا چاہیے (درج کیا گیا: ${p.value})`,
  value_negative: (p) => `${p.indicator} منفی نہیں ہو سکتا (درج کیا گیا: ${p.value})`,
  breakdown_not_allowed: (p) =>
    `${p.indicator} کو ${p.dimension} کے لحاظ سے تقسیم نہیں کیا جا سکتا (اجازت: ${p.allowed.length > 0 ? p.allowed.join('، ') : 'کوئی نہیں'})`,
  unknown_definition: (p) =>
    `"${p.definition}"، ${p.indicator} کی کوئی تعریف نہیں (معلوم تعریفیں: ${p.known.join('، ')})`,
  outlier: (p) =>
    `عدد ${p.value} پچھلے سال کے ${p.previousValue} کا ${p.times === null ? 'ایک تہائی سے بھی کم' : `${p.times} گنا`} ہے؛ شائع کرنے سے پہلے اکائی اور ماخذ جانچ لیں`,
  score_withheld: (p) =>
    `اسکور نہیں کیا گیا: اسکور کے قابل ${p.scorable} میں سے ${p.own} آئٹمز ${p.jurisdiction} کے اپنے شواہد ہیں (کم از کم ${p.minimum} اور کم از کم نصف درکار ہیں)` +
    (p.framework > 0
      ? `؛ قومی فریم ورک کے ${p.framework} آئٹمز ساتھ دکھائے گئے ہیں، شمار نہیں کیے گئے`
      : '') +
    '۔',
};

/** Every reason's text in every locale: a locale missing one fails to compile. */
export const REASON_TEMPLATES: Record<Locale, ReasonTemplates> = { en: EN, ur: UR };

/** The reason as a sentence in the locale. */
export function renderReason(r: Reason, locale: Locale = 'en'): string {
  const template = REASON_TEMPLATES[locale][r.code] as (p: Reason['params']) => string;
  return template(r.params);
}

/** The reason in every locale, for an answer written in its reader's language later (a problem's detail). */
export const renderInEveryLocale = (r: Reason): Record<Locale, string> =>
  Object.fromEntries(LOCALES.map((locale) => [locale, renderReason(r, locale)])) as Record<Locale, string>;
