import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CODE_LISTS,
  CONF_STATUSES,
  DISAGGREGATION_DIMENSIONS,
  findIndicator,
  INDICATORS,
  OBS_STATUSES,
  STANDARD_DEFINITION,
  type ConfStatus,
  type CsvColumn,
  type DisaggregationDimension,
  type JurisdictionTree,
  type ObsStatus,
  type Observation,
} from '@fourp/domain';
import { byBreakdown, byIndicator, bySource, csvStream, type FigureBatches } from './tidy.js';

export const SDMX_STRUCTURE_ID = 'FOURP:DF_4P(1.0)';
/** SDMX's code for "total" in a breakdown dimension. */
export const SDMX_TOTAL = '_T';

const DIMENSION_COLUMN: Record<DisaggregationDimension, string> = {
  sex: 'SEX',
  age_group: 'AGE',
  exploitation_form: 'EXPLOITATION_FORM',
  nationality: 'NATIONALITY',
  route: 'ROUTE',
  tehsil: 'TEHSIL',
  agency: 'AGENCY',
  partner_country: 'PARTNER_COUNTRY',
  incident: 'INCIDENT',
};

const sdmxCode = new Map<string, Map<string, string>>(
  CODE_LISTS.map((list) => [list.dimension, new Map(list.codes.map((c) => [c.code, c.sdmx ?? c.code]))]),
);

/** A year, an ISO 8601 interval of months as stored, or a span of whole years as start and duration. */
export function timePeriod(o: Pick<Observation, 'year' | 'yearEnd' | 'period'>): string {
  if (o.period !== null) return o.period;
  if (o.year === o.yearEnd) return String(o.year);
  return `${o.year}-01-01/P${o.yearEnd - o.year + 1}Y`;
}

export const citation = (s: Observation['source']) =>
  [s.publisher, s.title, s.year, s.locator].filter((part) => part !== null).join(', ');

/** The figures a cube or series shows: one per cell, the latest (superseded figures are left out). */
export const currentFigures = (figures: readonly Observation[]) => figures.filter((o) => !o.superseded);

const sdmxDimension = (d: DisaggregationDimension) => (o: Observation) => {
  const category = o.disaggregation[d];
  return category === undefined ? SDMX_TOTAL : (sdmxCode.get(d)?.get(category) ?? category);
};

const SDMX_CSV_COLUMNS: readonly CsvColumn<Observation>[] = [
  { header: 'STRUCTURE', value: () => 'dataflow' },
  { header: 'STRUCTURE_ID', value: () => SDMX_STRUCTURE_ID },
  { header: 'ACTION', value: () => 'I' },
  { header: 'INDICATOR', value: (o) => o.indicator.toUpperCase(), key: byIndicator },
  { header: 'REF_AREA', value: (o) => o.jurisdiction },
  { header: 'TIME_PERIOD', value: timePeriod },
  { header: 'DEFINITION', value: (o) => o.definition.toUpperCase(), key: (o) => o.definition },
  ...DISAGGREGATION_DIMENSIONS.map((d) => ({
    header: DIMENSION_COLUMN[d],
    value: sdmxDimension(d),
    key: byBreakdown,
  })),
  { header: 'OBS_VALUE', value: (o) => o.value },
  { header: 'UNIT_MEASURE', value: (o) => findIndicator(o.indicator)?.unit ?? null, key: byIndicator },
  { header: 'OBS_STATUS', value: (o) => o.status },
  { header: 'CONF_STATUS', value: (o) => o.confStatus },
  { header: 'SOURCE', value: (o) => citation(o.source), key: bySource },
];

export const SDMX_COLUMNS = SDMX_CSV_COLUMNS.map((column) => column.header);

async function* current(figures: FigureBatches): AsyncGenerator<readonly Observation[]> {
  for await (const batch of figures) yield currentFigures(batch);
}

/**
 * SDMX-CSV 2.0: one row per current figure, dimensions then OBS_VALUE then attributes; a withheld figure has an
 * empty OBS_VALUE and CONF_STATUS C or S. Codes are listed by `writeSdmxCodeLists`. Written as the figures come.
 */
export async function writeSdmxCsv(figures: FigureBatches, sink: Writable): Promise<void> {
  await pipeline(csvStream(SDMX_CSV_COLUMNS, current(figures)), sink);
}

const OBS_STATUS_NAMES: Record<ObsStatus, string> = {
  A: 'Normal value',
  E: 'Estimated value',
  P: 'Provisional value',
  B: 'Time series break',
  U: 'Low reliability',
  D: 'Definition differs',
};
const CONF_STATUS_NAMES: Record<ConfStatus, string> = {
  F: 'Free',
  N: 'Not for publication, restricted for internal use only',
  C: 'Confidential statistical information',
  S: 'Secondary confidentiality set by the sender, not for publication',
};

type CodeListRow = readonly [list: string, code: string, name: string];
const CODE_LIST_COLUMNS: readonly CsvColumn<CodeListRow>[] = [
  { header: 'CODELIST', value: ([list]) => list },
  { header: 'CODE', value: ([, code]) => code },
  { header: 'NAME', value: ([, , name]) => name },
];

function* codeListRows(tree: JurisdictionTree): Generator<CodeListRow> {
  for (const i of INDICATORS) yield ['CL_INDICATOR', i.id.toUpperCase(), i.name];
  for (const j of tree.units) yield ['CL_REF_AREA', j.id, j.name.en];
  yield ['CL_DEFINITION', STANDARD_DEFINITION.toUpperCase(), 'The catalogue’s standard definition'];
  const variants = new Map(INDICATORS.flatMap((i) => i.variants.map((v) => [v.id, v.label] as const)));
  for (const [id, label] of [...variants].sort()) yield ['CL_DEFINITION', id.toUpperCase(), label];
  for (const list of CODE_LISTS) {
    const name = `CL_${DIMENSION_COLUMN[list.dimension]}`;
    yield [name, SDMX_TOTAL, 'Total'];
    for (const code of list.codes) yield [name, code.sdmx ?? code.code, code.label];
  }
  for (const status of OBS_STATUSES) yield ['CL_OBS_STATUS', status, OBS_STATUS_NAMES[status]];
  for (const status of CONF_STATUSES) yield ['CL_CONF_STATUS', status, CONF_STATUS_NAMES[status]];
}

/** The code lists the SDMX-CSV uses: indicators, jurisdictions, definitions, coded breakdowns and statuses. */
export async function writeSdmxCodeLists(tree: JurisdictionTree, sink: Writable): Promise<void> {
  await pipeline(csvStream(CODE_LIST_COLUMNS, [[...codeListRows(tree)]]), sink);
}
