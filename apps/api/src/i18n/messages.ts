import { LOCALES, type Locale, type WorkflowState } from '@fourp/domain';

type None = Record<string, never>;
type Id = { id: number | string };

/** The parameters of every text the API writes itself: problem details, import row and file messages. */
export type MessageParams = {
  import_required: { column: string };
  import_not_year: { text: string };
  import_not_number: { text: string };
  import_not_source_kind: { text: string };
  import_more_problems: { count: number };
  import_repeats_row: { first: number };
  import_outlier: { outlier: string; explained: boolean };
  import_figure_refused: { id: number; state: WorkflowState; locked: boolean; value: number };
  import_limit_bytes: { max: string };
  import_limit_rows: { max: string };
  import_limit_columns: { max: string };
  import_limit_cellCharacters: { max: string };
  import_limit_unpackedBytes: { max: string };
  import_file_empty: None;
  import_no_header: None;
  import_not_utf8: None;
  import_not_xlsx: None;
  import_no_sheet: None;
  import_missing_columns: { template: string; reference: string };
  reference_unmapped: { key: string };
  reference_unit: { unit: string; key: string };
  reference_value: { text: string };
  reference_year: { column: string; text: string };
  reference_source_required: None;
  import_csv_fields: { expected: number; found: number };
  import_csv_quote: None;
  csv_line: { line: number; message: string };
  import_issue_at: { row: number; column: string; message: string };
  import_limit_passed: { issues: string };
  import_rows_refused: { count: number; first: string };
  import_multipart_unreadable: { reason: string };
  import_file_field: None;
  required: None;
  jurisdiction_file_not_json: None;
  jurisdiction_file_not_rows: None;
  jurisdiction_file_expected_rows: None;
  jurisdiction_file_empty: None;
  jurisdiction_rows_refused: { count: number };
  token_unknown: None;
  token_cannot_create: None;
  token_not_found: Id;
  csrf_missing: { header: string };
  sign_in_required: None;
  account_gone: None;
  login_wrong: None;
  login_rate_limited: { email: string; seconds: number };
  password_rate_limited: { email: string; seconds: number };
  password_needs_session: None;
  password_current_wrong: None;
  password_same: None;
  password_too_short: { min: number };
  password_too_long: { max: number };
  password_contains_email: { part: string };
  password_too_easy: { score: number; min: number; why: string };
  account_exists: { email: string };
  email_invalid: { email: string };
  user_not_found: Id;
  user_unknown_jurisdiction: Id;
  user_official_needs_jurisdiction: None;
  figure_not_found: Id;
  figure_exists: None;
  figure_exists_use_patch: None;
  figure_outlier_needs_comment: None;
  source_not_found: Id;
  source_not_found_give_new: Id;
  source_either: None;
  correction_reason: None;
  correction_reason_required: None;
  batch_refused: { id: number; reason: string };
  target_neutral: { indicator: string };
  target_neutral_issue: None;
  release_not_found: Id;
  release_nothing_new: Id;
  export_too_large: { format: string; count: number; max: number };
  database_unreachable: None;
  invalid_query: { names: string };
  compare_per: { indicator: string; measureType: string; allowed: string };
  cursor_unknown: None;
  method_not_allowed: { method: string; path: string };
  body_too_large: None;
  body_not_json: None;
  body_malformed: None;
  body_malformed_json: None;
};

export type MessageCode = keyof MessageParams;
export type MessageTemplates = { [K in MessageCode]: (p: MessageParams[K]) => string };

