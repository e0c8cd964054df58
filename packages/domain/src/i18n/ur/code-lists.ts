import { CODE_LISTS, UNKNOWN_CATEGORY, type CodedDimension, type CodeList } from '../../code-lists.js';

/** A code list's name and note, and each code's label by code. */
export type CodeListTexts = Pick<CodeList, 'name' | 'note'> & { labels: Readonly<Record<string, string>> };

const UNKNOWN = 'نامعلوم';

/** Country names follow the glossary where it differs from CLDR's Urdu (ہسپانیہ). */
const GLOSSARY_REGION_NAMES: Readonly<Record<string, string>> = { ES: 'اسپین' };
const regionNames = new Intl.DisplayNames(['ur'], { type: 'region', fallback: 'code' });
const regionName = (iso: string): string => GLOSSARY_REGION_NAMES[iso] ?? regionNames.of(iso) ?? iso;

const nationalityLabels = Object.fromEntries(
  (CODE_LISTS.find((list) => list.dimension === 'nationality')?.codes ?? []).map(({ code, sdmx }) => [
    code,
    code === UNKNOWN_CATEGORY || sdmx === null ? UNKNOWN : regionName(sdmx),
  ]),
);

export const CODE_LIST_TEXTS_UR: Record<CodedDimension, CodeListTexts> = {
  sex: {
    name: 'جنس',
    note: 'دونوں جنسوں کا مجموعہ وہ عدد ہے جس کی جنس کے لحاظ سے تقسیم نہ ہو؛ یہ کوئی الگ زمرہ نہیں۔',
    labels: { female: 'خواتین', male: 'مرد', unknown: UNKNOWN },
  },
  age_group: {
    name: 'عمر کا گروہ',
    note:
      'بچے اور بالغ اسی طرح جیسے UNODC کی Global Report on Trafficking in Persons انہیں شمار کرتی ہے (شناخت کے وقت ' +
      '18 سال سے کم؛ 18 سال اور زیادہ)۔ “لڑکیوں” کا عدد sex=female کے ساتھ age_group=child ہے۔',
    labels: { child: 'بچے (18 سال سے کم)', adult: 'بالغ (18 سال اور زیادہ)', unknown: UNKNOWN },
  },
  exploitation_form: {
    name: 'استحصال کی قسم',
    note:
      'وہ اقسام جن میں UNODC کی Global Report فرق کرتی ہے۔ Eurostat جنسی استحصال، جبری مشقت اور دیگر اقسام شائع کرتا ' +
      'ہے؛ جبری مجرمانہ سرگرمی، جبری بھیک اور جبری شادی ICCS کے “other purposes” (دیگر مقاصد) میں آتے ہیں۔',
    labels: {
      sexual: 'جنسی استحصال',
      labour: 'جبری مشقت یا خدمات',
      organ_removal: 'اعضا نکالنا',
      criminal_activity: 'جبری مجرمانہ سرگرمی',
      begging: 'جبری بھیک',
      forced_marriage: 'جبری یا فرضی شادی',
      mixed: 'جنسی استحصال اور جبری مشقت ملے جلے',
      other: 'استحصال کی دیگر اقسام',
      unknown: UNKNOWN,
    },
  },
  nationality: {
    name: 'شہریت',
    note: 'ظاہر کردہ یا درج شدہ شہریت، ISO 3166-1 alpha-2 کوڈ کے مطابق چھوٹے حروف میں؛ Eurostat یونان کو EL لکھتا ہے۔',
    labels: nationalityLabels,
  },
};
