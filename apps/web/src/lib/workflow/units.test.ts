import { describe, expect, it } from 'vitest';
import { unitIssuesOf } from './units';

describe('unitIssuesOf', () => {
  it('reads the row and field from the path and drops the repeated prefix from the message', () => {
    expect(
      unitIssuesOf({
        errors: [
          {
            path: 'rows[2].parents[0]',
            message: 'row 2, parents[0]: PK-PB-GUJRAT-DINGA has an unknown parent PK-PB-NOWHERE',
          },
          { path: 'rows[3].source', message: 'source: cite the notification or order' },
          { path: 'file', message: 'the file is empty' },
        ],
      }),
    ).toEqual([
      { row: 2, field: 'parents[0]', message: 'PK-PB-GUJRAT-DINGA has an unknown parent PK-PB-NOWHERE' },
      { row: 3, field: 'source', message: 'source: cite the notification or order' },
      { row: null, field: 'file', message: 'the file is empty' },
    ]);
  });

  it('gives no issue for a problem without errors', () => {
    expect(unitIssuesOf({})).toEqual([]);
  });
});
