import { describe, expect, it } from 'vitest';
import { toCsv, type CsvColumn } from './csv.js';

type Row = { name: string | null; value: number | null; flag: boolean };
const columns: CsvColumn<Row>[] = [
  { header: 'name', value: (r) => r.name },
  { header: 'value', value: (r) => r.value },
  { header: 'flag', value: (r) => r.flag },
];

describe('toCsv', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1, really', `"'+1, really"`],
    ['ضلع گجرات', 'ضلع گجرات'],
  ])('writes %j as %s', (name, field) => {
    expect(toCsv([{ name, value: 1, flag: true }], columns)).toBe(`name,value,flag\r\n${field},1,true\r\n`);
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
