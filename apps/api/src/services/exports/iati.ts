import type { Writable } from 'node:stream';
import {
  DEFAULT_LOCALE,
  findIndicator,
  localiseIndicator,
  type Indicator,
  type JurisdictionId,
  type Locale,
  type Target,
} from '@fourp/domain';
import { createCB } from 'xmlbuilder2';
import type { XMLBuilderCB } from 'xmlbuilder2/lib/interfaces.js';
import { actualsOf, type Actual } from '../published/read.js';
import type { ExportData } from './data.js';
import { close, put } from './sink.js';

/** FourP as an IATI reporting organisation; a donor publishing this file puts its registered identifier here. */
export const IATI_ORGANISATION = { ref: 'XI-FOURP', type: '80', name: 'FourP' } as const;
export const IATI_ACTIVITY_ID = `${IATI_ORGANISATION.ref}-MONITORING`;

/** IATI IndicatorMeasure: 1 unit, 2 percentage, 4 ordinal. */
const measureOf = (indicator: Indicator | undefined) =>
  indicator?.measureType === 'percent' ? '2' : indicator?.measureType === 'ordinal' ? '4' : '1';

/** A text in English and, when the export is asked for in another language, in that one too. */
type Texts = { en: string } & Partial<Record<Locale, string>>;

const WITHHELD: Texts = {
  en: 'Withheld by disclosure control: an identifying small count, or a figure that would reveal one.',
  ur: 'افشا کے کنٹرول کے تحت روکا گیا: شناخت ظاہر کرنے والی چھوٹی تعداد، یا ایسا عدد جو اسے ظاہر کر دے۔',
};
const ACTIVITY_TITLE: Texts = {
  en: 'FourP: monitoring of the 4P anti-trafficking framework',
  ur: 'FourP: انسدادِ انسانی تجارت کے چار پی (4P) فریم ورک کی نگرانی',
};
const ACTIVITY_DESCRIPTION: Texts = {
  en: 'Independent monitoring of prevention, protection, prosecution and partnership against human trafficking and migrant smuggling, with published, sourced figures and targets.',
  ur: 'انسانی تجارت اور تارکینِ وطن کی اسمگلنگ کے خلاف روک تھام، تحفظ، استغاثہ اور شراکت داری کی آزاد نگرانی، شائع شدہ، حوالہ شدہ اعداد اور اہداف کے ساتھ۔',
};

/** IATI narratives: English (the activity's default language), then the asked language with its xml:lang. */
function narratives(xml: XMLBuilderCB, texts: Texts, locale: Locale) {
  xml.ele('narrative').txt(texts.en).up();
  const other = texts[locale];
  if (locale !== DEFAULT_LOCALE && other !== undefined)
    xml.ele('narrative').att('xml:lang', locale).txt(other).up();
}

const narrative = (xml: XMLBuilderCB, element: string, texts: Texts, locale: Locale) => {
  xml.ele(element);
  narratives(xml, texts, locale);
  xml.up();
};

const countryOf = (jurisdiction: JurisdictionId) => /^[A-Z]{2}(?=-|$)/.exec(jurisdiction)?.[0] ?? null;

function period(
  xml: XMLBuilderCB,
  year: number,
  target: number | null,
  actual: Actual | undefined,
  locale: Locale,
) {
  xml.ele('period');
  xml.ele('period-start').att('iso-date', `${year}-01-01`).up();
  xml.ele('period-end').att('iso-date', `${year}-12-31`).up();
  if (target !== null) xml.ele('target').att('value', String(target)).up();
  if (actual !== undefined) {
    xml.ele('actual');
    if (actual.value !== null) xml.att('value', String(actual.value));
    const cited = `${actual.source.publisher}, ${actual.source.title}`;
    narrative(
      xml,
      'comment',
      actual.suppressed ? WITHHELD : { en: `Source: ${cited}`, ur: `ماخذ: ${cited}` },
      locale,
    );
    xml.up();
  }
  xml.up();
}

