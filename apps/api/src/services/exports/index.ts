import type { Writable } from 'node:stream';
import type { ExportFormatId, Locale } from '@fourp/domain';
import type { ReadDeps } from '../published/read.js';
import { readExportData, type ExportData, type ExportSelection } from './data.js';
import { writeDataPackage } from './datapackage.js';
import { writeIati } from './iati.js';
import { writeJsonStat } from './json-stat.js';
import { writeSdmxCsv } from './sdmx.js';
import { writeTidyCsv } from './tidy.js';
import { writeXlsx } from './xlsx.js';

export type { ExportData, ExportSelection } from './data.js';
export { readExportData } from './data.js';

/** `locale`: the language of the labels a person reads (English by default); column names never change. */
export type WriteOptions = { bom?: boolean; locale?: Locale };

export type ExportFormat = {
  id: ExportFormatId;
  label: string;
  fileName: string;
  mediaType: string;
  /** Writes the export of `data` to `sink` and ends it; the same data always gives the same bytes. */
  write: (data: ExportData, sink: Writable, options: WriteOptions) => Promise<void>;
};

export const EXPORT_FORMATS: Readonly<Record<ExportFormatId, ExportFormat>> = {
  csv: {
    id: 'csv',
    label: 'Tidy CSV',
    fileName: 'fourp-figures.csv',
    mediaType: 'text/csv; charset=utf-8; header=present',
    write: (data, sink, options) => writeTidyCsv(data.figures, sink, options),
  },
  'sdmx-csv': {
    id: 'sdmx-csv',
    label: 'SDMX-CSV 2.0',
    fileName: 'fourp-figures.sdmx.csv',
    mediaType: 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8',
    write: (data, sink) => writeSdmxCsv(data.figures, sink),
  },
  datapackage: {
    id: 'datapackage',
    label: 'Frictionless Data Package (zip)',
    fileName: 'fourp-figures.datapackage.zip',
    mediaType: 'application/zip',
    write: (data, sink, options) => writeDataPackage(data, sink, options.locale),
  },
  xlsx: {
    id: 'xlsx',
    label: 'Excel workbook',
    fileName: 'fourp-figures.xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: (data, sink, options) => writeXlsx(data, sink, options.locale),
  },
  'json-stat': {
    id: 'json-stat',
    label: 'JSON-stat 2.0',
    fileName: 'fourp-figures.json-stat.json',
    mediaType: 'application/json; charset=utf-8',
    write: (data, sink) => writeJsonStat(data, sink),
  },
  iati: {
    id: 'iati',
    label: 'IATI 2.03 activity XML',
    fileName: 'fourp-iati-activity.xml',
    mediaType: 'application/xml; charset=utf-8',
    write: (data, sink, options) => writeIati(data, sink, options.locale),
  },
};

/** Writes one format of `data`, or of a selection read through the public read path, to `sink`, and ends it. */
export async function writeExport(
  format: ExportFormatId,
  input: ExportData | { deps: ReadDeps; selection: ExportSelection },
  sink: Writable,
  options: WriteOptions = {},
): Promise<void> {
  const data = 'deps' in input ? await readExportData(input.deps, input.selection) : input;
  await EXPORT_FORMATS[format].write(data, sink, options);
}
