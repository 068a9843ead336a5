import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitBradleyTerry } from '../../../src/core/ratings/bradley-terry.ts';
import { aggregatePairs, countMatrix, type PairwiseOutcomes } from '../../../src/core/ratings/pairs.ts';
import { generateOutcomes } from '../../../src/core/ratings/synthetic.ts';

function outcomes(rows: Array<[number, number, number]>): PairwiseOutcomes {
  return {
    a: Int32Array.from(rows.map((r) => r[0])),
    b: Int32Array.from(rows.map((r) => r[1])),
    outcome: Float32Array.from(rows.map((r) => r[2])),
  };
}

/** `wins` wins of a over b, `losses` the other way, `ties` ties. */
function series(a: number, b: number, wins: number, losses: number, ties = 0): Array<[number, number, number]> {
  return [
    ...Array.from({ length: wins }, (): [number, number, number] => [a, b, 1]),
    ...Array.from({ length: losses }, (): [number, number, number] => [a, b, 0]),
    ...Array.from({ length: ties }, (): [number, number, number] => [a, b, 0.5]),
  ];
}

const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0) / xs.length;

/** Arbitrary outcomes over 5 entities, every entity playing every other at least once both ways. */
const outcomeRows = fc
  .array(
    fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 0.5, 1))
      .map(([a, step, s]): [number, number, number] => [a, (a + step) % 5, s]),
    { minLength: 1, maxLength: 80 },
  )
  .map((rows) => {
    const base: Array<[number, number, number]> = [];
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) base.push([i, j, 1], [i, j, 0]);
    return [...base, ...rows];
  });

