import type { Writable } from 'node:stream';
import { DATA_LICENCE, DISAGGREGATION_DIMENSIONS, findIndicator, type Observation } from '@fourp/domain';
import type { ExportData } from './data.js';
import { currentFigures, SDMX_TOTAL, timePeriod } from './sdmx.js';
import { close, put } from './sink.js';

type Axis = { id: string; label: string; key: (o: Observation) => string; name?: (code: string) => string };

const AXES: readonly Axis[] = [
  {
    id: 'indicator',
    label: 'Indicator',
    key: (o) => o.indicator,
    name: (id) => findIndicator(id)?.name ?? id,
  },
  { id: 'jurisdiction', label: 'Jurisdiction', key: (o) => o.jurisdiction },
  { id: 'time', label: 'Time period', key: (o) => timePeriod(o) },
  { id: 'definition', label: 'Definition', key: (o) => o.definition },
  ...DISAGGREGATION_DIMENSIONS.map((dimension): Axis => ({
    id: dimension,
    label: dimension.replace('_', ' '),
    key: (o) => o.disaggregation[dimension] ?? SDMX_TOTAL,
    name: (code) => (code === SDMX_TOTAL ? 'Total' : code),
  })),
];

const sortedCodes = (figures: readonly Observation[], axis: Axis) =>
  [...new Set(figures.map(axis.key))].sort((a, b) =>
    a === SDMX_TOTAL ? -1 : b === SDMX_TOTAL ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );

/**
 * JSON-stat 2.0 dataset of the current figures: a cube over indicator, jurisdiction, time, definition and every
 * breakdown dimension, values sparse (by index), `status` the CONF_STATUS of a withheld figure (value null) and
 * the OBS_STATUS otherwise. Written in pieces, the values one at a time.
 */
export async function writeJsonStat({ figures, stamp }: ExportData, sink: Writable): Promise<void> {
  const shown = currentFigures(figures);
  const codes = AXES.map((axis) => sortedCodes(shown, axis));
  const index = codes.map((list) => new Map(list.map((code, i) => [code, i])));
  const size = codes.map((list) => list.length);
  const dimension = Object.fromEntries(
    AXES.map((axis, a) => [
      axis.id,
      {
        label: axis.label,
        category: {
          index: codes[a],
          label: Object.fromEntries(codes[a]!.map((code) => [code, axis.name?.(code) ?? code])),
          ...(axis.id === 'indicator'
            ? {
                unit: Object.fromEntries(
                  codes[a]!.map((code) => [code, { label: findIndicator(code)?.unit ?? '' }]),
                ),
              }
            : {}),
        },
      },
    ]),
  );
  const head = {
    version: '2.0',
    class: 'dataset',
    label: 'FourP: published anti-trafficking figures',
    source: 'FourP; each figure’s own source is named in the tidy CSV and the Data Package',
    updated: stamp.toISOString(),
    note: [
      'Identifying small counts are withheld by disclosure control: value null, status C or S.',
      `Licence: ${DATA_LICENCE.name} (${DATA_LICENCE.url}).`,
    ],
    id: AXES.map((axis) => axis.id),
    size,
    role: { time: ['time'], geo: ['jurisdiction'], metric: ['indicator'] },
    dimension,
  };
  const position = (o: Observation) =>
    AXES.reduce((at, axis, a) => at * BigInt(size[a]!) + BigInt(index[a]!.get(axis.key(o))!), 0n);
  const members = async (entry: (o: Observation) => string) => {
    let separator = '';
    for (const o of shown) {
      await put(sink, `${separator}"${position(o)}":${entry(o)}`);
      separator = ',';
    }
  };
  const json = JSON.stringify(head);
  await put(sink, `${json.slice(0, -1)},"value":{`);
  await members((o) => JSON.stringify(o.value));
  await put(sink, '},"status":{');
  await members((o) => JSON.stringify(o.suppressed || o.confStatus !== 'F' ? o.confStatus : o.status));
  await put(sink, '}}\n');
  await close(sink);
}
