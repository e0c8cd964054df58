/** One English text and its Urdu at the same place in two parallel structures. */
export type TextPair = { path: string; en: string; ur: string };

/** Walks English and Urdu in step; any key, array length or type that differs is a shape problem. */
export function pairTexts(
  en: unknown,
  ur: unknown,
  path = '',
): { pairs: TextPair[]; shapeProblems: string[] } {
  if (typeof en === 'string' && typeof ur === 'string')
    return { pairs: [{ path, en, ur }], shapeProblems: [] };
  if (typeof en !== 'object' || en === null || typeof ur !== 'object' || ur === null)
    return { pairs: [], shapeProblems: [`${path}: ${typeof en} in English, ${typeof ur} in Urdu`] };
  if (
    Array.isArray(en) !== Array.isArray(ur) ||
    (Array.isArray(en) && en.length !== (ur as unknown[]).length)
  )
    return { pairs: [], shapeProblems: [`${path}: a list of different length or kind`] };
  const enRecord = en as Record<string, unknown>;
  const urRecord = ur as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(enRecord), ...Object.keys(urRecord)])];
  const walked = keys.map((key) => pairTexts(enRecord[key], urRecord[key], `${path}.${key}`));
  return {
    pairs: walked.flatMap((w) => w.pairs),
    shapeProblems: walked.flatMap((w) => w.shapeProblems),
  };
}

const ARABIC_SCRIPT = /[\u0600-\u06FF]/u;
const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{[^}]*\}/g)].map((m) => m[0]).sort();
const latinTokensOf = (text: string): string[] => text.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];

/**
 * What is wrong with one Urdu text: empty, no Arabic script (when the English has words), placeholders not
 * byte-for-byte the English ones, or a Latin-script word the English does not have (untranslated English).
 */
export function urduTextProblems({ path, en, ur }: TextPair): string[] {
  const problems: string[] = [];
  if (ur.trim() === '') problems.push(`${path}: empty`);
  if (/[A-Za-z]{2}/.test(en) && !ARABIC_SCRIPT.test(ur)) problems.push(`${path}: no Urdu script`);
  if (placeholdersOf(en).join() !== placeholdersOf(ur).join()) problems.push(`${path}: placeholders differ`);
  const english = new Set(latinTokensOf(en));
  const foreign = latinTokensOf(ur).filter((token) => !english.has(token));
  if (foreign.length > 0) problems.push(`${path}: Latin words not in the English: ${foreign.join(' ')}`);
  return problems;
}

/** Every shape and text problem of an Urdu structure against its English. */
export function urduProblems(en: unknown, ur: unknown): string[] {
  const { pairs, shapeProblems } = pairTexts(en, ur);
  return [...shapeProblems, ...pairs.flatMap(urduTextProblems)];
}

export const hasArabicScript = (text: string): boolean => ARABIC_SCRIPT.test(text);
