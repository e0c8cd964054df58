import { Writable } from 'node:stream';
import type { ExportFormatId } from '@fourp/domain';
import type { ReleaseFiles } from '../../env.js';
import { EXPORT_FORMATS, readExportData, writeExport } from '../exports/index.js';
import type { ReadDeps } from '../published/read.js';

/**
 * The export formats whose files a release fixes by checksum: all that are made from its figures alone. IATI is
 * left out because it also carries today's targets, which a release does not keep.
 */
export const RELEASE_FORMATS: readonly ExportFormatId[] = [
  'csv',
  'sdmx-csv',
  'datapackage',
  'xlsx',
  'json-stat',
];

/** Each release file as `/v1/exports/{format}?release=` serves it, in bytes, for its checksum. */
export const releaseExportFiles = (deps: ReadDeps): ReleaseFiles =>
  async function* (release) {
    const data = await readExportData(deps, { release });
    for (const id of RELEASE_FORMATS) {
      const chunks: Buffer[] = [];
      const sink = new Writable({
        write(chunk: Buffer | string, _encoding, done) {
          chunks.push(Buffer.from(chunk));
          done();
        },
      });
      await writeExport(id, data, sink);
      yield { name: EXPORT_FORMATS[id].fileName, bytes: new Uint8Array(Buffer.concat(chunks)) };
    }
  };