const EN: MessageTemplates = {
  import_required: ({ column }) => `${column} is required`,
  import_not_year: ({ text }) => `"${text}" is not a four-digit year`,
  import_not_number: ({ text }) =>
    `"${text}" is not a plain number (write 1234.5, without thousands separators)`,
  import_not_source_kind: ({ text }) => `"${text}" is not primary or secondary`,
  import_more_problems: ({ count }) => `and ${count} more problem(s) not listed`,
  import_repeats_row: ({ first }) => `repeats the figure of row ${first} (same cell and source)`,
  import_outlier: ({ outlier, explained }) =>
    `${outlier}${explained ? ' (explained in note)' : '; explain it in the note column'}`,
  import_figure_refused: ({ id, state, locked, value }) =>
    `figure ${id} for this cell and source is ${state}${locked ? ' and locked' : ''} with value ${value}; a reviewer must reject or unlock it before it can be changed`,
  import_limit_bytes: ({ max }) => `the file is larger than the limit of ${max} bytes`,
  import_limit_rows: ({ max }) => `the file has more than the limit of ${max} rows after the header`,
  import_limit_columns: ({ max }) => `the header has more than the limit of ${max} columns`,
  import_limit_cellCharacters: ({ max }) => `the cell is longer than the limit of ${max} characters`,
  import_limit_unpackedBytes: ({ max }) => `the workbook unpacks to more than the limit of ${max} bytes`,
  import_file_empty: () => 'the file is empty',
  import_no_header: () => 'the file has no header row',
  import_not_utf8: () => 'the CSV is not UTF-8 text; save it as "CSV UTF-8"',
  import_not_xlsx: () => 'the file is not a readable XLSX workbook',
  import_no_sheet: () => 'the workbook has no sheet',
  import_missing_columns: ({ template, reference }) =>
    `missing columns; use the template (${template}) or the reference layout (${reference})`,
  reference_unmapped: ({ key }) => `indicator key "${key}" has no mapping`,
  reference_unit: ({ unit, key }) => `unit "${unit}" is not one the mapping of "${key}" converts`,
  reference_value: ({ text }) => `value "${text}" is not a number`,
  reference_year: ({ column, text }) => `${column} "${text}" is not a four-digit year`,
  reference_source_required: () => 'source_title and source_publisher are required',
  import_csv_fields: ({ expected, found }) => `expected ${expected} fields, found ${found}`,
  import_csv_quote: () => 'a quoted field is never closed',
  csv_line: ({ line, message }) => `line ${line}: ${message}`,
  import_issue_at: ({ row, column, message }) => `row ${row}, ${column}: ${message}`,
  import_limit_passed: ({ issues }) =>
    `The file passes an import limit and was not read further, nothing was written: ${issues}.`,
  import_rows_refused: ({ count, first }) =>
    `${count} row(s) cannot be imported, nothing was written. First: ${first}. Rows are numbered as a spreadsheet shows them, the header being row 1.`,
  import_multipart_unreadable: ({ reason }) => `The multipart form cannot be read: ${reason}`,
  import_file_field: () => 'Send the file in the "file" field of the form.',
  required: () => 'required',
  jurisdiction_file_not_json: () => 'The file is not valid JSON.',
  jurisdiction_file_not_rows: () => 'Send a JSON array of rows, or an object with "rows".',
  jurisdiction_file_expected_rows: () => 'expected an array of rows',
  jurisdiction_file_empty: () => 'The file holds no rows.',
  jurisdiction_rows_refused: ({ count }) => `${count} problem(s) in the rows; nothing was imported.`,
  token_unknown: () => 'The API token is unknown, revoked or expired.',
  token_cannot_create: () => 'An API token cannot create tokens; sign in to create one.',
  token_not_found: ({ id }) => `There is no API token ${id} of yours.`,
  csrf_missing: ({ header }) => `Send the ${header} header with the token from GET /v1/auth/me.`,
  sign_in_required: () => 'Sign in or send an API token to do this.',
  account_gone: () => 'The account no longer exists.',
  login_wrong: () => 'The email or password is wrong.',
  login_rate_limited: ({ email, seconds }) =>
    `Too many failed sign-ins for ${email}; try again in ${seconds} seconds.`,
  password_rate_limited: ({ email, seconds }) =>
    `Too many wrong passwords for ${email}; try again in ${seconds} seconds.`,
  password_needs_session: () => 'Sign in to change your password; an API token cannot change it.',
  password_current_wrong: () => 'The current password is wrong.',
  password_same: () => 'The new password must differ from the current one.',
  password_too_short: ({ min }) => `The password must have at least ${min} characters.`,
  password_too_long: ({ max }) => `The password must have at most ${max} characters.`,
  password_contains_email: ({ part }) => `The password must not contain the account's email name "${part}".`,
  password_too_easy: ({ score, min, why }) =>
    `The password is too easy to guess (strength ${score} of 4, at least ${min} needed).${why ? ` ${why}` : ''}`,
  account_exists: ({ email }) => `An account for ${email} already exists.`,
  email_invalid: ({ email }) => `"${email}" is not an email address.`,
  user_not_found: ({ id }) => `There is no user ${id}.`,
  user_unknown_jurisdiction: ({ id }) => `There is no jurisdiction "${id}".`,
  user_official_needs_jurisdiction: () =>
    'A district official needs the jurisdiction they enter figures for.',
  figure_not_found: ({ id }) => `There is no observation ${id}.`,
  figure_exists: () => 'That source already has a figure for this cell.',
  figure_exists_use_patch: () =>
    'This source already has a figure for this cell; correct it with PATCH instead.',
  figure_outlier_needs_comment: () => 'The value looks like an outlier; explain it in comment to save it.',
  source_not_found: ({ id }) => `There is no source ${id}.`,
  source_not_found_give_new: ({ id }) => `There is no source ${id}; give a new source instead.`,
  source_either: () => 'Give either sourceId or source, not both.',
  correction_reason: () => 'Say why a reviewed figure is corrected.',
  correction_reason_required: () => 'required when correcting an approved or published figure',
  batch_refused: ({ id, reason }) => `Figure ${id}: ${reason} Nothing was changed.`,
  target_neutral: ({ indicator }) => `${indicator} has no desired direction, so it cannot have a target.`,
  target_neutral_issue: () => 'a neutral indicator cannot have a target',
  release_not_found: ({ id }) => `No release ${id}.`,
  export_too_large: ({ format, count, max }) =>
    `The selection has ${count} figures; the ${format} format holds at most ${max}. Narrow the selection (indicator, jurisdiction, from, to, breakdown), or download it as csv or sdmx-csv, or from /v1/observations/bulk, which take any size.`,
  release_nothing_new: ({ id }) => `Nothing was published, corrected or withdrawn since release ${id}.`,
  database_unreachable: () => 'The database is not reachable.',
  invalid_query: ({ names }) => `Invalid query parameter(s): ${names}.`,
  compare_per: ({ indicator, measureType, allowed }) =>
    `${indicator} is a ${measureType}; only per=${allowed} applies`,
  cursor_unknown: () => 'not a cursor this API gave',
  method_not_allowed: ({ method, path }) => `${method} is not allowed on ${path}.`,
  body_too_large: () => 'The request body exceeds the size limit.',
  body_not_json: () => 'Send the request body as application/json.',
  body_malformed: () => 'Malformed request.',
  body_malformed_json: () => 'Malformed JSON in request body',
};

