import { describe, expect, it } from 'vitest';
import { roundOrder } from '../../scripts/bench/order';

/** How often each page comes right after each other page, and sits at each position, over `rounds`. */
function tally(count: number, rounds: number) {
  const after = new Map<string, number>();
  const at = new Map<string, number>();
  for (let r = 0; r < rounds; r++) {
    const order = roundOrder(r, count);
    expect([...order].sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
    order.forEach((page, position) => at.set(`${page}@${position}`, (at.get(`${page}@${position}`) ?? 0) + 1));
    for (let k = 1; k < count; k++) after.set(`${order[k - 1]}>${order[k]}`, (after.get(`${order[k - 1]}>${order[k]}`) ?? 0) + 1);
  }
  return { after, at };
}

describe('the order of a round of cold loads', () => {
  it('puts every page after every other page, and in every position, once over four rounds of four', () => {
    const { after, at } = tally(4, 4);
    expect(after.size).toBe(12);
    expect([...after.values()].every((n) => n === 1)).toBe(true);
    expect(at.size).toBe(16);
    expect([...at.values()].every((n) => n === 1)).toBe(true);
  });

  it('balances an odd number of pages over twice as many rounds', () => {
    for (const count of [3, 5]) {
      const { after, at } = tally(count, 2 * count);
      expect(after.size).toBe(count * (count - 1));
      expect([...after.values()].every((n) => n === 2)).toBe(true);
      expect([...at.values()].every((n) => n === 2)).toBe(true);
    }
  });

  it('starts each design with the first page listed, and repeats it once it is complete', () => {
    expect(roundOrder(0, 4)).toEqual([0, 1, 3, 2]);
    expect(roundOrder(4, 4)).toEqual(roundOrder(0, 4));
    expect(roundOrder(1, 1)).toEqual([0]);
  });
});
