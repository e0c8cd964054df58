import type { Locale } from './locale.js';

type WorkflowStateName = 'draft' | 'submitted' | 'approved' | 'published' | 'rejected';
type EventName = 'edit' | 'submit' | 'approve' | 'reject' | 'publish' | 'unlock';
/** A count behind a derived figure: its indicator's id, name in every locale, and value. */
type NamedCount = { id: string; name: Record<Locale, string>; value: number | null };
export type CodeListProblem = { dimension: string; category: string; list: string; allowed: string[] | null };

/** The parameters of every refusal and parse problem the domain writes (part of `ReasonParams`). */
export type ProblemParams = {
  workflow_not_from_state: { state: WorkflowStateName; event: EventName };
  workflow_locked: Record<string, never>;
  workflow_same_submitter: Record<string, never>;
  workflow_same_editor: Record<string, never>;
  workflow_reason_required: { event: 'reject' | 'unlock'; minimum: number };
  workflow_not_locked: Record<string, never>;
  workflow_reason_too_short: { minimum: number };
  auth_sign_in: Record<string, never>;
  auth_role_may_not: { role: string; action: string };
  auth_no_jurisdiction: { action: string };
  auth_out_of_scope: { role: string; scope: string | null; action: string; jurisdiction: string };
  source_exactly_one: Record<string, never>;
  source_title_required: Record<string, never>;
  source_title_empty: Record<string, never>;
  source_publisher_required: Record<string, never>;
  source_publisher_empty: Record<string, never>;
  source_id_not_positive: Record<string, never>;
  year_not_a_number: { field: string };
  year_not_whole: { field: string };
  value_not_finite: Record<string, never>;
  target_after_baseline: Record<string, never>;
  from_after_to: Record<string, never>;
  category_not_snake_case: Record<string, never>;
  category_not_in_code_list: CodeListProblem;
  jurisdiction_id_format: Record<string, never>;
  indicator_id_format: Record<string, never>;
  measure_id_format: Record<string, never>;
  cursor_format: Record<string, never>;
  email_format: Record<string, never>;
  field_required: { field: string };
  token_name_required: Record<string, never>;
  token_too_long: { days: number };
  breakdown_not_a_pair: { part: string };
  breakdown_dimension_twice: { dimension: string };
  breakdown_malformed: { dimensions: readonly string[] };
  breakdown_categories: { problems: CodeListProblem[] };
  period_not_months: { period: string };
  period_start_year: { period: string; year: number };
  period_ends_before_start: { period: string };
  period_years: { period: string; year: number; yearEnd: number };
  unit_listed_twice: { id: string };
  unit_closes_before_opening: { id: string; from: string | null; to: string | null };
  unit_unknown_parent: { id: string; parent: string };
  unit_period_reversed: { parent: string };
  unit_period_outside_life: { id: string; parent: string; from: string | null; to: string | null };
  unit_parent_not_alive: { id: string; parent: string };
  unit_periods_overlap: { id: string; parent: string; next: string };
  unit_below_itself: { id: string };
  unit_exists: { id: string };
  unit_already_closed: { id: string; on: string };
  unit_field_required: { id: string; field: string };
  unit_has_open_children: { id: string; children: string[] };
  missing_population: { jurisdiction: string; years: number; year: number; neither: boolean };
  derived_exceeds: {
    jurisdiction: string;
    year: number;
    numerator: NamedCount;
    denominator: NamedCount;
    ratio: number | null;
    indicator: string;
  };
};
export type ProblemTemplates = { [K in keyof ProblemParams]: (p: ProblemParams[K]) => string };

const PAST_EN: Record<EventName, string> = {
  edit: 'edited',
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  publish: 'published',
  unlock: 'unlocked',
};
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const round1 = (x: number) => Math.round(x * 10) / 10;

const codeListEn = (p: CodeListProblem) =>
  `${p.dimension} "${p.category}" is not in the ${p.list.toLowerCase()} code list; allowed: ` +
  (p.allowed === null
    ? 'an ISO 3166-1 alpha-2 code in lower case (pk, it, es, …) or unknown'
    : p.allowed.join(', '));

