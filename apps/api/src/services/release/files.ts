import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { MAX_WHOLE_FILE_EXPORT_FIGURES, type ExportFormatId } from '@fourp/domain';
import type { ReleaseFiles } from '../../env.js';
import { countExportFigures, EXPORT_FORMATS, writeExport } from '../exports/index.js';
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

/**
 * Each release file as `/v1/exports/{format}?release=` serves it, hashed as it is written (a streamed format in
 * constant memory). A format that holds the whole selection is left out of a release above the export maximum,
 * since its download is refused.
 */
export const releaseExportFiles = (deps: ReadDeps): ReleaseFiles =>
  async function* (release) {
    const selection = { release };
    const tooLarge = countExportFigures(deps, selection) > MAX_WHOLE_FILE_EXPORT_FIGURES;
    for (const id of RELEASE_FORMATS) {
      if (tooLarge && !EXPORT_FORMATS[id].streamed) continue;
      const hash = createHash('sha256');
      let bytes = 0;
      const sink = new Writable({
        write(chunk: Buffer | string, _encoding, done) {
          const buffer = Buffer.from(chunk);
          hash.update(buffer);
          bytes += buffer.byteLength;
          done();
        },
      });
      await writeExport(id, { deps, selection }, sink);
      yield { name: EXPORT_FORMATS[id].fileName, bytes, sha256: hash.digest('hex') };
    }
  };
