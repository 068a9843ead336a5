import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregatePairs, countMatrix, entityTotals, type PairwiseOutcomes } from '../../../src/core/ratings/pairs.ts';

function outcomes(rows: Array<[number, number, number]>): PairwiseOutcomes {
  return {
    a: Int32Array.from(rows.map((r) => r[0])),
    b: Int32Array.from(rows.map((r) => r[1])),
    outcome: Float32Array.from(rows.map((r) => r[2])),
  };
}

/** Arbitrary lists of outcomes over 5 entities. */
const outcomeRows = fc.array(
  fc
    .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 0.5, 1))
    .map(([a, step, s]): [number, number, number] => [a, (a + step) % 5, s]),
  { maxLength: 60 },
);

describe('aggregatePairs', () => {
  it('counts decisive wins per side and ties per unordered pair, first < second', () => {
    const counts = aggregatePairs(
      outcomes([
        [0, 1, 1],
        [1, 0, 1],
        [1, 0, 1],
        [0, 1, 0.5],
        [2, 0, 0],
        [2, 1, 0.5],
      ]),
      4,
    );
    expect(Array.from(counts.first)).toEqual([0, 0, 1]);
    expect(Array.from(counts.second)).toEqual([1, 2, 2]);
    expect(Array.from(counts.firstWins)).toEqual([1, 1, 0]);
    expect(Array.from(counts.secondWins)).toEqual([2, 0, 0]);
    expect(Array.from(counts.ties)).toEqual([1, 0, 1]);
  });

  it('gives identical counts when a and b are swapped and each outcome x becomes 1 - x', () => {
    fc.assert(
      fc.property(outcomeRows, (rows) => {
        const swapped = rows.map(([a, b, s]): [number, number, number] => [b, a, 1 - s]);
        expect(aggregatePairs(outcomes(swapped), 5)).toEqual(aggregatePairs(outcomes(rows), 5));
      }),
    );
  });

  it('does not depend on the order of the outcomes', () => {
    fc.assert(
      fc.property(outcomeRows, fc.infiniteStream(fc.nat()), (rows, keys) => {
        const shuffled = rows.map((row) => ({ row, key: keys.next().value as number }));
        shuffled.sort((x, y) => x.key - y.key);
        expect(aggregatePairs(outcomes(shuffled.map((s) => s.row)), 5)).toEqual(aggregatePairs(outcomes(rows), 5));
      }),
    );
  });

  it('gives the same pairs on the sparse path used above 2048 entities', () => {
    fc.assert(
      fc.property(outcomeRows, (rows) => {
        const dense = aggregatePairs(outcomes(rows), 5);
        const far = rows.map(([a, b, s]): [number, number, number] => [a * 1000, b * 1000, s]);
        const sparse = aggregatePairs(outcomes(far), 5000);
        expect(Array.from(sparse.first)).toEqual(Array.from(dense.first).map((i) => i * 1000));
        expect(Array.from(sparse.second)).toEqual(Array.from(dense.second).map((i) => i * 1000));
        expect(sparse.firstWins).toEqual(dense.firstWins);
        expect(sparse.secondWins).toEqual(dense.secondWins);
        expect(sparse.ties).toEqual(dense.ties);
      }),
    );
  });

  it('refuses an index out of range, a self-pair and a score other than 0, 0.5 or 1', () => {
    expect(() => aggregatePairs(outcomes([[0, 3, 1]]), 3)).toThrow(RangeError);
    expect(() => aggregatePairs(outcomes([[-1, 1, 1]]), 3)).toThrow(RangeError);
    expect(() => aggregatePairs(outcomes([[1, 1, 1]]), 3)).toThrow(RangeError);
    expect(() => aggregatePairs(outcomes([[0, 1, 0.25]]), 3)).toThrow(/0, 0.5 or 1/);
    expect(() => aggregatePairs(outcomes([[0, 1, NaN]]), 3)).toThrow(RangeError);
    expect(() => aggregatePairs({ a: Int32Array.of(0), b: Int32Array.of(), outcome: Float32Array.of(1) }, 3)).toThrow(
      /equal lengths/,
    );
  });
});

describe('countMatrix and entityTotals', () => {
  it('count a tie as half a win to each side, so W_ij + W_ji = N_ij', () => {
    const counts = aggregatePairs(
      outcomes([
        [0, 1, 1],
        [0, 1, 0.5],
        [1, 2, 0],
      ]),
      3,
    );
    const { wins, games } = countMatrix(counts);
    expect(Array.from(wins)).toEqual([0, 1.5, 0, 0.5, 0, 0, 0, 1, 0]);
    expect(Array.from(games)).toEqual([0, 2, 0, 2, 0, 1, 0, 1, 0]);
    const totals = entityTotals(counts);
    expect(Array.from(totals.games)).toEqual([2, 3, 1]);
    expect(Array.from(totals.wins)).toEqual([1, 0, 1]);
    expect(Array.from(totals.losses)).toEqual([0, 2, 0]);
    expect(Array.from(totals.ties)).toEqual([1, 1, 0]);
  });
});
