import { describe, expect, it } from 'vitest';
import { countCsvRows } from './upload';

describe('countCsvRows', () => {
  it.each([
    ['header only', 'a,b\r\n', 0],
    ['rows with a final newline', 'a,b\n1,2\n3,4\n', 2],
    ['rows without one', 'a,b\n1,2\n3,4', 2],
    ['empty file', '', 0],
  ])('counts %s', async (_name, text, rows) => {
    expect(await countCsvRows(new Blob([text]))).toBe(rows);
  });

  it('counts across chunks of a large file', async () => {
    const text = `a,b\n${'1,2\n'.repeat(200_000)}`;
    expect(await countCsvRows(new Blob([text]))).toBe(200_000);
  });
});