export const PROBLEMS_EN: ProblemTemplates = {
  workflow_not_from_state: (p) => `A ${p.state} figure cannot be ${PAST_EN[p.event]}.`,
  workflow_locked: () => 'An approved figure is locked; a reviewer must unlock it (with a reason) first.',
  workflow_same_submitter: () =>
    'A figure must be approved by someone other than the person who submitted it.',
  workflow_same_editor: () =>
    'A figure must be approved by someone other than the person who entered or last changed it.',
  workflow_reason_required: (p) =>
    `Say why the figure is ${PAST_EN[p.event]} (at least ${p.minimum} characters).`,
  workflow_not_locked: () => 'The figure is not locked.',
  workflow_reason_too_short: (p) => `at least ${p.minimum} characters`,
  auth_sign_in: () => 'Sign in or send an API token to do this.',
  auth_role_may_not: (p) => `A ${p.role} may not ${p.action}.`,
  auth_no_jurisdiction: (p) => `Your account has no jurisdiction to ${p.action} in.`,
  auth_out_of_scope: (p) =>
    `A ${p.role} for ${p.scope ?? 'no jurisdiction'} may not ${p.action} for ${p.jurisdiction}.`,
  source_exactly_one: () =>
    'Give either sourceId (an existing source) or source (a new one), exactly one of them',
  source_title_required: () => 'source.title is required',
  source_title_empty: () => 'source.title must not be empty',
  source_publisher_required: () => 'source.publisher is required',
  source_publisher_empty: () => 'source.publisher must not be empty',
  source_id_not_positive: () => 'sourceId must be a positive whole number',
  year_not_a_number: (p) => `${p.field} must be a year written as a number, e.g. 2021`,
  year_not_whole: (p) => `${p.field} must be a whole year`,
  value_not_finite: () => 'value must be a finite number (write 1234.5, not "1,234.5" or text)',
  target_after_baseline: () => 'the target year must be after the baseline year',
  from_after_to: () => 'from must not be later than to',
  category_not_snake_case: () => 'a snake_case category',
  category_not_in_code_list: codeListEn,
  jurisdiction_id_format: () => 'a jurisdiction id such as PK-PB-GUJRAT, IT or ES',
  indicator_id_format: () => 'a snake_case indicator id',
  measure_id_format: () => 'a snake_case measure id',
  cursor_format: () => 'a cursor from meta.next or the Link header',
  email_format: () => 'an email address such as name@example.org',
  field_required: (p) => `${p.field} is required`,
  token_name_required: () => 'name the token, e.g. "monthly export"',
  token_too_long: (p) => `a token lives at most ${p.days} days`,
  breakdown_not_a_pair: (p) => `"${p.part}" is not dimension=category`,
  breakdown_dimension_twice: (p) => `${p.dimension} is given twice`,
  breakdown_malformed: (p) =>
    `use dimension=category pairs separated by ";" (dimensions: ${p.dimensions.join(', ')}; categories in snake_case)`,
  breakdown_categories: (p) => p.problems.map(codeListEn).join('; '),
  period_not_months: (p) => `period "${p.period}" is not a span of months`,
  period_start_year: (p) =>
    `period ${p.period} must start in year ${p.year}, the year the figure is filed under`,
  period_ends_before_start: (p) => `period ${p.period} ends before it starts`,
  period_years: (p) => `period ${p.period} must run from year ${p.year} to yearEnd ${p.yearEnd}`,
  unit_listed_twice: (p) => `${p.id} is listed twice`,
  unit_closes_before_opening: (p) => `${p.id} closes (${p.to}) before it opens (${p.from})`,
  unit_unknown_parent: (p) => `${p.id} has an unknown parent ${p.parent}`,
  unit_period_reversed: (p) => `the period under ${p.parent} ends before it starts`,
  unit_period_outside_life: (p) =>
    `the period under ${p.parent} lies outside ${p.id}'s life (${p.from ?? '…'} to ${p.to ?? '…'})`,
  unit_parent_not_alive: (p) => `${p.parent} does not exist for the whole period ${p.id} is placed under it`,
  unit_periods_overlap: (p) => `${p.id}'s periods under ${p.parent} and ${p.next} overlap`,
  unit_below_itself: (p) => `${p.id} would lie below itself`,
  unit_exists: (p) => `${p.id} already exists: give valid_to to close it`,
  unit_already_closed: (p) => `${p.id} was already closed on ${p.on}`,
  unit_field_required: (p) => `${p.field} is required to add ${p.id}`,
  unit_has_open_children: (p) =>
    `${p.id} still has units under it (${p.children.join(', ')}): close or move them first`,
  missing_population: (p) =>
    `No population figure for ${p.jurisdiction} within ${p.years} year(s) of ${p.year}` +
    `${p.neither ? ', nor one on each side to interpolate between' : ''}, so the count cannot be expressed per 100,000 residents.`,
  derived_exceeds: (p) => {
    const { numerator: n, denominator: d } = p;
    const above = `${p.jurisdiction} ${p.year}: ${n.name.en} (${n.value}) exceed ${lowerFirst(d.name.en)} (${d.value})`;
    if (d.id === 'population') return `${above}; one of the two figures is wrong`;
    const ratio = p.ratio === null ? '' : ` (${round1(p.ratio)})`;
    return (
      `${above} in the same year: the two counts refer to different cases, ` +
      `so the ratio${ratio} is not a valid "${p.indicator}"`
    );
  },
};

