import { describe, expect, it } from 'vitest';
import { boundedMemo } from './memo.js';

describe('boundedMemo', () => {
  it('makes a key’s value once, then gives the remembered one', () => {
    const memo = boundedMemo<string, { text: string }>(10);
    let made = 0;
    const make = (text: string) => ({ text: `${text}!${++made}` });
    const first = memo('a', make, 'a');
    expect(memo('a', make, 'a')).toBe(first);
    expect(memo('b', make, 'b')).toEqual({ text: 'b!2' });
    expect(made).toBe(2);
  });

  it('starts afresh past its limit, so it never holds more keys than that', () => {
    const memo = boundedMemo<number, number>(2);
    let made = 0;
    const make = (n: number) => (made++, n * 10);
    memo(1, make, 1);
    memo(2, make, 2);
    expect(memo(3, make, 3)).toBe(30);
    expect(made).toBe(3);
    expect(memo(1, make, 1)).toBe(10);
    expect(made).toBe(4);
  });

  it('remembers a null value as made', () => {
    const memo = boundedMemo<number, null>(4);
    let made = 0;
    const make = () => (made++, null);
    memo(7, make, undefined);
    memo(7, make, undefined);
    expect(made).toBe(1);
  });
});
