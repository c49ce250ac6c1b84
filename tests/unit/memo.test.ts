import { describe, expect, it } from 'vitest';
import { memoizeString } from '../../src/data/memo';

describe('memoizeString', () => {
  it('computes each distinct string once and returns the same answer', () => {
    const seen: string[] = [];
    const length = memoizeString((value) => (seen.push(value), value.length));
    expect([length('ab'), length('abc'), length('ab'), length('abc')]).toEqual([2, 3, 2, 3]);
    expect(seen).toEqual(['ab', 'abc']);
  });

  it('caches answers that are falsy or undefined too', () => {
    let calls = 0;
    const nothing = memoizeString(() => (calls++, undefined));
    const no = memoizeString(() => (calls++, false));
    nothing('x');
    nothing('x');
    no('y');
    no('y');
    expect(calls).toBe(2);
  });

  it('starts over when full instead of growing without end', () => {
    const seen: string[] = [];
    const echo = memoizeString((value) => (seen.push(value), value), 2);
    echo('a');
    echo('b');
    echo('c'); // full: the cache is cleared, so 'a' is computed again
    echo('a');
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
    expect(echo('c')).toBe('c');
  });
});
