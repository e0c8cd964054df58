import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, toCsv, type CsvColumn } from './csv.js';

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
});
