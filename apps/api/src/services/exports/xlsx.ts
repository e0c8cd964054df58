import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  DATA_LICENCE,
  DEFAULT_LOCALE,
  findPillar,
  INDICATORS,
  localiseIndicator,
  localisePillar,
  methodTexts,
  type Locale,
  type Observation,
} from '@fourp/domain';
import type { ExportData } from './data.js';
import { TIDY_COLUMNS } from './tidy.js';

type ZipEntry = { name: string; date?: Date };
type Archive = { append: (source: unknown, entry: ZipEntry) => unknown };

const archives = new WeakMap<object, Archive>();

/**
 * ExcelJS's streaming writer dates every zip entry with the clock; the base constructor assigns `zip` before
 * any entry is added, so this setter gives each entry the workbook's `created` instead (same data, same bytes).
 */
class StampedWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  get zip(): Archive | undefined {
    return archives.get(this);
  }
  set zip(archive: Archive | undefined) {
    if (archive === undefined) return;
    const append = archive.append.bind(archive);
    const created = (this as unknown as { created: Date }).created;
    archive.append = (source, entry) => append(source, { ...entry, date: created });
    archives.set(this, archive);
  }
}

export const XLSX_SHEETS = ['Data', 'Indicators', 'Sources', 'Read me'] as const;

const bold = { font: { bold: true } } as const;

function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: (typeof XLSX_SHEETS)[number],
  header: readonly string[],
  rows: Iterable<readonly unknown[]>,
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const first = sheet.addRow([...header]);
  first.font = bold.font;
  first.commit();
  for (const row of rows) sheet.addRow([...row]).commit();
  sheet.commit();
}

function* dataRows(figures: readonly Observation[]) {
  for (const o of figures) yield TIDY_COLUMNS.map((c) => c.value(o));
}

function* indicatorRows(locale: Locale) {
  for (const i of INDICATORS.map((indicator) => localiseIndicator(indicator, locale))) {
    yield [
      i.id,
      i.name,
      localisePillar(findPillar(i.pillar), locale).name,
      i.definition,
      i.unit,
      i.measureType,
      i.direction,
      i.identifying,
      i.variants.map((v) => `${v.id}: ${v.label}`).join('; '),
    ];
  }
}

function* sourceRows(figures: readonly Observation[]) {
  const byId = new Map(figures.map((o) => [o.source.id, o.source]));
  for (const s of [...byId.values()].sort((a, b) => a.id - b.id)) {
    yield [s.id, s.title, s.publisher, s.year, s.locator, s.kind];
  }
}

const README_UR = (day: string) => {
  const methods = methodTexts('ur');
  return [
    [
      'تعارف',
      'FourP کی جانب سے انسدادِ انسانی تجارت کے چار پی (4P) فریم ورک کی نگرانی کے شائع شدہ اعداد، ہر عدد ایک قطار میں۔',
    ],
    [
      'Data شیٹ',
      'ہر عدد ایک قطار میں؛ کالم وہی ہیں جو tidy CSV کے ہیں، جن کی تفصیل اس کے Data Package schema میں ہے۔',
    ],
    [
      'طریقۂ کار',
      'ہر عدد کسی حوالہ شدہ ماخذ سے درج کیا جاتا ہے، دوسرا شخص اس کا جائزہ لیتا ہے، پھر اسے شائع کیا جاتا ہے۔',
    ],
    ...Object.entries(methods.GRADE_METHOD).map(([grade, text]) => [`موازنہ پذیری درجہ ${grade}`, text]),
    ['پوشیدہ اعداد', methods.SUPPRESSION_METHOD],
    [
      'روکے گئے اعداد',
      'روکے گئے عدد کی قدر خالی ہے، suppressed = true اور conf_status C (چھوٹی تعداد) یا S (روکا گیا تاکہ کسی چھوٹی تعداد کا اندازہ نہ لگایا جا سکے)۔',
    ],
    ['لائسنس', `${DATA_LICENCE.name} (${DATA_LICENCE.url})۔ ${DATA_LICENCE.note}`],
    [
      'حوالہ',
      `FourP، انسدادِ انسانی تجارت کے شائع شدہ اعداد، ${day} تک کا ڈیٹا۔ لائسنس ${DATA_LICENCE.name}۔`,
    ],
  ];
};

function readMeRows(stamp: Date, locale: Locale) {
  const day = stamp.toISOString().slice(0, 10);
  if (locale === 'ur') return README_UR(day);
  const { GRADE_METHOD, SUPPRESSION_METHOD } = methodTexts('en');
  return [
    [
      'About',
      'Published figures of the FourP monitoring of the 4P anti-trafficking framework, one row per figure.',
    ],
    [
      'Data sheet',
      'One row per figure; the columns are those of the tidy CSV, described in its Data Package schema.',
    ],
    ['Method', 'Each figure is entered from a cited source, reviewed by a second person and then published.'],
    ...Object.entries(GRADE_METHOD).map(([grade, text]) => [`Comparability grade ${grade}`, text]),
    ['Suppression', SUPPRESSION_METHOD],
    [
      'Withheld figures',
      'A withheld figure has an empty value, suppressed = true and conf_status C (small count) or S (withheld so that a small count cannot be worked out).',
    ],
    ['Licence', `${DATA_LICENCE.name} (${DATA_LICENCE.url}). ${DATA_LICENCE.note}`],
    [
      'Citation',
      `FourP, published anti-trafficking figures, data as of ${day}. Licence ${DATA_LICENCE.name}.`,
    ],
  ];
}

/** A workbook streamed to `sink`: data, indicator definitions, sources and a read-me sheet. */
export async function writeXlsx(
  { figures, stamp }: ExportData,
  sink: Writable,
  locale: Locale = DEFAULT_LOCALE,
): Promise<void> {
  const workbook = new StampedWorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
    created: stamp,
    modified: stamp,
    creator: 'FourP',
    lastModifiedBy: 'FourP',
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  addSheet(
    workbook,
    'Data',
    TIDY_COLUMNS.map((c) => c.name),
    dataRows(figures),
  );
  addSheet(
    workbook,
    'Indicators',
    ['id', 'name', 'pillar', 'definition', 'unit', 'measure_type', 'direction', 'identifying', 'variants'],
    indicatorRows(locale),
  );
  addSheet(workbook, 'Sources', ['id', 'title', 'publisher', 'year', 'locator', 'kind'], sourceRows(figures));
  addSheet(workbook, 'Read me', ['topic', 'text'], readMeRows(stamp, locale));
  await workbook.commit();
}
