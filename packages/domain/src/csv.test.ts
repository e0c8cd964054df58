import { describe, expect, it } from 'vitest';
import {
  csvDocument,
  csvField,
  csvLine,
  csvLinePieces,
  csvLines,
  csvRecord,
  csvRecordWriter,
  textPieces,
  toCsv,
  type CsvCell,
  type CsvColumn,
} from './csv.js';

describe('csvField', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [12.5, '12.5'],
    [0, '0'],
    [-3, '-3'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [true, 'true'],
    [false, 'false'],
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+92 300', "'+92 300"],
    ['+1, really', `"'+1, really"`],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['ضلع گجرات', 'ضلع گجرات'],
  ])('%j → %j', (cell, expected) => {
    expect(csvField(cell)).toBe(expected);
  });
});

/** Awkward cells and how each dialect writes them: the bytes list CSVs and exports are made of. */
const AWKWARD: [cell: CsvCell, spreadsheet: string, data: string][] = [
  ['a, b', '"a, b"', '"a, b"'],
  ['say "hi"', '"say ""hi"""', '"say ""hi"""'],
  ['bare\rCR', '"bare\rCR"', '"bare\rCR"'],
  ['bare\nLF', '"bare\nLF"', '"bare\nLF"'],
  ['both\r\nCRLF', '"both\r\nCRLF"', '"both\r\nCRLF"'],
  ['ends in CR\r', '"ends in CR\r"', '"ends in CR\r"'],
  ['=SUM(A1)', "'=SUM(A1)", '=SUM(A1)'],
  ['+92 300', "'+92 300", '+92 300'],
  ['-2+3', "'-2+3", '-2+3'],
  ['@cmd', "'@cmd", '@cmd'],
  ['\tx', "'\tx", '\tx'],
  ['\rx', `"'\rx"`, '"\rx"'],
  ['=1, "2"', `"'=1, ""2"""`, '"=1, ""2"""'],
  [' padded ', '" padded "', ' padded '],
  ['ضلع گجرات، پنجاب', 'ضلع گجرات، پنجاب', 'ضلع گجرات، پنجاب'],
  ['🧒 👩‍👧', '🧒 👩‍👧', '🧒 👩‍👧'],
  ['', '', ''],
  [null, '', ''],
  [undefined, '', ''],
  [-2.5, '-2.5', '-2.5'],
  [1e21, '1e+21', '1e+21'],
  [Number.NaN, '', ''],
  [false, 'false', 'false'],
];

describe.each([
  ['spreadsheet', 1],
  ['data', 2],
] as const)('the %s dialect', (dialect, column) => {
  it.each(AWKWARD.map((row) => [row[0], row[column]] as const))('%j → %j', (cell, expected) => {
    expect(csvField(cell, dialect)).toBe(expected);
  });

  it('writes a line of every awkward cell, comma-separated and CRLF-terminated', () => {
    expect(
      csvLine(
        AWKWARD.map(([cell]) => cell),
        dialect,
      ),
    ).toBe(`${AWKWARD.map((row) => row[column]).join(',')}\r\n`);
  });
});

describe('csvDocument', () => {
  it('writes a header row and CRLF-terminated lines', () => {
    expect(
      csvDocument(
        ['year', 'value'],
        [
          [2020, 5],
          [2021, null],
        ],
      ),
    ).toBe('year,value\r\n2020,5\r\n2021,\r\n');
  });

  it('writes only the header row when there are no rows', () => {
    expect(csvDocument(['a'], [])).toBe('a\r\n');
  });
});

