import { describe, expect, it } from 'vitest';
import { exportQuery } from './downloads';

describe('exportQuery', () => {
  it('keeps the filters that are set, encoded', () => {
    expect(
      exportQuery({ indicator: 'victims_identified', jurisdiction: undefined, from: 2020, release: '' }),
    ).toBe('?indicator=victims_identified&from=2020');
    expect(exportQuery({ release: '2026.12.1', jurisdiction: 'PK-PB-GUJRAT' })).toBe(
      '?release=2026.12.1&jurisdiction=PK-PB-GUJRAT',
    );
  });

  it('is empty when nothing is filtered', () => {
    expect(exportQuery({})).toBe('');
    expect(exportQuery({ indicator: undefined })).toBe('');
  });
});
