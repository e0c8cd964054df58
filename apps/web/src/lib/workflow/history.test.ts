import { describe, expect, it } from 'vitest';
import { personOf } from './history';

describe('personOf', () => {
  it.each([
    [
      { id: 'u1', email: 'official@example.org', displayName: 'Amina Khan' },
      'Amina Khan (official@example.org)',
    ],
    [{ id: 'u1', email: 'official@example.org', displayName: null }, 'official@example.org'],
    [{ id: 'u1', email: null, displayName: null }, 'u1'],
    [null, null],
  ])('shows %o as %s', (user, shown) => {
    expect(personOf(user)).toBe(shown);
  });
});
