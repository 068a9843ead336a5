import { describe, expect, it } from 'vitest';
import { expectedScore } from '../../../src/core/ratings/elo.ts';
import { generateOutcomes } from '../../../src/core/ratings/synthetic.ts';

describe('generateOutcomes', () => {
  it('is reproducible for a seed', () => {
    const options = { ratings: [1000, 1100, 900], count: 500, seed: 8, tieRate: 0.2 };
    expect(generateOutcomes(options)).toEqual(generateOutcomes(options));
  });

  it('draws ties without moving the expected score away from the Elo probability', () => {
    const { a, b, outcome } = generateOutcomes({ ratings: [1200, 1000], count: 40_000, seed: 2, tieRate: 0.5 });
    let score = 0;
    let ties = 0;
    for (let t = 0; t < outcome.length; t++) {
      if (a[t] === b[t]) throw new Error(`self-pair at ${t}`);
      score += a[t] === 0 ? outcome[t] : 1 - outcome[t];
      if (outcome[t] === 0.5) ties++;
    }
    const p = expectedScore(1200, 1000);
    expect(score / outcome.length).toBeCloseTo(p, 2);
    expect(ties / outcome.length).toBeCloseTo(0.5 * 2 * (1 - p), 2);
  });
});
