import { describe, expect, it } from 'vitest';
import { byRow, importIssuesOf } from './imports';

describe('importIssuesOf', () => {
  it('takes row and column from the problem’s structured fields, not from the path text', () => {
    const issues = importIssuesOf({
      errors: [
        { path: 'row 12, value', row: 7, column: 'year', message: 'not a year' },
        { path: 'file', message: 'required' },
      ],
    });
    expect(issues).toEqual([
      { row: 7, column: 'year', message: 'not a year' },
      { row: null, column: 'file', message: 'required' },
    ]);
    expect([...issues].sort(byRow).map((i) => i.row)).toEqual([null, 7]);
  });

  it('has nothing to list when the problem has no errors', () => {
    expect(importIssuesOf({})).toEqual([]);
  });
});
