import { describe, expect, it } from 'vitest';
import { logFactorial, sampleBinomial, sampleMultinomial } from '../../../src/core/ratings/binomial.ts';
import { createRandom } from '../../../src/core/ratings/random.ts';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 8 }, () => random.nextUint32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(0).every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });

  it('spreads nextInt evenly over its range (chi-square over 10 buckets)', () => {
    const random = createRandom(11);
    const buckets = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let t = 0; t < draws; t++) buckets[random.nextInt(10)]++;
    const expected = draws / 10;
    const chi2 = buckets.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(27.9); // 99.9th percentile of chi-square with 9 degrees of freedom
  });

  it('keeps nextFloat in [0, 1) with mean one half', () => {
    const random = createRandom(12);
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let t = 0; t < 100_000; t++) {
      const u = random.nextFloat();
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});

describe('sampleBinomial', () => {
  // Inversion (n·p < 10), BTRS (n·p >= 10), the p > 1/2 mirror, and a large n with a tiny p.
  const cases: Array<[number, number]> = [
    [20, 0.3],
    [1000, 0.4],
    [50, 0.9],
    [1_000_000, 0.001],
    [1_000_000, 0.000002],
    [35, 0.5],
  ];
  it.each(cases)('matches the mean and variance of Binomial(%i, %f)', (n, p) => {
    const random = createRandom(n + Math.round(p * 1e6));
    const draws = 20_000;
    let sum = 0;
    let sumSquares = 0;
    for (let t = 0; t < draws; t++) {
      const x = sampleBinomial(random, n, p);
      if (!(Number.isInteger(x) && x >= 0 && x <= n)) throw new Error(`draw ${x} outside 0..${n}`);
      sum += x;
      sumSquares += x * x;
    }
    const mean = sum / draws;
    const variance = sumSquares / draws - mean * mean;
    const trueVariance = n * p * (1 - p);
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(trueVariance / draws));
    expect(variance / trueVariance).toBeGreaterThan(0.9);
    expect(variance / trueVariance).toBeLessThan(1.1);
  });

  it('returns 0 or n at the edges', () => {
    const random = createRandom(1);
    expect(sampleBinomial(random, 10, 0)).toBe(0);
    expect(sampleBinomial(random, 10, 1)).toBe(10);
    expect(sampleBinomial(random, 0, 0.5)).toBe(0);
  });
});

describe('logFactorial', () => {
  it('agrees with summed logarithms across the table/Stirling boundary', () => {
    let exact = 0;
    for (let k = 1; k <= 1000; k++) {
      exact += Math.log(k);
      expect(logFactorial(k)).toBeCloseTo(exact, 8);
    }
  });
});

describe('sampleMultinomial', () => {
  it('always places exactly n items, never in an empty cell, with means n · w / Σw', () => {
    const random = createRandom(5);
    const weights = Float64Array.of(50, 0, 30, 20);
    const out = new Float64Array(4);
    const sums = new Float64Array(4);
    const rounds = 4000;
    for (let r = 0; r < rounds; r++) {
      sampleMultinomial(random, 100, weights, out);
      expect(out[0] + out[1] + out[2] + out[3]).toBe(100);
      expect(out[1]).toBe(0);
      for (let c = 0; c < 4; c++) sums[c] += out[c];
    }
    expect(sums[0] / rounds).toBeCloseTo(50, 0);
    expect(sums[2] / rounds).toBeCloseTo(30, 0);
    expect(sums[3] / rounds).toBeCloseTo(20, 0);
  });
});
