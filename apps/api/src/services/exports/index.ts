import type { Writable } from 'node:stream';
import type { ExportFormatId, Locale } from '@fourp/domain';
import type { ReadDeps } from '../published/read.js';
import {
  exportStamp,
  readExportData,
  streamExportFigures,
  type ExportData,
  type ExportSelection,
} from './data.js';
import { writeDataPackage } from './datapackage.js';
import { writeIati } from './iati.js';
import { writeJsonStat } from './json-stat.js';
import { writeSdmxCsv } from './sdmx.js';
import { writeTidyCsv, type FigureBatches } from './tidy.js';
import { writeXlsx } from './xlsx.js';

export type { ExportData, ExportSelection } from './data.js';
export { countExportFigures, exportTag, readExportData } from './data.js';

/** `locale`: the language of the labels a person reads (English by default); column names never change. */
export type WriteOptions = { bom?: boolean; locale?: Locale };

type Described = { id: ExportFormatId; label: string; fileName: string; mediaType: string };

/** A format written as the figures are read: any size in constant memory. */
type StreamedFormat = Described & {
  streamed: true;
  /** Writes the export of `figures`, dated `stamp`, to `sink` and ends it; the same figures give the same bytes. */
  stream: (figures: FigureBatches, stamp: Date, sink: Writable, options: WriteOptions) => Promise<void>;
};

/** A format that holds the whole selection while it writes: refused above MAX_WHOLE_FILE_EXPORT_FIGURES. */
type WholeFormat = Described & {
  streamed: false;
  /** Writes the export of `data` to `sink` and ends it; the same data always gives the same bytes. */
  write: (data: ExportData, sink: Writable, options: WriteOptions) => Promise<void>;
};

export type ExportFormat = StreamedFormat | WholeFormat;

export const EXPORT_FORMATS: Readonly<Record<ExportFormatId, ExportFormat>> = {
  csv: {
    id: 'csv',
    label: 'Tidy CSV',
    fileName: 'fourp-figures.csv',
    mediaType: 'text/csv; charset=utf-8; header=present',
    streamed: true,
    stream: (figures, _stamp, sink, options) => writeTidyCsv(figures, sink, options),
  },
  'sdmx-csv': {
    id: 'sdmx-csv',
    label: 'SDMX-CSV 2.0',
    fileName: 'fourp-figures.sdmx.csv',
    mediaType: 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8',
    streamed: true,
    stream: (figures, _stamp, sink) => writeSdmxCsv(figures, sink),
  },
  datapackage: {
    id: 'datapackage',
    label: 'Frictionless Data Package (zip)',
    fileName: 'fourp-figures.datapackage.zip',
    mediaType: 'application/zip',
    streamed: true,
    stream: (figures, stamp, sink, options) => writeDataPackage(figures, stamp, sink, options.locale),
  },
  xlsx: {
    id: 'xlsx',
    label: 'Excel workbook',
    fileName: 'fourp-figures.xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    streamed: false,
    write: (data, sink, options) => writeXlsx(data, sink, options.locale),
  },
  'json-stat': {
    id: 'json-stat',
    label: 'JSON-stat 2.0',
    fileName: 'fourp-figures.json-stat.json',
    mediaType: 'application/json; charset=utf-8',
    streamed: false,
    write: (data, sink) => writeJsonStat(data, sink),
  },
  iati: {
    id: 'iati',
    label: 'IATI 2.03 activity XML',
    fileName: 'fourp-iati-activity.xml',
    mediaType: 'application/xml; charset=utf-8',
    streamed: false,
    write: (data, sink, options) => writeIati(data, sink, options.locale),
  },
};

/**
 * Writes one format of `data`, or of a selection read through the public read path, to `sink`, and ends it. A
 * streamed format reads a selection batch by batch; a whole-file format reads it first (callers check its size).
 */
export async function writeExport(
  format: ExportFormatId,
  input: ExportData | { deps: ReadDeps; selection: ExportSelection },
  sink: Writable,
  options: WriteOptions = {},
): Promise<void> {
  const exported = EXPORT_FORMATS[format];
  if (exported.streamed) {
    const [figures, stamp] =
      'deps' in input
        ? [streamExportFigures(input.deps, input.selection), await exportStamp(input.deps, input.selection)]
        : [[input.figures], input.stamp];
    return exported.stream(figures, stamp, sink, options);
  }
  const data = 'deps' in input ? await readExportData(input.deps, input.selection) : input;
  await exported.write(data, sink, options);
}
