import { describe, expect, it } from 'vitest';
import { bootstrapBradleyTerry, quantile } from '../../../src/core/ratings/bootstrap.ts';
import { aggregatePairs } from '../../../src/core/ratings/pairs.ts';
import { createRandom } from '../../../src/core/ratings/random.ts';
import { generateOutcomes } from '../../../src/core/ratings/synthetic.ts';

const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0) / xs.length;

/** Ten entities 45 points apart, in an order shuffled by `seed`. */
function trueRatings(seed: number): number[] {
  const random = createRandom(seed);
  const ratings = Array.from({ length: 10 }, (_, k) => 800 + 45 * k);
  for (let i = ratings.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [ratings[i], ratings[j]] = [ratings[j], ratings[i]];
  }
  return ratings;
}

const order = (xs: ArrayLike<number>) =>
  Array.from(xs, (x, i) => [x, i])
    .sort((p, q) => q[0] - p[0])
    .map((p) => p[1]);

describe('bootstrapBradleyTerry', () => {
  it('is reproducible: the same seed gives the same intervals, another seed different ones', () => {
    const counts = aggregatePairs(generateOutcomes({ ratings: [1100, 1000, 900], count: 3000, seed: 1 }), 3);
    const first = bootstrapBradleyTerry(counts, { seed: 5 });
    const again = bootstrapBradleyTerry(counts, { seed: 5 });
    const other = bootstrapBradleyTerry(counts, { seed: 6 });
    expect(again.lower).toEqual(first.lower);
    expect(again.upper).toEqual(first.upper);
    expect(other.lower).not.toEqual(first.lower);
    expect(first.rounds).toBe(100);
    expect(first.samples.length).toBe(300);
  });

  it('narrows the intervals by about half when there are four times as many votes', () => {
    const truth = [1100, 1000, 900];
    const width = (count: number) => {
      const counts = aggregatePairs(generateOutcomes({ ratings: truth, count, seed: 2 }), 3);
      const { lower, upper } = bootstrapBradleyTerry(counts, { rounds: 200 });
      return mean(upper.map((u, i) => u - lower[i]));
    };
    const ratio = width(16_000) / width(4000);
    expect(ratio).toBeGreaterThan(0.35);
    expect(ratio).toBeLessThan(0.65);
  });

  it('recovers the true order of 10 entities 45 points apart from 20,000 outcomes (5 seeds)', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const truth = trueRatings(seed);
      const outcomes = generateOutcomes({ ratings: truth, count: 20_000, seed: 100 + seed, tieRate: 0.2 });
      const { fit, lower, upper } = bootstrapBradleyTerry(aggregatePairs(outcomes, 10), { seed });
      expect(order(fit.ratings)).toEqual(order(truth));
      for (let i = 0; i < 10; i++) expect(lower[i]).toBeLessThanOrEqual(upper[i]);
    }
  });

  // Coverage over 2,000 intervals (200 seeded simulations of 10 entities, 3,000 outcomes each, 200
  // rounds). Binomial noise alone is ±0.5 point (one SD) at this size, and intervals of one
  // simulation share their data, so the band is ±2.5 points around the level. The percentile
  // bootstrap runs a little under its level on finite samples (about 94% here), inside the band.
  // The same intervals shrunk or stretched by a quarter around their midpoint fall outside it:
  // the band tells a calibrated interval from a too-narrow or too-wide one.
  const coverage = (level: number, scales: number[]) => {
    const covered = scales.map(() => 0);
    let checked = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const truth = trueRatings(seed);
      const anchored = truth.map((r) => r - mean(truth) + 1000);
      const outcomes = generateOutcomes({ ratings: truth, count: 3000, seed: 1000 + seed, tieRate: 0.2 });
      const { lower, upper } = bootstrapBradleyTerry(aggregatePairs(outcomes, 10), { seed, rounds: 200, level });
      for (let i = 0; i < 10; i++) {
        checked++;
        const mid = (lower[i] + upper[i]) / 2;
        scales.forEach((f, k) => {
          const half = ((upper[i] - lower[i]) / 2) * f;
          if (mid - half <= anchored[i] && anchored[i] <= mid + half) covered[k]++;
        });
      }
    }
    return { checked, rates: covered.map((c) => c / checked) };
  };

  it('covers the true ratings 95% of the time, within ±2.5 points, over 2,000 seeded intervals; ±25% wider or narrower would not', () => {
    const { checked, rates } = coverage(0.95, [1, 0.75, 1.25]);
    expect(checked).toBe(2000);
    const [actual, narrow, wide] = rates;
    const inBand = (r: number) => r >= 0.925 && r <= 0.975;
    expect(actual, `coverage ${actual}`).toSatisfy(inBand);
    expect(narrow, `narrow coverage ${narrow}`).not.toSatisfy(inBand);
    expect(wide, `wide coverage ${wide}`).not.toSatisfy(inBand);
  });

  it('is calibrated at another level too: 80% intervals cover the truth 80% of the time, within ±4 points', () => {
    const [rate] = coverage(0.8, [1]).rates;
    expect(rate).toBeGreaterThanOrEqual(0.76);
    expect(rate).toBeLessThanOrEqual(0.84);
  });

  it('refuses a non-positive number of rounds and a level outside (0, 1)', () => {
    const counts = aggregatePairs(generateOutcomes({ ratings: [1000, 900], count: 10, seed: 1 }), 2);
    expect(() => bootstrapBradleyTerry(counts, { rounds: 0 })).toThrow(RangeError);
    expect(() => bootstrapBradleyTerry(counts, { level: 1 })).toThrow(RangeError);
  });
});

describe('quantile', () => {
  it('interpolates linearly between order statistics, like numpy and pandas', () => {
    const sorted = Float64Array.of(1, 2, 3, 4);
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 0.25)).toBe(1.75);
    expect(quantile(sorted, 0.5)).toBe(2.5);
    expect(quantile(sorted, 1)).toBe(4);
    expect(quantile(Float64Array.of(7), 0.975)).toBe(7);
  });
});
