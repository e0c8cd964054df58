import { describe, expect, it } from 'vitest';
import { fileSlug } from './csv';

describe('fileSlug', () => {
  it('joins parts into a lower-case, hyphenated name', () => {
    expect(fileSlug('FourP', 'victims_identified', '100k')).toBe('fourp-victims-identified-100k');
  });
});
