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
  type DisaggregationDimension,
  type JurisdictionTree,
  type ObsStatus,
  type Observation,
} from '@fourp/domain';
import { csvStream, rowsOf, type FigureBatches } from './tidy.js';

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

export const SDMX_COLUMNS = [
  'STRUCTURE',
  'STRUCTURE_ID',
  'ACTION',
  'INDICATOR',
  'REF_AREA',
  'TIME_PERIOD',
  'DEFINITION',
  ...DISAGGREGATION_DIMENSIONS.map((d) => DIMENSION_COLUMN[d]),
  'OBS_VALUE',
  'UNIT_MEASURE',
  'OBS_STATUS',
  'CONF_STATUS',
  'SOURCE',
] as const;

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

const sdmxRow = (o: Observation) =>
  o.superseded
    ? null
    : [
        'dataflow',
        SDMX_STRUCTURE_ID,
        'I',
        o.indicator.toUpperCase(),
        o.jurisdiction,
        timePeriod(o),
        o.definition.toUpperCase(),
        ...DISAGGREGATION_DIMENSIONS.map((d) => {
          const category = o.disaggregation[d];
          return category === undefined ? SDMX_TOTAL : (sdmxCode.get(d)?.get(category) ?? category);
        }),
        o.value,
        findIndicator(o.indicator)?.unit ?? null,
        o.status,
        o.confStatus,
        citation(o.source),
      ];

/**
 * SDMX-CSV 2.0: one row per current figure, dimensions then OBS_VALUE then attributes; a withheld figure has an
 * empty OBS_VALUE and CONF_STATUS C or S. Codes are listed by `writeSdmxCodeLists`. Written as the figures come.
 */
export async function writeSdmxCsv(figures: FigureBatches, sink: Writable): Promise<void> {
  await pipeline(csvStream(SDMX_COLUMNS, rowsOf(figures, sdmxRow)), sink);
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

function* codeListRows(tree: JurisdictionTree) {
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
  await pipeline(csvStream(['CODELIST', 'CODE', 'NAME'], [[...codeListRows(tree)]]), sink);
}