const STATE_UR: Record<WorkflowStateName, string> = {
  draft: 'مسودہ',
  submitted: 'نظرِ ثانی کے لیے پیش',
  approved: 'منظور شدہ',
  published: 'شائع شدہ',
  rejected: 'مسترد',
};
const EVENT_UR: Record<EventName, string> = {
  edit: 'تبدیل',
  submit: 'نظرِ ثانی کے لیے پیش',
  approve: 'منظور',
  reject: 'مسترد',
  publish: 'شائع',
  unlock: 'غیر مقفل',
};
const ROLE_UR: Record<string, string> = {
  admin: 'منتظم',
  provincial_reviewer: 'صوبائی جائزہ کار',
  district_official: 'ضلعی افسر',
  donor: 'عطیہ دہندہ',
  researcher: 'محقق',
};
const LIST_UR: Record<string, string> = {
  sex: 'جنس',
  age_group: 'عمر کے گروپ',
  exploitation_form: 'استحصال کی شکل',
  nationality: 'شہریت',
};
const roleUr = (role: string) => ROLE_UR[role] ?? role;

const codeListUr = (p: CodeListProblem) =>
  `${p.dimension} "${p.category}"، ${LIST_UR[p.dimension] ?? p.dimension} کی کوڈ فہرست میں نہیں؛ اجازت: ` +
  (p.allowed === null
    ? 'چھوٹے حروف میں ISO 3166-1 alpha-2 کوڈ (pk، it، es، …) یا unknown'
    : p.allowed.join('، '));

