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
  RubricLevel,
  RubricLevelDefinition,
} from '../contracts.js';
import { DERIVATION_METHOD } from '../derive.js';
import { SUPPRESSION_METHOD } from '../disclosure/model.js';
import { INTERVAL_METHOD } from '../interval.js';
import { NORMALISATION_METHOD } from '../normalise.js';
import { PROGRESS_METHOD } from '../progress.js';
import { SCORECARD_METHOD } from '../scorecard.js';
import type { Locale } from './locale.js';
import { CODE_LIST_TEXTS_UR, type CodeListTexts } from './ur/code-lists.js';
import { INDICATOR_TEXTS_UR, type IndicatorTexts } from './ur/indicators.js';
import {
  MEASURE_TEXTS_UR,
  RUBRIC_TEXTS_UR,
  type MeasureTexts,
  type RubricLevelTexts,
} from './ur/measures.js';
import { METHOD_TEXTS_UR, type MethodTexts } from './ur/methods.js';
import { PILLAR_TEXTS_UR, type PillarTexts } from './ur/pillars.js';

const DENOMINATOR_METHODS_EN: MethodTexts['DENOMINATOR_METHODS'] = {
  observed: 'the population figure of the same year (observed)',
  interpolated: 'linear interpolation between the two nearest figures (estimated)',
  extrapolated: 'the nearest figure carried forward unchanged (estimated)',
};

/** The method texts in English, keyed by the name of the constant that holds each. */
const METHOD_TEXTS_EN: MethodTexts = {
  DERIVATION_METHOD,
  GRADE_METHOD,
  SOURCE_QUALITY_METHOD,
  ASSESSMENT_METHOD,
  NORMALISATION_METHOD,
  SCORECARD_METHOD,
  INTERVAL_METHOD,
  SUPPRESSION_METHOD,
  PROGRESS_METHOD,
  DENOMINATOR_METHODS: DENOMINATOR_METHODS_EN,
};

/** A language's catalogue texts; English (the catalogue itself) has none. */
type CatalogueTexts = {
  indicators: Partial<Record<IndicatorId, IndicatorTexts>>;
  pillars: Partial<Record<PillarId, PillarTexts>>;
  measures: Partial<Record<string, MeasureTexts>>;
  rubric: Partial<Record<RubricLevel, RubricLevelTexts>>;
  codeLists: Partial<Record<CodedDimension, CodeListTexts>>;
  methods: MethodTexts;
};

const CATALOGUE_TEXTS: Record<Locale, CatalogueTexts> = {
  en: { indicators: {}, pillars: {}, measures: {}, rubric: {}, codeLists: {}, methods: METHOD_TEXTS_EN },
  ur: {
    indicators: INDICATOR_TEXTS_UR,
    pillars: PILLAR_TEXTS_UR,
    measures: MEASURE_TEXTS_UR,
    rubric: RUBRIC_TEXTS_UR,
    codeLists: CODE_LIST_TEXTS_UR,
    methods: METHOD_TEXTS_UR,
  },
};

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

/** Definition variants of an indicator with their label and note in the locale. */
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
  return t === undefined ? pillar : { ...pillar, ...t };
}

/** The policy measure with its name, description and model in the locale. */
export function localiseMeasure<M extends Pick<PolicyMeasure, 'id' | 'name' | 'description' | 'model'>>(
  measure: M,
  locale: Locale,
): M {
  const t = CATALOGUE_TEXTS[locale].measures[measure.id];
  return t === undefined ? measure : { ...measure, ...t };
}

/** The rubric levels with their labels and required evidence in the locale. */
export function localiseRubric(
  rubric: readonly RubricLevelDefinition[],
  locale: Locale,
): RubricLevelDefinition[] {
  return rubric.map((r) => ({ ...r, ...CATALOGUE_TEXTS[locale].rubric[r.level] }));
}

/** The code list with its name, note and labels in the locale; codes and SDMX codes unchanged. */
export function localiseCodeList(list: CodeList, locale: Locale): CodeList {
  const t = CATALOGUE_TEXTS[locale].codeLists[list.dimension];
  if (t === undefined) return list;
  return {
    ...list,
    name: t.name,
    note: t.note,
    codes: list.codes.map((c) => ({ ...c, label: t.labels[c.code] ?? c.label })),
  };
}

/** Every method text in the locale, keyed by the name of its English constant. */
export const methodTexts = (locale: Locale): MethodTexts => CATALOGUE_TEXTS[locale].methods;

/** A jurisdiction's name in the locale, in English where it has none. */
export const nameIn = (name: LocalisedName, locale: Locale): string =>
  locale === 'en' ? name.en : (name[locale] ?? name.en);