describe('fitBradleyTerry', () => {
  it('puts a 75–25 head-to-head 400·log10(3) = 190.8 points apart, anchored at mean 1000 (plain MLE)', () => {
    const fit = fitBradleyTerry(aggregatePairs(outcomes(series(0, 1, 75, 25)), 2), { priorGames: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.ratings[0] - fit.ratings[1]).toBeCloseTo(400 * Math.log10(3), 6);
    expect(mean(fit.ratings)).toBeCloseTo(1000, 9);
  });

  it('shrinks that gap only slightly with the default prior of one virtual draw', () => {
    const fit = fitBradleyTerry(aggregatePairs(outcomes(series(0, 1, 75, 25)), 2));
    const gap = fit.ratings[0] - fit.ratings[1];
    expect(gap).toBeLessThan(400 * Math.log10(3));
    expect(gap).toBeGreaterThan(400 * Math.log10(3) - 5);
  });

  it('counts ties as half a win to each side', () => {
    // 50 wins + 50 ties against 0 wins + 50 ties is the same evidence as 75–25.
    const withTies = fitBradleyTerry(aggregatePairs(outcomes(series(0, 1, 50, 0, 50)), 2), { priorGames: 0 });
    expect(withTies.ratings[0] - withTies.ratings[1]).toBeCloseTo(400 * Math.log10(3), 6);
    const allTies = fitBradleyTerry(aggregatePairs(outcomes(series(0, 1, 0, 0, 40)), 2));
    expect(Array.from(allTies.ratings)).toEqual([1000, 1000]);
  });

  it('solves the likelihood equations Σ_j W_ij + g/2 = Σ_j N_ij π_i/(π_i+π_j) + g π_i/(π_i+1)', () => {
    fc.assert(
      fc.property(outcomeRows, (rows) => {
        const counts = aggregatePairs(outcomes(rows), 5);
        const fit = fitBradleyTerry(counts, { tolerance: 1e-9 });
        const { wins, games } = countMatrix(counts);
        const pi = fit.strengths;
        for (let i = 0; i < 5; i++) {
          let observed = 0.5;
          let expected = pi[i] / (pi[i] + 1);
          for (let j = 0; j < 5; j++) {
            if (j === i) continue;
            observed += wins[i * 5 + j];
            expected += (games[i * 5 + j] * pi[i]) / (pi[i] + pi[j]);
          }
          expect(Math.abs(observed - expected)).toBeLessThan(1e-6 * observed);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('does not depend on the order of the outcomes', () => {
    fc.assert(
      fc.property(outcomeRows, fc.infiniteStream(fc.nat()), (rows, keys) => {
        const shuffled = rows
          .map((row) => ({ row, key: keys.next().value as number }))
          .sort((x, y) => x.key - y.key)
          .map((s) => s.row);
        const original = fitBradleyTerry(aggregatePairs(outcomes(rows), 5));
        const reordered = fitBradleyTerry(aggregatePairs(outcomes(shuffled), 5));
        expect(reordered.ratings).toEqual(original.ratings);
      }),
      { numRuns: 50 },
    );
  });

  it('gives the same ratings when a and b are swapped and each outcome x becomes 1 - x', () => {
    fc.assert(
      fc.property(outcomeRows, (rows) => {
        const swapped = rows.map(([a, b, s]): [number, number, number] => [b, a, 1 - s]);
        expect(fitBradleyTerry(aggregatePairs(outcomes(swapped), 5)).ratings).toEqual(
          fitBradleyTerry(aggregatePairs(outcomes(rows), 5)).ratings,
        );
      }),
      { numRuns: 50 },
    );
  });

  it('moves ratings with their entities when the entities are relabelled', () => {
    fc.assert(
      fc.property(outcomeRows, fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5 }), (rows, label) => {
        const relabelled = rows.map(([a, b, s]): [number, number, number] => [label[a], label[b], s]);
        const original = fitBradleyTerry(aggregatePairs(outcomes(rows), 5), { tolerance: 1e-9 });
        const moved = fitBradleyTerry(aggregatePairs(outcomes(relabelled), 5), { tolerance: 1e-9 });
        for (let i = 0; i < 5; i++) expect(moved.ratings[label[i]]).toBeCloseTo(original.ratings[i], 6);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps an unbeaten entity finite and on top', () => {
    const rows = [...series(0, 1, 20, 0), ...series(1, 2, 10, 10), ...series(0, 2, 5, 0)];
    const fit = fitBradleyTerry(aggregatePairs(outcomes(rows), 3));
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.ratings[0])).toBe(true);
    expect(fit.ratings[0]).toBeGreaterThan(fit.ratings[1] + 200);
  });

  it('leaves an entity with no games out of the anchor, at the reference strength', () => {
    const fit = fitBradleyTerry(aggregatePairs(outcomes(series(0, 1, 30, 10)), 3));
    expect(fit.converged).toBe(true);
    expect(fit.strengths[2]).toBe(1);
    expect((fit.ratings[0] + fit.ratings[1]) / 2).toBeCloseTo(1000, 9);
    expect(fit.ratings[2]).toBeGreaterThan(fit.ratings[1]);
    expect(fit.ratings[2]).toBeLessThan(fit.ratings[0]);
  });

  it('ties each part of a disconnected comparison graph to the reference, so equal records get equal ratings', () => {
    const rows = [...series(0, 1, 30, 10), ...series(2, 3, 30, 10)];
    const fit = fitBradleyTerry(aggregatePairs(outcomes(rows), 4));
    expect(fit.converged).toBe(true);
    expect(fit.ratings[0]).toBeCloseTo(fit.ratings[2], 9);
    expect(fit.ratings[1]).toBeCloseTo(fit.ratings[3], 9);
    expect(mean(fit.ratings)).toBeCloseTo(1000, 9);
  });

  it('recovers known ratings from 50,000 synthetic votes within a few points, in a few dozen sweeps', () => {
    const truth = [1250, 1180, 1100, 1060, 1000, 990, 940, 900, 830, 750];
    const counts = aggregatePairs(generateOutcomes({ ratings: truth, count: 50_000, seed: 9, tieRate: 0.3 }), 10);
    const fit = fitBradleyTerry(counts);
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(50);
    const shift = 1000 - mean(truth);
    for (let i = 0; i < 10; i++) expect(Math.abs(fit.ratings[i] - (truth[i] + shift))).toBeLessThan(15);
  });

  it('reports no convergence when the iteration budget runs out', () => {
    const counts = aggregatePairs(generateOutcomes({ ratings: [1200, 1000, 800], count: 1000, seed: 1 }), 3);
    expect(fitBradleyTerry(counts, { maxIterations: 1 }).converged).toBe(false);
  });
});