function result(xml: XMLBuilderCB, target: Target, actuals: readonly Actual[], locale: Locale) {
  const indicator = findIndicator(target.indicator);
  const shown = indicator === undefined ? undefined : localiseIndicator(indicator, locale);
  const name: Texts = { en: indicator?.name ?? target.indicator, [locale]: shown?.name ?? target.indicator };
  xml.ele('result').att('type', '2');
  narrative(
    xml,
    'title',
    { en: `${name.en} (${target.jurisdiction})`, [locale]: `${name[locale]} (${target.jurisdiction})` },
    locale,
  );
  xml.ele('indicator').att('measure', measureOf(indicator));
  if (indicator !== undefined && indicator.direction !== 'neutral') {
    xml.att('ascending', String(indicator.direction === 'higher_is_better'));
  }
  narrative(xml, 'title', name, locale);
  if (indicator !== undefined && shown !== undefined)
    narrative(xml, 'description', { en: indicator.definition, [locale]: shown.definition }, locale);
  xml.ele('reference').att('vocabulary', '99').att('code', target.indicator).up();
  const { baseline } = target;
  xml.ele('baseline').att('year', String(baseline.year)).att('iso-date', `${baseline.year}-12-31`);
  if (baseline.value !== null) xml.att('value', String(baseline.value));
  if (baseline.suppressed) narrative(xml, 'comment', WITHHELD, locale);
  xml.up();
  const later = actuals.filter((a) => a.year > baseline.year && a.year <= target.target.year);
  const years = [...new Set([...later.map((a) => a.year), target.target.year])].sort((a, b) => a - b);
  for (const year of years) {
    period(
      xml,
      year,
      year === target.target.year ? target.target.value : null,
      later.find((a) => a.year === year),
      locale,
    );
  }
  xml.up().up();
}

/**
 * IATI 2.03 activity XML: one activity for the monitoring effort, a result per target with its baseline, and a
 * period per year from the baseline to the target with the published annual total as the actual (no value
 * when withheld) and the target in the target year.
 */
export async function writeIati(
  { figures, targets, stamp }: ExportData,
  sink: Writable,
  locale: Locale = DEFAULT_LOCALE,
): Promise<void> {
  const chunks: string[] = [];
  const xml = createCB({ data: (chunk: string) => chunks.push(chunk), prettyPrint: true });
  const flush = async () => {
    for (const chunk of chunks.splice(0)) await put(sink, chunk);
  };
  const when = stamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
  let start = Infinity;
  for (const year of [...targets.map((t) => t.baseline.year), ...figures.map((o) => o.year)])
    if (year < start) start = year;
  if (start === Infinity) start = stamp.getUTCFullYear();
  xml.dec({ version: '1.0', encoding: 'UTF-8' });
  xml.ele('iati-activities').att('version', '2.03').att('generated-datetime', when);
  xml.ele('iati-activity').att('last-updated-datetime', when).att('xml:lang', 'en').att('hierarchy', '1');
  xml.ele('iati-identifier').txt(IATI_ACTIVITY_ID).up();
  xml.ele('reporting-org').att('ref', IATI_ORGANISATION.ref).att('type', IATI_ORGANISATION.type);
  xml.ele('narrative').txt(IATI_ORGANISATION.name).up().up();
  narrative(xml, 'title', ACTIVITY_TITLE, locale);
  xml.ele('description').att('type', '1');
  narratives(xml, ACTIVITY_DESCRIPTION, locale);
  xml.up();
  xml
    .ele('participating-org')
    .att('role', '4')
    .att('ref', IATI_ORGANISATION.ref)
    .att('type', IATI_ORGANISATION.type);
  xml.ele('narrative').txt(IATI_ORGANISATION.name).up().up();
  xml.ele('activity-status').att('code', '2').up();
  xml.ele('activity-date').att('type', '2').att('iso-date', `${start}-01-01`).up();
  const countries = [...new Set(targets.map((t) => countryOf(t.jurisdiction)))]
    .filter((c) => c !== null)
    .sort();
  for (const country of countries) {
    xml.ele('recipient-country').att('code', country);
    if (countries.length > 1) xml.att('percentage', (100 / countries.length).toFixed(2));
    xml.up();
  }
  await flush();
  for (const target of targets) {
    const cell = figures.filter(
      (o) => o.indicator === target.indicator && o.jurisdiction === target.jurisdiction,
    );
    result(xml, target, actualsOf(cell), locale);
    await flush();
  }
  xml.up().up().end();
  await flush();
  await close(sink);
}
