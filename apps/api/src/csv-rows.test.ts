import { describe, expect, it } from 'vitest';
import { CsvParseError, parseCsv } from './csv-rows.js';

describe('parseCsv', () => {
  it('reads a header and rows keyed by column name', () => {
    expect(parseCsv('a,b\n1,2\n3,4\n')).toEqual({
      header: ['a', 'b'],
      rows: [
        { line: 2, values: { a: '1', b: '2' } },
        { line: 3, values: { a: '3', b: '4' } },
      ],
    });
  });

  it.each([
    ['embedded comma', 'a,b\n"x, y",2', { a: 'x, y', b: '2' }],
    ['escaped quote', 'a,b\n"say ""hi""",2', { a: 'say "hi"', b: '2' }],
    ['embedded newline', 'a,b\n"one\ntwo",2', { a: 'one\ntwo', b: '2' }],
    ['empty fields', 'a,b,c\n,,', { a: '', b: '', c: '' }],
    ['empty quoted field', 'a,b\n"",x', { a: '', b: 'x' }],
    ['CRLF line endings', 'a,b\r\n1,2\r\n', { a: '1', b: '2' }],
    ['byte order mark', '\uFEFFa,b\n1,2', { a: '1', b: '2' }],
    ['no final newline', 'a,b\n1,2', { a: '1', b: '2' }],
  ])('handles %s', (_name, text, values) => {
    expect(parseCsv(text).rows).toEqual([{ line: 2, values }]);
  });

  it('numbers rows by the physical line where they start, across embedded newlines and blank lines', () => {
    const { rows } = parseCsv('a,b\r\n"x\r\ny",1\r\n\r\nz,2\r\n');
    expect(rows.map((r) => [r.line, r.values.a])).toEqual([
      [2, 'x\r\ny'],
      [5, 'z'],
    ]);
  });

  it('rejects a row with the wrong number of fields, naming its line', () => {
    const reason = { en: 'expected 2 fields, found 1', ur: '2 خانے متوقع تھے، 1 ملے' };
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(new CsvParseError(3, reason));
  });

  it('rejects an unclosed quote, naming the line where it opened', () => {
    expect(() => parseCsv('a,b\n1,2\n"open,3\n')).toThrow(/line 3: a quoted field is never closed/);
  });

  it('returns nothing for empty input', () => {
    expect(parseCsv('')).toEqual({ header: [], rows: [] });
  });
});