export const PROBLEMS_UR: ProblemTemplates = {
  workflow_not_from_state: (p) => `${STATE_UR[p.state]} حالت کا عدد ${EVENT_UR[p.event]} نہیں کیا جا سکتا۔`,
  workflow_locked: () => 'منظور شدہ عدد مقفل ہے؛ پہلے کوئی جائزہ کار اسے (وجہ بتا کر) غیر مقفل کرے۔',
  workflow_same_submitter: () =>
    'عدد کی منظوری اس شخص کے علاوہ کوئی اور دے جس نے اسے نظرِ ثانی کے لیے پیش کیا۔',
  workflow_same_editor: () =>
    'عدد کی منظوری اس شخص کے علاوہ کوئی اور دے جس نے اسے درج کیا یا آخری بار تبدیل کیا۔',
  workflow_reason_required: (p) =>
    `بتائیں کہ عدد کیوں ${EVENT_UR[p.event]} کیا جا رہا ہے (کم از کم ${p.minimum} حروف)۔`,
  workflow_not_locked: () => 'یہ عدد مقفل نہیں۔',
  workflow_reason_too_short: (p) => `کم از کم ${p.minimum} حروف`,
  auth_sign_in: () => 'یہ کام کرنے کے لیے سائن اِن کریں یا API ٹوکن بھیجیں۔',
  auth_role_may_not: (p) => `${roleUr(p.role)} کو ${p.action} کی اجازت نہیں۔`,
  auth_no_jurisdiction: (p) => `آپ کے اکاؤنٹ کا کوئی دائرۂ اختیار نہیں جس میں ${p.action} کیا جا سکے۔`,
  auth_out_of_scope: (p) =>
    `${p.scope === null ? 'بغیر دائرۂ اختیار' : p.scope} کے ${roleUr(p.role)} کو ${p.jurisdiction} کے لیے ${p.action} کی اجازت نہیں۔`,
  source_exactly_one: () => 'sourceId (موجودہ ماخذ) یا source (نیا ماخذ) میں سے صرف ایک دیں',
  source_title_required: () => 'source.title (ماخذ کا عنوان) ضروری ہے',
  source_title_empty: () => 'source.title (ماخذ کا عنوان) خالی نہیں ہو سکتا',
  source_publisher_required: () => 'source.publisher (ناشر) ضروری ہے',
  source_publisher_empty: () => 'source.publisher (ناشر) خالی نہیں ہو سکتا',
  source_id_not_positive: () => 'sourceId ایک مثبت مکمل عدد ہونا چاہیے',
  year_not_a_number: (p) => `${p.field} ہندسوں میں لکھا گیا سال ہونا چاہیے، مثلاً 2021`,
  year_not_whole: (p) => `${p.field} ایک مکمل سال ہونا چاہیے`,
  value_not_finite: () => 'عدد ایک محدود عدد ہونا چاہیے (1234.5 لکھیں، "1,234.5" یا متن نہیں)',
  target_after_baseline: () => 'ہدف کا سال بنیادی سطح کے سال کے بعد ہونا چاہیے',
  from_after_to: () => 'from کا سال to کے سال کے بعد کا نہیں ہو سکتا',
  category_not_snake_case: () => 'snake_case میں لکھا گیا زمرہ درکار ہے',
  category_not_in_code_list: codeListUr,
  jurisdiction_id_format: () => 'دائرۂ اختیار کا شناختی کوڈ درکار ہے، جیسے PK-PB-GUJRAT، IT یا ES',
  indicator_id_format: () => 'snake_case میں اشاریے کا شناختی کوڈ درکار ہے',
  measure_id_format: () => 'snake_case میں پالیسی اقدام کا شناختی کوڈ درکار ہے',
  cursor_format: () => 'meta.next یا Link ہیڈر سے لیا گیا cursor درکار ہے',
  email_format: () => 'ای میل پتا درکار ہے، جیسے name@example.org',
  field_required: (p) => `${p.field} ضروری ہے`,
  token_name_required: () => 'ٹوکن کا نام لکھیں، مثلاً "monthly export"',
  token_too_long: (p) => `ٹوکن زیادہ سے زیادہ ${p.days} دن کارآمد رہتا ہے`,
  breakdown_not_a_pair: (p) => `"${p.part}"، dimension=category کی صورت میں نہیں`,
  breakdown_dimension_twice: (p) => `${p.dimension} دو بار دیا گیا ہے`,
  breakdown_malformed: (p) =>
    `dimension=category کے جوڑے ";" سے الگ کر کے لکھیں (dimensions: ${p.dimensions.join('، ')}؛ زمرے snake_case میں)`,
  breakdown_categories: (p) => p.problems.map(codeListUr).join('؛ '),
  period_not_months: (p) => `مدت "${p.period}" مہینوں کا دورانیہ نہیں`,
  period_start_year: (p) => `مدت ${p.period} کا آغاز سال ${p.year} میں ہونا چاہیے، جس سال کے تحت عدد درج ہے`,
  period_ends_before_start: (p) => `مدت ${p.period} اپنے آغاز سے پہلے ختم ہوتی ہے`,
  period_years: (p) => `مدت ${p.period} کو سال ${p.year} سے آخری سال ${p.yearEnd} تک ہونا چاہیے`,
  unit_listed_twice: (p) => `${p.id} دو بار درج ہے`,
  unit_closes_before_opening: (p) =>
    `${p.id} کے ختم ہونے کی تاریخ (${p.to}) اس کے آغاز (${p.from}) سے پہلے ہے`,
  unit_unknown_parent: (p) => `${p.id} کی بالائی اکائی ${p.parent} نامعلوم ہے`,
  unit_period_reversed: (p) => `${p.parent} کے تحت مدت شروع ہونے سے پہلے ختم ہو جاتی ہے`,
  unit_period_outside_life: (p) =>
    `${p.parent} کے تحت مدت ${p.id} کی مدتِ وجود (${p.from ?? '…'} تا ${p.to ?? '…'}) سے باہر ہے`,
  unit_parent_not_alive: (p) => `${p.parent} اس پوری مدت میں موجود نہیں جس میں ${p.id} اس کے تحت رکھا گیا ہے`,
  unit_periods_overlap: (p) => `${p.id} کی ${p.parent} اور ${p.next} کے تحت مدتیں ایک دوسرے پر چڑھتی ہیں`,
  unit_below_itself: (p) => `${p.id} اپنے ہی نیچے آ جائے گا`,
  unit_exists: (p) => `${p.id} پہلے سے موجود ہے: اسے بند کرنے کے لیے valid_to دیں`,
  unit_already_closed: (p) => `${p.id} پہلے ہی ${p.on} کو بند ہو چکا ہے`,
  unit_field_required: (p) => `${p.id} شامل کرنے کے لیے ${p.field} ضروری ہے`,
  unit_has_open_children: (p) =>
    `${p.id} کے تحت ابھی اکائیاں موجود ہیں (${p.children.join('، ')}): پہلے انہیں بند یا منتقل کریں`,
  missing_population: (p) =>
    `${p.jurisdiction} کی آبادی کا کوئی عدد ${p.year} کے ${p.years} سال کے اندر نہیں` +
    `${p.neither ? '، نہ ہی دونوں جانب ایک ایک عدد جن کے درمیان اندازہ لگایا جا سکے' : ''}، اس لیے تعداد فی ایک لاکھ آبادی ظاہر نہیں کی جا سکتی۔`,
  derived_exceeds: (p) => {
    const { numerator: n, denominator: d } = p;
    const above = `${p.jurisdiction} ${p.year}: ${n.name.ur} (${n.value})، ${d.name.ur} (${d.value}) سے زیادہ ہیں`;
    if (d.id === 'population') return `${above}؛ دونوں میں سے ایک عدد غلط ہے`;
    const ratio = p.ratio === null ? '' : ` (${round1(p.ratio)})`;
    return `${above}، اسی سال میں: دونوں تعدادیں مختلف کیسز کی ہیں، اس لیے تناسب${ratio} درست "${p.indicator}" نہیں`;
  },
};
