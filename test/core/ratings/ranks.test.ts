import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ranksFromIntervals } from '../../../src/core/ratings/ranks.ts';

describe('ranksFromIntervals', () => {
  it('separates entities whose intervals do not overlap', () => {
    expect(Array.from(ranksFromIntervals([10, 5, 0], [20, 9, 4]))).toEqual([1, 2, 3]);
  });

  it('gives overlapping entities the same rank', () => {
    expect(Array.from(ranksFromIntervals([10, 8, 9], [20, 15, 12]))).toEqual([1, 1, 1]);
  });

  it('places an entity below only those whose lower bound is above its upper bound', () => {
    // c [0, 9] is clearly behind a [10, 20] but overlaps b [8, 15].
    expect(Array.from(ranksFromIntervals([10, 8, 0], [20, 15, 9]))).toEqual([1, 1, 2]);
  });

  it('does not separate intervals that merely touch', () => {
    expect(Array.from(ranksFromIntervals([10, 0], [20, 10]))).toEqual([1, 1]);
  });

  it('equals 1 + the number of entities whose lower bound exceeds the upper bound', () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 }))
      .map(([lo, width]) => [lo, lo + width] as const);
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), (intervals) => {
        const lower = intervals.map((x) => x[0]);
        const upper = intervals.map((x) => x[1]);
        const expected = upper.map((u) => 1 + lower.filter((l) => l > u).length);
        expect(Array.from(ranksFromIntervals(lower, upper))).toEqual(expected);
      }),
    );
  });
});