const STATE_UR: Record<WorkflowState, string> = {
  draft: 'مسودہ',
  submitted: 'نظرِ ثانی کے لیے پیش',
  approved: 'منظور شدہ',
  published: 'شائع شدہ',
  rejected: 'مسترد',
};

const UR: MessageTemplates = {
  import_required: ({ column }) => `${column} لازمی ہے`,
  import_not_year: ({ text }) => `"${text}" چار ہندسوں کا سال نہیں`,
  import_not_number: ({ text }) => `"${text}" سادہ عدد نہیں (ہزار کے فاصل کے بغیر لکھیں، جیسے 1234.5)`,
  import_not_source_kind: ({ text }) => `"${text}" نہ primary ہے نہ secondary`,
  import_more_problems: ({ count }) => `اور ${count} مزید مسائل جو یہاں درج نہیں`,
  import_repeats_row: ({ first }) => `یہ قطار ${first} کا عدد دہراتی ہے (وہی خانہ اور وہی ماخذ)`,
  import_outlier: ({ outlier, explained }) =>
    `${outlier}${explained ? ' (note میں وضاحت موجود ہے)' : '؛ note کے کالم میں اس کی وضاحت کریں'}`,
  import_figure_refused: ({ id, state, locked, value }) =>
    `اس خانے اور ماخذ کا عدد ${id} ${STATE_UR[state]}${locked ? ' اور مقفل' : ''} ہے، قدر ${value}؛ اسے بدلنے سے پہلے کسی جائزہ کار کو اسے مسترد یا غیر مقفل کرنا ہوگا`,
  import_limit_bytes: ({ max }) => `فائل ${max} بائٹ کی حد سے بڑی ہے`,
  import_limit_rows: ({ max }) => `فائل میں ہیڈر کے بعد ${max} قطاروں کی حد سے زیادہ قطاریں ہیں`,
  import_limit_columns: ({ max }) => `ہیڈر میں ${max} کالموں کی حد سے زیادہ کالم ہیں`,
  import_limit_cellCharacters: ({ max }) => `خانہ ${max} حروف کی حد سے لمبا ہے`,
  import_limit_unpackedBytes: ({ max }) => `ورک بک کھلنے پر ${max} بائٹ کی حد سے بڑی ہو جاتی ہے`,
  import_file_empty: () => 'فائل خالی ہے',
  import_no_header: () => 'فائل میں ہیڈر کی قطار نہیں',
  import_not_utf8: () => 'یہ CSV فائل UTF-8 متن نہیں؛ اسے "CSV UTF-8" کے طور پر محفوظ کریں',
  import_not_xlsx: () => 'یہ فائل پڑھی جا سکنے والی XLSX ورک بک نہیں',
  import_no_sheet: () => 'ورک بک میں کوئی شیٹ نہیں',
  import_missing_columns: ({ template, reference }) =>
    `کالم موجود نہیں؛ سانچہ (${template}) یا حوالہ جاتی ترتیب (${reference}) استعمال کریں`,
  reference_unmapped: ({ key }) => `اشاریے کی کلید "${key}" کی کوئی میپنگ نہیں`,
  reference_unit: ({ unit, key }) => `اکائی "${unit}" ان میں نہیں جنہیں "${key}" کی میپنگ تبدیل کرتی ہے`,
  reference_value: ({ text }) => `قدر "${text}" عدد نہیں`,
  reference_year: ({ column, text }) => `${column} "${text}" چار ہندسوں کا سال نہیں`,
  reference_source_required: () => 'source_title اور source_publisher لازمی ہیں',
  import_csv_fields: ({ expected, found }) => `${expected} خانے متوقع تھے، ${found} ملے`,
  import_csv_quote: () => 'واوین میں شروع ہونے والا خانہ کبھی بند نہیں ہوتا',
  csv_line: ({ line, message }) => `سطر ${line}: ${message}`,
  import_issue_at: ({ row, column, message }) => `قطار ${row}، ${column}: ${message}`,
  import_limit_passed: ({ issues }) =>
    `فائل درآمد کی ایک حد سے آگے ہے، اسے آگے نہیں پڑھا گیا اور کچھ محفوظ نہیں ہوا: ${issues}۔`,
  import_rows_refused: ({ count, first }) =>
    `${count} قطاریں درآمد نہیں ہو سکتیں، کچھ محفوظ نہیں ہوا۔ پہلی: ${first}۔ قطاروں کے نمبر اسپریڈشیٹ کی طرح ہیں، ہیڈر قطار 1 ہے۔`,
  import_multipart_unreadable: ({ reason }) => `ملٹی پارٹ فارم پڑھا نہیں جا سکا: ${reason}`,
  import_file_field: () => 'فائل فارم کے "file" خانے میں بھیجیں۔',
  required: () => 'لازمی',
  jurisdiction_file_not_json: () => 'فائل درست JSON نہیں۔',
  jurisdiction_file_not_rows: () => 'قطاروں کی JSON array بھیجیں، یا "rows" والا JSON object۔',
  jurisdiction_file_expected_rows: () => 'قطاروں کی array متوقع تھی',
  jurisdiction_file_empty: () => 'فائل میں کوئی قطار نہیں۔',
  jurisdiction_rows_refused: ({ count }) => `قطاروں میں ${count} مسائل؛ کچھ درآمد نہیں ہوا۔`,
  token_unknown: () => 'API ٹوکن نامعلوم، منسوخ شدہ یا میعاد ختم ہے۔',
  token_cannot_create: () => 'API ٹوکن نئے ٹوکن نہیں بنا سکتا؛ ٹوکن بنانے کے لیے سائن اِن کریں۔',
  token_not_found: ({ id }) => `آپ کا کوئی API ٹوکن ${id} موجود نہیں۔`,
  csrf_missing: ({ header }) => `GET /v1/auth/me سے ملنے والے ٹوکن کے ساتھ ${header} ہیڈر بھیجیں۔`,
  sign_in_required: () => 'یہ کرنے کے لیے سائن اِن کریں یا API ٹوکن بھیجیں۔',
  account_gone: () => 'یہ اکاؤنٹ اب موجود نہیں۔',
  login_wrong: () => 'ای میل یا پاس ورڈ غلط ہے۔',
  login_rate_limited: ({ email, seconds }) =>
    `${email} کے لیے سائن اِن کی بہت زیادہ ناکام کوششیں؛ ${seconds} سیکنڈ بعد دوبارہ کوشش کریں۔`,
  password_rate_limited: ({ email, seconds }) =>
    `${email} کے لیے بہت زیادہ غلط پاس ورڈ؛ ${seconds} سیکنڈ بعد دوبارہ کوشش کریں۔`,
  password_needs_session: () => 'پاس ورڈ بدلنے کے لیے سائن اِن کریں؛ API ٹوکن پاس ورڈ نہیں بدل سکتا۔',
  password_current_wrong: () => 'موجودہ پاس ورڈ غلط ہے۔',
  password_same: () => 'نیا پاس ورڈ موجودہ پاس ورڈ سے مختلف ہونا چاہیے۔',
  password_too_short: ({ min }) => `پاس ورڈ میں کم از کم ${min} حروف ہونے چاہییں۔`,
  password_too_long: ({ max }) => `پاس ورڈ میں زیادہ سے زیادہ ${max} حروف ہو سکتے ہیں۔`,
  password_contains_email: ({ part }) => `پاس ورڈ میں اکاؤنٹ کی ای میل کا نام "${part}" شامل نہ ہو۔`,
  password_too_easy: ({ score, min }) =>
    `یہ پاس ورڈ آسانی سے بوجھا جا سکتا ہے (مضبوطی 4 میں سے ${score}، کم از کم ${min} درکار)۔`,
  account_exists: ({ email }) => `${email} کا اکاؤنٹ پہلے سے موجود ہے۔`,
  email_invalid: ({ email }) => `"${email}" درست ای میل پتا نہیں۔`,
  user_not_found: ({ id }) => `صارف ${id} موجود نہیں۔`,
  user_unknown_jurisdiction: ({ id }) => `"${id}" نام کا کوئی دائرۂ اختیار نہیں۔`,
  user_official_needs_jurisdiction: () =>
    'ضلعی افسر کے لیے وہ دائرۂ اختیار ضروری ہے جس کے اعداد وہ درج کرتا ہے۔',
  figure_not_found: ({ id }) => `عدد ${id} موجود نہیں۔`,
  figure_exists: () => 'اس ماخذ کا اس خانے کے لیے عدد پہلے سے موجود ہے۔',
  figure_exists_use_patch: () =>
    'اس ماخذ کا اس خانے کے لیے عدد پہلے سے موجود ہے؛ اس کے بجائے PATCH سے اسے درست کریں۔',
  figure_outlier_needs_comment: () =>
    'یہ قدر غیر معمولی لگتی ہے؛ محفوظ کرنے کے لیے comment میں اس کی وضاحت کریں۔',
  source_not_found: ({ id }) => `ماخذ ${id} موجود نہیں۔`,
  source_not_found_give_new: ({ id }) => `ماخذ ${id} موجود نہیں؛ اس کے بجائے نیا ماخذ دیں۔`,
  source_either: () => 'sourceId یا source میں سے ایک دیں، دونوں نہیں۔',
  correction_reason: () => 'بتائیں کہ جائزہ شدہ عدد کیوں درست کیا جا رہا ہے۔',
  correction_reason_required: () => 'منظور شدہ یا شائع شدہ عدد کی درستی کے لیے لازمی',
  batch_refused: ({ id, reason }) => `عدد ${id}: ${reason} کچھ تبدیل نہیں کیا گیا۔`,
  target_neutral: ({ indicator }) => `${indicator} کی کوئی مطلوبہ سمت نہیں، اس لیے اس کا ہدف نہیں ہو سکتا۔`,
  target_neutral_issue: () => 'غیر جانب دار اشاریے کا ہدف نہیں ہو سکتا',
  release_not_found: ({ id }) => `اجرا ${id} موجود نہیں۔`,
  export_too_large: ({ format, count, max }) =>
    `انتخاب میں ${count} اعداد ہیں؛ ${format} فائل میں زیادہ سے زیادہ ${max} آ سکتے ہیں۔ انتخاب محدود کریں (indicator، jurisdiction، from، to، breakdown)، یا اسے csv یا sdmx-csv کے طور پر، یا /v1/observations/bulk سے ڈاؤن لوڈ کریں، جن میں کوئی حد نہیں۔`,
  release_nothing_new: ({ id }) => `اجرا ${id} کے بعد نہ کوئی عدد شائع ہوا، نہ درست ہوا، نہ واپس لیا گیا۔`,
  database_unreachable: () => 'ڈیٹا بیس تک رسائی نہیں ہو رہی۔',
  invalid_query: ({ names }) => `کوئری کے غلط پیرامیٹر: ${names}۔`,
  compare_per: ({ indicator, measureType, allowed }) =>
    `${indicator} کی قسم ${measureType} ہے؛ صرف per=${allowed} لاگو ہوتا ہے`,
  cursor_unknown: () => 'یہ اس API کا دیا ہوا cursor نہیں',
  method_not_allowed: ({ method, path }) => `${path} پر ${method} کی اجازت نہیں۔`,
  body_too_large: () => 'درخواست کا مواد مقررہ حد سے بڑا ہے۔',
  body_not_json: () => 'درخواست کا مواد application/json کے طور پر بھیجیں۔',
  body_malformed: () => 'درخواست کی ساخت درست نہیں۔',
  body_malformed_json: () => 'درخواست کے مواد میں JSON درست نہیں',
};

/** Every text the API writes, in every locale: a locale missing one fails to compile. */
export const API_MESSAGES: Record<Locale, MessageTemplates> = { en: EN, ur: UR };

/** One text in one language. */
export const textIn = <K extends MessageCode>(locale: Locale, code: K, params: MessageParams[K]): string =>
  API_MESSAGES[locale][code](params);

/** A text in every language, for an error rendered later in the request's language. */
export const inEveryLocale = (render: (locale: Locale) => string): Record<Locale, string> =>
  Object.fromEntries(LOCALES.map((locale) => [locale, render(locale)])) as Record<Locale, string>;

/** One text in every language. */
export const say = <K extends MessageCode>(
  code: K,
  ...[params]: MessageParams[K] extends None ? [] : [MessageParams[K]]
): Record<Locale, string> =>
  inEveryLocale((locale) => textIn(locale, code, (params ?? {}) as MessageParams[K]));