describe('toCsv', () => {
  type Row = { name: string | null; value: number | null; flag: boolean };
  const columns: CsvColumn<Row>[] = [
    { header: 'name', value: (r) => r.name },
    { header: 'value', value: (r) => r.value },
    { header: 'flag', value: (r) => r.flag },
  ];

  it('writes one column per entry, in order', () => {
    expect(toCsv([{ name: 'a, b', value: 1, flag: true }], columns)).toBe(
      'name,value,flag\r\n"a, b",1,true\r\n',
    );
  });

  it('writes null as an empty field and keeps negative numbers as numbers', () => {
    expect(toCsv([{ name: null, value: -2.5, flag: false }], columns)).toBe(
      'name,value,flag\r\n,-2.5,false\r\n',
    );
  });

  it('writes only the header row for an empty list', () => {
    expect(toCsv([], columns)).toBe('name,value,flag\r\n');
  });

  it('guards formulas for a spreadsheet by default and writes text as it is for data', () => {
    const rows = [{ name: '=1+1', value: -1, flag: true }];
    expect(toCsv(rows, columns)).toBe("name,value,flag\r\n'=1+1,-1,true\r\n");
    expect(toCsv(rows, columns, 'data')).toBe('name,value,flag\r\n=1+1,-1,true\r\n');
  });
});

describe('csvLines', () => {
  const columns: CsvColumn<readonly [string, number]>[] = [
    { header: 'text', value: ([text]) => text },
    { header: 'n', value: ([, n]) => n },
  ];

  it('writes the lines of a batch without a header, and nothing for no items', () => {
    const batch = [
      ['x', 1],
      ['a\nb', 2],
    ] as const;
    expect(csvLines(batch, columns, 'data')).toBe('x,1\r\n"a\nb",2\r\n');
    expect(csvLines([], columns)).toBe('');
  });
});

describe('textPieces and csvLinePieces', () => {
  const columns: CsvColumn<number>[] = [
    { header: 'n', value: (n) => n },
    { header: 'text', value: (n) => (n % 7 === 0 ? `quoted, "${n}"\r\nnext` : 'plain') },
  ];
  const items = Array.from({ length: 500 }, (_, i) => i);

  it('writes the same text as csvLines, in pieces of about the size asked, never splitting a line', () => {
    const pieces = [
      ...textPieces(
        items,
        (n) =>
          csvLine(
            columns.map((c) => c.value(n)),
            'data',
          ),
        256,
      ),
    ];
    expect(pieces.join('')).toBe(csvLines(items, columns, 'data'));
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) {
      expect(piece.endsWith('\r\n')).toBe(true);
      expect(piece.length).toBeLessThan(256 + 40);
    }
    expect([...csvLinePieces(columns, 'data')(items)].join('')).toBe(csvLines(items, columns, 'data'));
  });

  it('yields nothing for no items', () => {
    expect([...textPieces([], String)]).toEqual([]);
    expect([...csvLinePieces(columns)([])]).toEqual([]);
  });
});

describe('csvRecordWriter', () => {
  type Item = { id: number; place: { name: string; note: string | null }; code: string };
  const home = { name: '=Home, "sweet"', note: null };
  const away = { name: 'Away', note: 'far\r\nout' };

  it('writes what csvRecord writes, each keyed run of columns once per key', () => {
    const written: string[] = [];
    const byPlace = (item: Item) => item.place;
    const columns: CsvColumn<Item>[] = [
      { header: 'id', value: (item) => item.id },
      {
        header: 'place',
        value: (item) => {
          written.push(item.place.name);
          return item.place.name;
        },
        key: byPlace,
      },
      { header: 'note', value: (item) => item.place.note, key: byPlace },
      { header: 'code', value: (item) => item.code, key: (item) => item.code },
    ];
    const items: Item[] = [
      { id: 1, place: home, code: 'A' },
      { id: 2, place: away, code: 'A' },
      { id: 3, place: home, code: '@B' },
      { id: 4, place: away, code: 'A' },
    ];
    for (const dialect of ['spreadsheet', 'data'] as const) {
      const expected = items.map((item) => csvRecord(item, columns, dialect));
      written.length = 0;
      expect(items.map(csvRecordWriter(columns, dialect))).toEqual(expected);
      expect(written).toEqual([home.name, away.name]);
    }
    expect(csvRecordWriter(columns)(items[2]!)).toBe(`3,"'=Home, ""sweet""",,'@B`);
  });

  it('writes an empty record for no columns', () => {
    expect(csvRecordWriter<Item>([])({ id: 1, place: home, code: 'A' })).toBe('');
  });
});
