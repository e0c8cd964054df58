import { describe, expect, it } from 'vitest';
import { buildCsv, csvField, fileSlug } from './csv';

describe('csvField', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [12.5, '12.5'],
    [0, '0'],
    [-3, '-3'],
    [Number.NaN, ''],
    [true, 'true'],
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+92 300', "'+92 300"],
    ['@cmd', "'@cmd"],
  ])('%j → %j', (cell, expected) => {
    expect(csvField(cell)).toBe(expected);
  });
});

describe('buildCsv', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    const csv = buildCsv(
      ['year', 'value', 'source'],
      [
        [2022, 576, 'Report, 2023'],
        [2023, null, 'Other'],
      ],
    );
    expect(csv).toBe('year,value,source\r\n2022,576,"Report, 2023"\r\n2023,,Other\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(buildCsv(['a'], [])).toBe('a\r\n');
  });
});

describe('fileSlug', () => {
  it('joins parts into a lower-case, hyphenated name', () => {
    expect(fileSlug('FourP', 'victims_identified', '100k')).toBe('fourp-victims-identified-100k');
  });
});
