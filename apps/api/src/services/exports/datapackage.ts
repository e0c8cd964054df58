import type { Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { DATA_LICENCE, DEFAULT_LOCALE, type Locale, type Observation, type Source } from '@fourp/domain';
import { ZipFile } from 'yazl';
import { tidyCsv, TIDY_COLUMNS, CSV_FORMAT, type FigureBatches } from './tidy.js';

export const DATA_PACKAGE_CSV = 'fourp-figures.csv';

/** The sources cited, once each, in id order, as Data Package `sources`. */
function sourcesOf(byId: ReadonlyMap<number, Source>) {
  return [...byId.values()]
    .sort((a, b) => a.id - b.id)
    .map((s) => ({
      title: [s.publisher, s.title, s.year].filter((part) => part !== null).join(', '),
      ...(s.locator !== null && /^https?:\/\//.test(s.locator) ? { path: s.locator } : {}),
    }));
}

const ABOUT: Record<Locale, { title: string; description: string }> = {
  en: {
    title: 'FourP: published anti-trafficking figures',
    description:
      'Published figures of the FourP monitoring of the 4P framework (prevention, protection, prosecution, ' +
      'partnership). Identifying small counts are withheld by disclosure control: their value is empty, ' +
      '`suppressed` is true and `conf_status` is C or S.',
  },
  ur: {
    title: 'FourP: انسدادِ انسانی تجارت کے شائع شدہ اعداد',
    description:
      'چار پی (4P) فریم ورک (روک تھام، تحفظ، استغاثہ، شراکت داری) کی FourP نگرانی کے شائع شدہ اعداد۔ ' +
      'شناخت ظاہر کرنے والی چھوٹی تعداد افشا کے کنٹرول کے تحت پوشیدہ رکھی جاتی ہے: اس کی قدر خالی ہے، ' +
      '`suppressed` true ہے اور `conf_status` C یا S ہے۔',
  },
};

/** datapackage.json (Data Package 2.0): the tidy CSV as one tabular resource with its Table Schema. */
export function dataPackageDescriptor(
  sources: ReadonlyMap<number, Source>,
  stamp: Date,
  locale: Locale = DEFAULT_LOCALE,
) {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'fourp-figures',
    ...ABOUT[locale],
    version: stamp.toISOString().slice(0, 10),
    created: stamp.toISOString(),
    licenses: [{ name: DATA_LICENCE.identifier, path: DATA_LICENCE.url, title: DATA_LICENCE.name }],
    sources: sourcesOf(sources),
    resources: [
      {
        name: 'fourp-figures',
        type: 'table',
        path: DATA_PACKAGE_CSV,
        scheme: 'file',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { $schema: 'https://datapackage.org/profiles/2.0/tabledialect.json', ...CSV_FORMAT },
        schema: {
          $schema: 'https://datapackage.org/profiles/2.0/tableschema.json',
          fields: TIDY_COLUMNS.map(({ name, type, description }) => ({
            name,
            type,
            description,
            ...(type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
          })),
          missingValues: [''],
          primaryKey: ['id'],
        },
      },
    ],
  };
}

/** The figures as they come, each source they cite kept in `cited`. */
async function* citing(
  figures: FigureBatches,
  cited: Map<number, Source>,
): AsyncGenerator<readonly Observation[]> {
  for await (const batch of figures) {
    for (const o of batch) if (!cited.has(o.source.id)) cited.set(o.source.id, o.source);
    yield batch;
  }
}

/**
 * A zip of the tidy CSV, streamed as the figures come, then datapackage.json, which lists the sources the CSV
 * cited; entries carry `stamp`, never the clock.
 */
export async function writeDataPackage(
  figures: FigureBatches,
  stamp: Date,
  sink: Writable,
  locale: Locale = DEFAULT_LOCALE,
): Promise<void> {
  const zip = new ZipFile();
  const options = { mtime: stamp, mode: 0o100644 };
  const sources = new Map<number, Source>();
  const csv = tidyCsv(citing(figures, sources));
  zip.addReadStream(csv, DATA_PACKAGE_CSV, options);
  const descriptor = async () => {
    await finished(csv);
    const text = `${JSON.stringify(dataPackageDescriptor(sources, stamp, locale), null, 2)}\n`;
    zip.addBuffer(Buffer.from(text, 'utf8'), 'datapackage.json', options);
    zip.end();
  };
  try {
    await Promise.all([pipeline(zip.outputStream, sink), descriptor()]);
  } finally {
    csv.destroy();
  }
}
