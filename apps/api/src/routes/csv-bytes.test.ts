import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { observations } from '../db/schema.js';
import { insertObservations, useTestApp } from '../test-support/api.js';

const t = useTestApp();

/**
 * Awkward text, put in a figure's note and its source's title, and the field each writer makes of it: a list
 * CSV (spreadsheet dialect, formula guard), a data export, and the SDMX-CSV SOURCE citation.
 */
const AWKWARD: [text: string | null, spreadsheet: string, data: string, sdmxSource: string][] = [
  ['a, b', '"a, b"', '"a, b"', '"Test publisher, a, b, 2024, p. 1"'],
  ['say "hi"', '"say ""hi"""', '"say ""hi"""', '"Test publisher, say ""hi"", 2024, p. 1"'],
  ['bare\rCR', '"bare\rCR"', '"bare\rCR"', '"Test publisher, bare\rCR, 2024, p. 1"'],
  ['bare\nLF', '"bare\nLF"', '"bare\nLF"', '"Test publisher, bare\nLF, 2024, p. 1"'],
  ['both\r\nCRLF', '"both\r\nCRLF"', '"both\r\nCRLF"', '"Test publisher, both\r\nCRLF, 2024, p. 1"'],
  ['=SUM(A1)', "'=SUM(A1)", '=SUM(A1)', '"Test publisher, =SUM(A1), 2024, p. 1"'],
  ['+92 300', "'+92 300", '+92 300', '"Test publisher, +92 300, 2024, p. 1"'],
  ['-2+3', "'-2+3", '-2+3', '"Test publisher, -2+3, 2024, p. 1"'],
  ['@cmd', "'@cmd", '@cmd', '"Test publisher, @cmd, 2024, p. 1"'],
  [
    'ضلع گجرات، پنجاب',
    'ضلع گجرات، پنجاب',
    'ضلع گجرات، پنجاب',
    '"Test publisher, ضلع گجرات، پنجاب, 2024, p. 1"',
  ],
  ['🧒 👩‍👧', '🧒 👩‍👧', '🧒 👩‍👧', '"Test publisher, 🧒 👩‍👧, 2024, p. 1"'],
  ['', '', '', '"Test publisher, Test source, 2024, p. 1"'],
  [null, '', '', '"Test publisher, Test source, 2024, p. 1"'],
];
/** The source of the figures without awkward text: the first inserted with the default title. */
const DEFAULT_SOURCE = AWKWARD.findIndex(([text]) => !text) + 1;

/** One figure per awkward text (a tier, so no count interval and no disclosure control), in year order. */
async function insertAwkward() {
  const ids = await insertObservations(
    t.db,
    AWKWARD.map(([text], i) => ({
      indicator: 'tip_tier',
      jurisdiction: 'ES',
      year: 2000 + i,
      value: 2,
      sourceTitle: text || undefined,
    })),
  );
  for (const [i, id] of ids.entries())
    t.db.update(observations).set({ note: AWKWARD[i]![0] }).where(eq(observations.id, id)).run();
}

/** The answer's bytes, as a client saves them (a BOM kept). */
const body = async (path: string) => {
  const res = await t.app.request(path);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
};

const lines = (header: string, line: (row: (typeof AWKWARD)[number], i: number) => string) =>
  [header, ...AWKWARD.map(line)].map((l) => `${l}\r\n`).join('');

const source = (i: number) => (AWKWARD[i]![0] ? i + 1 : DEFAULT_SOURCE);

const LIST_CSV = lines(
  'id,indicator,jurisdiction,year,year_end,disaggregation,value,suppressed,interval_low,interval_high,status,period,' +
    'partial_period,conf_status,workflow_state,definition,superseded,unit_as_read,value_as_read,note,source_id,' +
    'source_title,source_publisher,source_year,source_locator,source_kind',
  ([text, spreadsheet], i) =>
    `${i + 1},tip_tier,ES,${2000 + i},${2000 + i},,2,false,,,A,,false,F,published,standard,false,persons,2,` +
    `${spreadsheet},${source(i)},${text ? spreadsheet : 'Test source'},Test publisher,2024,p. 1,primary`,
);

const TIDY_CSV = lines(
  'id,indicator,jurisdiction,year,year_end,period,disaggregation,sex,age_group,exploitation_form,nationality,route,' +
    'tehsil,agency,partner_country,incident,value,unit_measure,status,conf_status,suppressed,definition,superseded,' +
    'partial_period,note,source_id,source_title,source_publisher,source_year,source_locator,source_kind',
  ([text, , data], i) =>
    `${i + 1},tip_tier,ES,${2000 + i},${2000 + i},,,,,,,,,,,,2,tier,A,F,false,standard,false,false,` +
    `${data},${source(i)},${text ? data : 'Test source'},Test publisher,2024,p. 1,primary`,
);

const SDMX_CSV = lines(
  'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,DEFINITION,SEX,AGE,EXPLOITATION_FORM,NATIONALITY,' +
    'ROUTE,TEHSIL,AGENCY,PARTNER_COUNTRY,INCIDENT,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,CONF_STATUS,SOURCE',
  ([, , , sdmxSource], i) =>
    `dataflow,FOURP:DF_4P(1.0),I,TIP_TIER,ES,${2000 + i},STANDARD,_T,_T,_T,_T,_T,_T,_T,_T,_T,2,tier,A,F,${sdmxSource}`,
);

const records = (csv: Buffer) => parse(csv, { columns: true, bom: true }) as Record<string, string>[];

describe('every CSV the API writes, byte for byte, with awkward text', () => {
  it.each([
    ['a list CSV', '/v1/observations?format=csv', LIST_CSV],
    ['the bulk CSV', '/v1/observations/bulk?format=csv', LIST_CSV],
    ['the tidy CSV export', '/v1/exports/csv', TIDY_CSV],
    ['the tidy CSV export with a BOM', '/v1/exports/csv?bom=true', `\ufeff${TIDY_CSV}`],
    ['the SDMX-CSV export', '/v1/exports/sdmx-csv', SDMX_CSV],
  ])('%s', async (_, path, expected) => {
    await insertAwkward();
    expect(await body(path)).toEqual(Buffer.from(expected, 'utf8'));
  });
});

describe('read back by csv-parse', () => {
  it('gives the exact text from a data export, and a list CSV’s text with formulas guarded', async () => {
    await insertAwkward();
    const texts = AWKWARD.map(([text]) => text ?? '');
    const [tidy, sdmx, list] = await Promise.all(
      ['/v1/exports/csv?bom=true', '/v1/exports/sdmx-csv', '/v1/observations?format=csv'].map(body),
    );
    expect(records(tidy!).map((r) => r.note)).toEqual(texts);
    expect(records(sdmx!).map((r) => r.SOURCE)).toEqual(
      texts.map((text) => `Test publisher, ${text || 'Test source'}, 2024, p. 1`),
    );
    expect(records(list!).map((r) => r.note)).toEqual(
      texts.map((text) => (/^[=+\-@]/.test(text) ? `'${text}` : text)),
    );
  });
});
