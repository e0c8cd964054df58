import { ASSESSMENT_METHOD, GRADE_METHOD, SOURCE_QUALITY_METHOD } from '../compare.js';
import type { CodedDimension, CodeList } from '../code-lists.js';
import type {
  DefinitionVariant,
  Indicator,
  IndicatorId,
  LocalisedName,
  Pillar,
  PillarId,
  PolicyMeasure,
} from '../contracts.js';
import { DERIVATION_METHOD } from '../derive.js';
import { SUPPRESSION_METHOD } from '../disclosure/model.js';
import { INTERVAL_METHOD } from '../interval.js';
import { NORMALISATION_METHOD } from '../normalise.js';
import { PROGRESS_METHOD } from '../progress.js';
import { SCORECARD_METHOD } from '../scorecard.js';
import type { Locale } from './locale.js';

/** The human-read texts of one indicator; variants by id, crosswalk notes by reference. */
export type IndicatorTexts = {
  name: string;
  definition: string;
  unit: string;
  directionReason?: string;
  variants?: Readonly<Record<string, { label: string; note: string }>>;
  scopeNotes: readonly string[];
  crosswalks?: Readonly<Record<string, { note: string }>>;
};
export type PillarTexts = { name: string; description: string };
export type MeasureTexts = { name: string; description: string };

/** The method texts in English, keyed by the name of the constant that holds each. */
export const METHOD_TEXTS = {
  GRADE_METHOD,
  SOURCE_QUALITY_METHOD,
  ASSESSMENT_METHOD,
  DERIVATION_METHOD,
  NORMALISATION_METHOD,
  INTERVAL_METHOD,
  SUPPRESSION_METHOD,
  SCORECARD_METHOD,
  PROGRESS_METHOD,
};
export type MethodTexts = {
  [K in keyof typeof METHOD_TEXTS]: (typeof METHOD_TEXTS)[K] extends string
    ? string
    : { [G in keyof (typeof METHOD_TEXTS)[K]]: string };
};

/** A language's catalogue texts; a text it lacks is shown in English. */
export type CatalogueTexts = {
  indicators: Partial<Record<IndicatorId, IndicatorTexts>>;
  pillars: Partial<Record<PillarId, PillarTexts>>;
  measures: Partial<Record<string, MeasureTexts>>;
  methods: Partial<MethodTexts>;
  /** Code labels by dimension, then by code. */
  codeLabels: Partial<Record<CodedDimension, Partial<Record<string, string>>>>;
};

const NONE: CatalogueTexts = { indicators: {}, pillars: {}, measures: {}, methods: {}, codeLabels: {} };

const CATALOGUE_TEXTS: Record<Locale, CatalogueTexts> = { en: NONE, ur: NONE };

const localiseVariant = (v: DefinitionVariant, texts: IndicatorTexts | undefined): DefinitionVariant => {
  const t = texts?.variants?.[v.id];
  return t === undefined ? v : { ...v, label: t.label, note: t.note };
};

/** The indicator with its human-read texts in the locale; ids, codes and numbers unchanged. */
export function localiseIndicator(indicator: Indicator, locale: Locale): Indicator {
  const t = CATALOGUE_TEXTS[locale].indicators[indicator.id];
  if (t === undefined) return indicator;
  return {
    ...indicator,
    name: t.name,
    definition: t.definition,
    unit: t.unit,
    ...(indicator.directionReason !== undefined && t.directionReason !== undefined
      ? { directionReason: t.directionReason }
      : {}),
    variants: indicator.variants.map((v) => localiseVariant(v, t)),
    scopeNotes:
      t.scopeNotes.length === indicator.scopeNotes.length ? [...t.scopeNotes] : indicator.scopeNotes,
    crosswalks: indicator.crosswalks.map((x) => {
      const note = t.crosswalks?.[x.reference]?.note;
      return x.note === undefined || note === undefined ? x : { ...x, note };
    }),
  };
}

/** Definition variants (of any indicator) with their label and note in the locale. */
export function localiseVariants(
  indicator: IndicatorId,
  variants: readonly DefinitionVariant[],
  locale: Locale,
): DefinitionVariant[] {
  const t = CATALOGUE_TEXTS[locale].indicators[indicator];
  return variants.map((v) => localiseVariant(v, t));
}

/** The pillar with its name and description in the locale. */
export function localisePillar<P extends Pillar>(pillar: P, locale: Locale): P {
  const t = CATALOGUE_TEXTS[locale].pillars[pillar.id];
  return t === undefined ? pillar : { ...pillar, name: t.name, description: t.description };
}

/** The policy measure with its name and description in the locale. */
export function localiseMeasure<M extends Pick<PolicyMeasure, 'id' | 'name' | 'description'>>(
  measure: M,
  locale: Locale,
): M {
  const t = CATALOGUE_TEXTS[locale].measures[measure.id];
  return t === undefined ? measure : { ...measure, name: t.name, description: t.description };
}

/** The code list with its labels in the locale; codes and SDMX codes unchanged. */
export function localiseCodeList(list: CodeList, locale: Locale): CodeList {
  const labels = CATALOGUE_TEXTS[locale].codeLabels[list.dimension];
  if (labels === undefined) return list;
  return { ...list, codes: list.codes.map((c) => ({ ...c, label: labels[c.code] ?? c.label })) };
}

/** Every method text in the locale, English where the locale has none. */
export function methodTexts(locale: Locale): MethodTexts {
  return { ...METHOD_TEXTS, ...CATALOGUE_TEXTS[locale].methods };
}

/** A jurisdiction's name in the locale, in English where it has none. */
export const nameIn = (name: LocalisedName, locale: Locale): string =>
  locale === 'en' ? name.en : (name[locale] ?? name.en);
